import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestFolder } from '../../../src/build/digest-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'digest-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a folder of one file per digest', () => {
  it('tells which digests it held from one listing, taken when first asked', async () => {
    const folder = digestFolder(join(root, 'bodies'), '.html');
    await folder.make();
    folder.write('a1', '<p>один</p>');
    writeFileSync(join(folder.directory, 'b2.json'), '{}');
    expect(folder.had('a1')).toBe(true);
    expect(folder.had('b2')).toBe(false);
    // Written after the listing: the sync asks about what earlier builds left, not what it writes.
    folder.write('c3', '<p>три</p>');
    expect(folder.had('c3')).toBe(false);
    expect(folder.read('c3')).toBe('<p>три</p>');
    expect(digestFolder(folder.directory, '.html').had('c3')).toBe(true);
  });

  it('holds nothing before its folder is made', () => {
    expect(digestFolder(join(root, 'missing'), '.html').had('a1')).toBe(false);
  });
});
