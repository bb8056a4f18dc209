import type { SearchSort } from './search-state.ts';

/** The part of a result that ordering needs: its score and its ISO date. */
export interface Rankable {
  score: number;
  date: string;
}

function byDate(sort: SearchSort) {
  const sign = sort === 'oldest' ? 1 : -1;
  return (a: Rankable, b: Rankable): number =>
    a.date === b.date ? b.score - a.score : a.date < b.date ? -sign : sign;
}

/**
 * Merges the result lists of several language indexes into one order: by score for relevance
 * (each index scores its own pages with its own stemmer, so scores compare term for term), by
 * date for the other orders, ties broken by score.
 */
export function mergeRanked<T extends Rankable>(lists: readonly (readonly T[])[], sort: SearchSort): T[] {
  const all = lists.flat();
  return sort === 'relevance' ? all.sort((a, b) => b.score - a.score) : all.sort(byDate(sort));
}

/** Adds up filter counts of several indexes: `{ year: { 2024: 2 } }` + `{ year: { 2024: 1 } }`. */
export function mergeCounts(
  counts: readonly Record<string, Record<string, number>>[],
): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const one of counts)
    for (const [key, values] of Object.entries(one)) {
      const target = (merged[key] ??= {});
      for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
    }
  return merged;
}

/** Inverse document frequency the way BM25 (and Pagefind) computes it. */
export function inverseFrequency(pages: number, matching: number): number {
  return Math.log(1 + (pages - matching + 0.5) / (matching + 0.5));
}

/** Size of one language index and how many of its pages a query matched. */
export interface IndexShare {
  pages: number;
  matching: number;
}

/**
 * Factors that put each index's scores on the scale of the whole archive. Each index weighs a
 * word by how rare it is in that index alone: a name found in the one English page of a Russian
 * archive would count for nothing there and for much in the Russian index. Scaling each score by
 * the word's rarity in the whole archive over its rarity in the index makes them comparable.
 */
export function archiveWeights(shares: readonly IndexShare[]): number[] {
  const pages = shares.reduce((sum, share) => sum + share.pages, 0);
  const matching = shares.reduce((sum, share) => sum + share.matching, 0);
  const global = inverseFrequency(pages, matching);
  return shares.map((share) => {
    const local = inverseFrequency(share.pages, share.matching);
    return shares.length < 2 || share.matching === 0 || local <= 0 ? 1 : global / local;
  });
}
