import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileCases } from '../../../fixtures/hostile-cases.ts';

describe('the hostile fixtures', () => {
  it('hold exactly the bytes their script writes, and nothing else', async () => {
    const folder = 'tests/fixtures/hostile';
    expect((await readdir(folder)).sort()).toEqual(hostileCases.map((c) => c.path).sort());
    for (const { path, bytes } of hostileCases)
      expect([...(await readFile(join(folder, path)))], path).toEqual([...bytes]);
  });
});
