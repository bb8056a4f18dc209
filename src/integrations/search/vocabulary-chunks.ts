import { createHash } from 'node:crypto';
import { vocabularyChunks } from '../../lib/search/vocabulary.ts';
import { buildCache } from '../../build/build-cache.ts';
import { codeDigest } from '../../build/code-digest.ts';
import type { DocumentRecord } from '../../schemas/document.ts';

// Above this many documents, words seen once are mostly typos and names: leave them out.
const RARE_WORDS_FROM = 1000;
// The worker that counts the words, by its path from the project's root: it and every module it
// runs make the chunks.
const CHUNKS_CODE = 'src/integrations/search/vocabulary-thread.ts';

interface CachedChunks {
  key: string;
  chunks: [name: string, text: string][];
  /** The code that counted, the digests counted (sorted) and the archive's counts of each word. */
  code?: string;
  digests?: string[];
  counts?: [word: string, count: number][];
}

type Cache = ReturnType<typeof buildCache>;

function addWords(counts: Map<string, number>, words: Record<string, number>, sign: 1 | -1): void {
  for (const [word, count] of Object.entries(words)) {
    const total = (counts.get(word) ?? 0) + sign * count;
    if (total > 0) counts.set(word, total);
    else counts.delete(word);
  }
}

// The counts of the last count moved to these documents: the words of the documents added, less
// those of the documents gone. Undefined when there is nothing to start from, or a gone document's
// words are no longer kept: the caller counts every document then.
function updatedCounts(
  cache: Cache,
  cached: CachedChunks | undefined,
  code: string,
  digests: readonly string[],
) {
  if (cached?.code !== code || !cached.digests || !cached.counts) return undefined;
  const before = new Set(cached.digests);
  const now = new Set(digests);
  const gone = cached.digests.filter((digest) => !now.has(digest));
  if (!gone.every((digest) => cache.words.had(digest))) return undefined;
  const counts = new Map(cached.counts);
  for (const digest of gone) addWords(counts, cache.wordsOf(digest), -1);
  for (const digest of digests) if (!before.has(digest)) addWords(counts, cache.wordsOf(digest), 1);
  return counts;
}

/**
 * Counts the words of every published document into chunk files (name → JSON text), from the
 * words the loader kept with each record. The same documents give the same chunks, taken from the
 * cache without counting; other documents move the last count by the words of those added and
 * gone (a document added to 100,000 read 100,000 word lists, 22–55 s beside the render). The words
 * of documents no longer published are deleted here, once counted out, not by the sync.
 */
export async function buildChunks(
  cacheDir: string,
  records: readonly DocumentRecord[],
): Promise<Map<string, string>> {
  const cache = buildCache(cacheDir);
  const code = await codeDigest([CHUNKS_CODE]);
  const hash = createHash('sha256').update(`${code}\n`);
  for (const record of records) hash.update(`${record.digest}\n`);
  const key = hash.digest('hex');
  const cached = await cache.vocabulary.read<CachedChunks | undefined>(undefined);
  if (cached?.key === key) return new Map(cached.chunks);
  const digests = records.map((record) => record.digest).sort();
  let counts = updatedCounts(cache, cached, code, digests);
  if (!counts) {
    counts = new Map<string, number>();
    for (const digest of digests) addWords(counts, cache.wordsOf(digest), 1);
  }
  const chunks = vocabularyChunks(counts, records.length >= RARE_WORDS_FROM ? 2 : 1);
  const files = [...chunks]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, entries]): [string, string] => [`${name}.json`, JSON.stringify(entries)]);
  await cache.vocabulary.write({
    key,
    chunks: files,
    code,
    digests,
    counts: [...counts],
  } satisfies CachedChunks);
  await cache.words.prune(new Set(digests));
  return new Map(files);
}
