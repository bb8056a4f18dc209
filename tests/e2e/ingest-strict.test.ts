import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

const seeds = resolve('tests/.output/strict-seeds');
const BAD = ['empty.txt', 'header-date-impossible.txt', 'encoding-broken-utf8.txt'];

beforeAll(async () => {
  await rm(seeds, { recursive: true, force: true });
  await mkdir(seeds, { recursive: true });
  for (const file of [...BAD, 'encoding-utf8.txt'])
    await cp(join('tests/fixtures/ingest', file), join(seeds, file));
});

describe('strict mode', () => {
  it('fails the build with STRICT=1 after listing every problem, not just the first', async () => {
    const site = buildFixtureSite('strict-env', seeds, { STRICT: '1' });
    expect(site.status).not.toBe(0);
    expect(site.output).toContain('empty.txt:1: error: empty file');
    expect(site.output).toContain('header-date-impossible.txt:1: error: date 2025-13-45 does not exist');
    expect(site.output).toContain('encoding-broken-utf8.txt:4: error: not valid UTF-8');
    expect(site.output).toContain('1 documents, 3 problems');
    expect(site.output).toContain('strict mode: 3 problems');
    const report = JSON.parse(await readFile(site.report, 'utf8'));
    expect(report).toMatchObject({ strict: true, documents: 1 });
    expect(report.problems.map((p: { file: string }) => p.file).sort()).toEqual([...BAD].sort());
  });

  it('fails the build with the --strict flag too', () => {
    const site = buildFixtureSite('strict-flag', seeds, { STRICT: '' }, ['--strict']);
    expect(site.status).not.toBe(0);
    expect(site.output).toContain('strict mode: 3 problems');
  });

  it('builds from the rest and exits cleanly when not strict', () => {
    const site = buildFixtureSite('strict-off', seeds, { STRICT: '' });
    expect(site.status).toBe(0);
    expect(site.output).toContain('1 documents, 3 problems');
  });
});
