import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relatedIds } from '../../../src/lib/document/links.ts';
import { termCounts } from '../../../src/lib/document/terms.ts';
import { cachedRelatedIds } from '../../../src/loaders/related-lists.ts';

const doc = (id: string, text: string, digest = `${id}-1`) => ({
  id,
  digest,
  data: { date: '2025-01-01', headline: id, terms: termCounts([text]) },
});
const documents = [
  doc('ice-1', 'гололёд на дорогах Петербурга'),
  doc('ice-2', 'сильный гололед в Петербурге'),
  doc('budget', 'бюджет города утвердили'),
];

describe('related ids kept in the build cache', () => {
  it('are the ids relatedIds gives, read back while the documents are the same', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'related-'));
    const first = await cachedRelatedIds(documents, { count: 2 }, cacheDir);
    expect(first).toEqual(relatedIds(documents, { count: 2 }));
    // A list planted in the cache comes back: nothing was compared again.
    const path = join(cacheDir, 'archive-related.json');
    const cached = JSON.parse(await readFile(path, 'utf8')) as { key: string };
    await writeFile(path, JSON.stringify({ key: cached.key, lists: [['ice-1', ['planted']]] }));
    expect(await cachedRelatedIds(documents, { count: 2 }, cacheDir)).toEqual(
      new Map([['ice-1', ['planted']]]),
    );
  });

  it('are computed again when a document or the options change', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'related-'));
    await cachedRelatedIds(documents, { count: 2 }, cacheDir);
    const edited = [...documents.slice(0, 2), doc('budget', 'гололёд и бюджет Петербурга', 'budget-2')];
    expect(await cachedRelatedIds(edited, { count: 2 }, cacheDir)).toEqual(relatedIds(edited, { count: 2 }));
    expect(await cachedRelatedIds(edited, { count: 1 }, cacheDir)).toEqual(relatedIds(edited, { count: 1 }));
  });
});
