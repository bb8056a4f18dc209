import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCache } from '../../../src/build/build-cache.ts';
import { relatedDocuments } from '../../../src/lib/document/related.ts';
import { termCounts } from '../../../src/lib/document/terms.ts';
import { cachedRelatedIds } from '../../../src/loaders/related-lists.ts';

const texts: Record<string, string> = {
  'ice-1-1': 'гололёд на дорогах Петербурга',
  'ice-2-1': 'сильный гололед в Петербурге',
  'budget-1': 'бюджет города утвердили',
  'budget-2': 'гололёд и бюджет Петербурга',
};
const doc = (id: string, digest = `${id}-1`) => ({ id, digest });
const documents = [doc('ice-1'), doc('ice-2'), doc('budget')];
// What relatedDocuments gives for the documents, from their texts.
const expected = (list: typeof documents, count: number): Map<string, string[]> =>
  relatedDocuments(
    list.map(({ id, digest }) => ({ id, terms: termCounts([texts[digest] ?? '']) })),
    { count },
  );

// A build cache holding each document's terms as the derive step writes them.
async function cacheWithTerms(): Promise<string> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'related-'));
  const { terms } = buildCache(cacheDir);
  await terms.make();
  for (const [digest, text] of Object.entries(texts)) terms.write(digest, JSON.stringify(termCounts([text])));
  return cacheDir;
}

describe('related ids kept in the build cache', () => {
  it('are the ids the terms the derive step kept give, read back while the documents are the same', async () => {
    const cacheDir = await cacheWithTerms();
    const first = await cachedRelatedIds(documents, { count: 2 }, cacheDir);
    expect(first).toEqual(expected(documents, 2));
    expect(first.get('ice-1')).toEqual(['ice-2']);
    // A list planted in the cache comes back: nothing was compared again.
    const path = join(cacheDir, 'archive-related.json');
    const cached = JSON.parse(await readFile(path, 'utf8')) as { key: string };
    await writeFile(path, JSON.stringify({ key: cached.key, lists: [['ice-1', ['planted']]] }));
    expect(await cachedRelatedIds(documents, { count: 2 }, cacheDir)).toEqual(
      new Map([['ice-1', ['planted']]]),
    );
  });

  it('are computed again when a document or the options change', async () => {
    const cacheDir = await cacheWithTerms();
    await cachedRelatedIds(documents, { count: 2 }, cacheDir);
    const edited = [...documents.slice(0, 2), doc('budget', 'budget-2')];
    expect(await cachedRelatedIds(edited, { count: 2 }, cacheDir)).toEqual(expected(edited, 2));
    expect(await cachedRelatedIds(edited, { count: 1 }, cacheDir)).toEqual(expected(edited, 1));
  });
});
