import { stemmer } from '@orama/stemmers/russian';
import { stopwords } from '@orama/stopwords/russian';

/** Stemmed terms of a document and how often each occurs. */
export type TermCounts = Record<string, number>;

const STOPWORDS = new Set(stopwords.map((word) => word.replaceAll('ё', 'е')));
const WORD = /\p{L}+(?:-\p{L}+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const STEM_CACHE = 200_000;
const stems = new Map<string, string>();

/** Lower-cases, folds ё into е, and stems a Russian word; other scripts are only lower-cased. */
export function stemWord(word: string): string {
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  return CYRILLIC.test(lower) ? stemmer(lower) : lower;
}

/**
 * Counts the stemmed terms of running text and keeps the `limit` most frequent, so that the
 * content store holds a short fingerprint of each document instead of its text.
 */
export function termCounts(texts: readonly string[], limit = 40): TermCounts {
  const counts = new Map<string, number>();
  for (const text of texts) {
    // Folding the whole text once is cheaper than folding each of its words.
    for (const [lower] of text.toLowerCase().replaceAll('ё', 'е').matchAll(WORD)) {
      if (lower.length < 3) continue;
      if (STOPWORDS.has(lower)) continue;
      let term = stems.get(lower);
      if (term === undefined) {
        term = stemWord(lower);
        // Word frequencies follow Zipf's law: a bounded cache spares most of the stemming.
        if (stems.size < STEM_CACHE) stems.set(lower, term);
      }
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(top.slice(0, limit));
}
