import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import surveyBuiltSite from '../../../../src/integrations/output/built-files-thread.ts';
import { listBuiltFiles, revisionOf } from '../../../../src/integrations/output/built-files.ts';
import { scanOutput } from '../../../../src/integrations/output/output-manifest.ts';

const folder = (): string => mkdtempSync(join(tmpdir(), 'archive-built-'));

describe('the survey of a built site', () => {
  it('gives each file its revision and reads again only files whose size or modification time changed', async () => {
    const directory = folder();
    const page = join(directory, 'index.html');
    const time = new Date('2026-01-01T00:00:00Z');
    writeFileSync(page, '<p>главная</p>');
    utimesSync(page, time, time);
    const first = listBuiltFiles(directory, scanOutput(directory));
    expect(first.files).toEqual([
      expect.objectContaining({ path: 'index.html', revision: revisionOf('<p>главная</p>') }),
    ]);
    // Same size and time: what the last survey learnt stands (the build left the file in place).
    writeFileSync(page, '<p>новости</p>');
    utimesSync(page, time, time);
    const kept = listBuiltFiles(directory, scanOutput(directory), first.known);
    expect(kept.files[0]?.revision).toBe(revisionOf('<p>главная</p>'));
    // A rewritten file has a new modification time: it is read again.
    utimesSync(page, time, new Date(time.getTime() + 1000));
    const read = listBuiltFiles(directory, scanOutput(directory), first.known);
    expect(read.files[0]?.revision).toBe(revisionOf('<p>новости</p>'));
  });

  it("titles each document page with its record's headline and remembers the files for the next build", async () => {
    const directory = folder();
    const cacheDir = folder();
    mkdirSync(join(directory, 'doc/a'), { recursive: true });
    writeFileSync(join(directory, 'doc/a/index.html'), '<h1>А</h1>');
    const record = { title: 'А б', headline: 'А\u00a0б', date: '2024-01-01', places: [], authors: [] };
    const records = [{ ...record, id: 'a', digest: 'd1', lang: 'ru' }];
    const present = scanOutput(directory);
    const site = await surveyBuiltSite({ directory, base: '/news/', cacheDir, records, present });
    expect(site.titles).toEqual([['/news/doc/a/', 'А\u00a0б']]);
    expect(site.files.map((file) => file.path)).toEqual(['doc/a/index.html']);
    const again = await surveyBuiltSite({ directory, base: '/news/', cacheDir, records, present });
    expect(again.files).toEqual(site.files);
  });
});
