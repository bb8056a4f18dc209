/** Documents per search bundle when nothing else is set: 100,000 documents index within 6 GB (docs/benchmarks.md). */
export const DEFAULT_SHARD_SIZE = 10_000;

/** Name of the synthetic filter that tells the shards of one language index apart. */
export const SHARD_FILTER = 'shard';

/** One Pagefind bundle and the languages its `pagefind-entry.json` lists. */
export interface BundleEntry {
  /** URL path of the bundle folder (`/pagefind-1/`). */
  bundle: string;
  languages: Record<string, { page_count: number }>;
}

/** How one language is searched: the first bundle holds its instance, the others are merged into it. */
export interface LanguagePlan {
  language: string;
  /** Pages of this language in every bundle together. */
  pages: number;
  /** Bundles that hold this language, the primary first, each with its shard number. */
  bundles: { bundle: string; shard: number }[];
}

/** Groups the bundles of a sharded index by language, the largest language first. */
export function planLanguages(entries: readonly BundleEntry[]): LanguagePlan[] {
  const plans = new Map<string, LanguagePlan>();
  entries.forEach(({ bundle, languages }, shard) => {
    for (const [language, { page_count }] of Object.entries(languages)) {
      // A bundle without pages of a language would hand Pagefind another language's index.
      if (page_count === 0) continue;
      const plan = plans.get(language) ?? { language, pages: 0, bundles: [] };
      plan.pages += page_count;
      plan.bundles.push({ bundle, shard });
      plans.set(language, plan);
    }
  });
  return [...plans.values()].sort((a, b) => b.pages - a.pages);
}

/**
 * Splits `count` pages into as few shards of at most `shardSize` as possible, of even sizes, as
 * `[start, end)` ranges: 10,202 pages in shards of 10,000 give two of 5,101, not 10,000 and 202.
 */
export function shardRanges(count: number, shardSize: number): [number, number][] {
  if (!Number.isInteger(shardSize) || shardSize < 1)
    throw new Error(`shard size must be a positive integer, not ${shardSize}`);
  const shards = Math.max(1, Math.ceil(count / shardSize));
  return Array.from({ length: shards }, (_, at) => [
    Math.round((at * count) / shards),
    Math.round(((at + 1) * count) / shards),
  ]);
}

/** Reads a shard size setting (env `SEARCH_SHARD_SIZE`): a positive integer, or the default when unset. */
export function parseShardSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHARD_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`SEARCH_SHARD_SIZE must be a positive integer, not "${value}"`);
  return size;
}

// Letters only, lower-case, diacritics dropped (ё as е), as Pagefind compares words.
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLocaleLowerCase();
}

function commonPrefix(a: string, b: string): number {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  return at;
}

/**
 * Whether a page matched every word of the query itself (the word or a longer form of it), or
 * null when that cannot be told. A Pagefind index with no word starting with a query word falls
 * back to the longest indexed word the query word starts with (`с` for `снегопад`); one index
 * does that only when the whole archive lacks the word, but a shard does it whenever that shard
 * does. `locations` are word positions in `content`, as a result's data gives them; a match
 * shares with its query word at least the stem (all but a few last letters).
 */
export function matchesQueryWords(
  query: string,
  content: string,
  locations: readonly number[],
): boolean | null {
  const terms = query.split(/\s+/u).map(fold).filter(Boolean);
  if (terms.length === 0 || locations.length === 0 || /^\s*".+"\s*$/u.test(query)) return null;
  // Pagefind's own word boundaries, which its locations count.
  const words = content.split(/[^\S\uFEFF]+/u);
  const matched = locations.flatMap((at) => (words[at] === undefined ? [] : [fold(words[at])]));
  return terms.every((term) => {
    const needed = Math.min(term.length, Math.max(3, term.length - 3));
    return matched.some((word) => commonPrefix(word, term) >= needed);
  });
}

/**
 * How many pages shard number `shard` takes when about `expected` pages are coming: the sizes of
 * `shardRanges`, except that the last planned shard and any shard past the plan take up to
 * `shardSize`, so pages beyond the estimate never break the bound.
 */
export function shardCapacity(expected: number, shardSize: number, shard: number): number {
  const ranges = shardRanges(expected, shardSize);
  const range = ranges[shard];
  if (!range || shard === ranges.length - 1) return shardSize;
  return range[1] - range[0];
}
