import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offThread } from '../../../../src/build/off-thread.ts';
import { buildChunks } from '../../../../src/integrations/search/vocabulary-chunks.ts';
import { countWordsInto, vocabularyChunks } from '../../../../src/lib/search/vocabulary.ts';
import { buildCache } from '../../../../src/build/build-cache.ts';
import type { DocumentRecord } from '../../../../src/schemas/document.ts';

const texts = {
  a: 'Переговоры в Кремле продолжились. Переговоры идут.',
  b: 'Снегопад в Москве: снегопад продлится до среды.',
};

// A cache as the loader leaves it: records and each document's words under its digest.
async function cacheWith(documents: Record<string, string>): Promise<string> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'vocabulary-'));
  const folder = buildCache(cacheDir).words;
  await folder.make();
  const records = Object.entries(documents).map(([id, text], index) => {
    const counts = new Map<string, number>();
    countWordsInto(text, counts);
    folder.write(`digest-${id}`, JSON.stringify(Object.fromEntries(counts)));
    const date = `2025-01-0${index + 1}`;
    return { id, digest: `digest-${id}`, title: id, headline: id, date, places: [], authors: [], lang: 'ru' };
  });
  await buildCache(cacheDir).records.write(records);
  return cacheDir;
}

// The chunks of the records a cache holds, as the build hands them over.
const chunksOf = async (cacheDir: string): Promise<Map<string, string>> =>
  buildChunks(cacheDir, await buildCache(cacheDir).records.read());

describe('the vocabulary chunks', () => {
  it('count the words of every record, as counting the texts themselves does', async () => {
    const counts = new Map<string, number>();
    for (const text of Object.values(texts)) countWordsInto(text, counts);
    const expected = new Map(
      [...vocabularyChunks(counts)].map(([key, entries]) => [`${key}.json`, JSON.stringify(entries)]),
    );
    const chunks = await chunksOf(await cacheWith(texts));
    expect(chunks).toEqual(expected);
    expect(chunks.get(`${'п'.codePointAt(0)?.toString(16)}-10.json`)).toBe('[["переговоры",2]]');
  });

  it('come from the cache while the records are the same, and are counted again when they change', async () => {
    const cacheDir = await cacheWith(texts);
    const first = await chunksOf(cacheDir);
    await rm(buildCache(cacheDir).words.directory, { recursive: true });
    expect(await chunksOf(cacheDir)).toEqual(first);
    await buildCache(cacheDir).records.write([]);
    expect(await chunksOf(cacheDir)).toEqual(new Map());
  });

  it('move the last count by the words of the documents added and gone, to what a full count gives', async () => {
    const cacheDir = await cacheWith(texts);
    const [first, unread, ...others] = (await buildCache(cacheDir).records.read()) as DocumentRecord[];
    if (!first || !unread) throw new Error('two documents expected');
    await chunksOf(cacheDir);
    // An edit: the first document's old words go, its new ones come; the others' are never read.
    const { words, vocabulary } = buildCache(cacheDir);
    const edited = { ...first, digest: `${first.digest}-edited` };
    words.write(edited.digest, JSON.stringify({ ледоход: 3, переговоры: 1 }));
    const kept = words.read(unread.digest);
    await rm(words.path(unread.digest));
    const now = [edited, unread, ...others];
    const moved = await buildChunks(cacheDir, now);
    expect(moved.get(`${'л'.codePointAt(0)?.toString(16)}-7.json`)).toBe('[["ледоход",3]]');
    // Counted out, the gone words are deleted; a count from nothing gives the same chunks.
    expect(buildCache(cacheDir).words.had(first.digest)).toBe(false);
    words.write(unread.digest, kept);
    await rm(vocabulary.path);
    expect(await buildChunks(cacheDir, now)).toEqual(moved);
  });

  it('are the same counted on a thread of their own', async () => {
    const cacheDir = await cacheWith(texts);
    const module = new URL('../../../../src/integrations/search/vocabulary-thread.ts', import.meta.url);
    const counted = await offThread<Map<string, string>>(module, {
      cacheDir,
      records: await buildCache(cacheDir).records.read(),
    });
    expect(counted).toEqual(await chunksOf(await cacheWith(texts)));
  });
});
