import { mkdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

const missing = resolve('tests/.output/seeds-that-do-not-exist');
const empty = resolve('tests/.output/seeds-folder-empty');

beforeAll(async () => {
  await rm(missing, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
  await mkdir(empty, { recursive: true });
});

describe('the seeds folder itself', () => {
  for (const strict of ['', '1']) {
    it(`stops the build with a message naming a folder that does not exist (STRICT=${strict || 'off'})`, () => {
      const site = buildFixtureSite(`missing-seeds-${strict || 'off'}`, missing, { STRICT: strict });
      expect(site.status).not.toBe(0);
      expect(site.status).not.toBeNull();
      expect(site.output).toContain(`seeds folder "${missing}"`);
      expect(site.output).toContain('does not exist');
    });
  }

  it('builds an empty archive from an empty folder, with a warning that names it', async () => {
    const site = buildFixtureSite('empty-seeds', empty, { STRICT: '' });
    expect(site.status).toBe(0);
    expect(site.output).toContain(`${empty}/: warning: the seeds folder holds no document`);
    const report = JSON.parse(await readFile(site.report, 'utf8'));
    expect(report).toMatchObject({ documents: 0, strict: false });
    await expect(readFile(resolve(site.outDir, 'index.html'), 'utf8')).resolves.toContain('<html');
    await expect(readFile(resolve(site.outDir, 'rss.xml'), 'utf8')).resolves.toContain('<rss');
  });
});
