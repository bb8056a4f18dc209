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
}

/**
 * Counts the words of every published document into chunk files (name → JSON text), from the
 * words the loader kept with each record. The same documents give the same chunks, taken from the
 * cache without counting.
 */
export async function buildChunks(
  cacheDir: string,
  records: readonly DocumentRecord[],
): Promise<Map<string, string>> {
  const cache = buildCache(cacheDir);
  const hash = createHash('sha256').update(`${await codeDigest([CHUNKS_CODE])}\n`);
  for (const record of records) hash.update(`${record.digest}\n`);
  const key = hash.digest('hex');
  const cached = await cache.vocabulary.read<CachedChunks | undefined>(undefined);
  if (cached?.key === key) return new Map(cached.chunks);
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const [word, count] of Object.entries(cache.wordsOf(record.digest))) {
      counts.set(word, (counts.get(word) ?? 0) + count);
    }
  }
  const chunks = vocabularyChunks(counts, records.length >= RARE_WORDS_FROM ? 2 : 1);
  const files = [...chunks]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, entries]): [string, string] => [`${name}.json`, JSON.stringify(entries)]);
  await cache.vocabulary.write({ key, chunks: files } satisfies CachedChunks);
  return new Map(files);
}
