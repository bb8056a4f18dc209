import { resolve } from 'node:path';
import { countWordsInto, vocabularyChunks } from '../lib/vocabulary.ts';
import { readSeedDocuments } from '../loaders/seed-documents.ts';

// Above this many documents, words seen once are mostly typos and names: leave them out.
const RARE_WORDS_FROM = 1000;

/** Counts the words of every published document into chunk files (name → JSON text). */
export async function buildChunks(seedsDir: string): Promise<Map<string, string>> {
  const counts = new Map<string, number>();
  let documents = 0;
  for await (const { seed } of readSeedDocuments(resolve(seedsDir))) {
    documents += 1;
    countWordsInto(`${seed.title}\n${seed.paragraphs.join('\n')}`, counts);
  }
  const chunks = vocabularyChunks(counts, documents >= RARE_WORDS_FROM ? 2 : 1);
  return new Map([...chunks].map(([key, entries]) => [`${key}.json`, JSON.stringify(entries)]));
}
