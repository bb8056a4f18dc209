/**
 * Most documents in one search bundle when nothing else is set. A reader's first search opens every
 * bundle, so fewer, larger ones would cost it less; 20,000 a bundle also changes where index chunks
 * are cut, and two dictionary forms of the word-form suite then find fewer documents (README).
 */
export const DEFAULT_BUNDLE_SIZE = 10_000;

/** One Pagefind bundle and how many documents of each language it holds. */
export interface BundleEntry {
  /** URL path of the bundle folder (`/pagefind-0a1b2c3d4e5f6a7b/`). */
  bundle: string;
  languages: Record<string, number>;
}

/** How one language is searched: an instance per bundle, the first loading the language's module. */
export interface LanguagePlan {
  language: string;
  /** Pages of this language in every bundle together. */
  pages: number;
  /** Bundles that hold this language, the primary first, each with its shard number and its pages of the language. */
  bundles: { bundle: string; shard: number; pages: number }[];
}

/**
 * Groups bundles by language, the largest language first. A language's primary bundle (the one
 * whose Pagefind module loads) is `entry` when that bundle holds the language, else its first.
 */
export function planLanguages(entries: readonly BundleEntry[], entry?: string): LanguagePlan[] {
  const plans = new Map<string, LanguagePlan>();
  entries.forEach(({ bundle, languages }, shard) => {
    for (const [language, pages] of Object.entries(languages)) {
      // A bundle without pages of a language would hand Pagefind another language's index.
      if (pages === 0) continue;
      const plan = plans.get(language) ?? { language, pages: 0, bundles: [] };
      plan.pages += pages;
      if (bundle === entry) plan.bundles.unshift({ bundle, shard, pages });
      else plan.bundles.push({ bundle, shard, pages });
      plans.set(language, plan);
    }
  });
  return [...plans.values()].sort((a, b) => b.pages - a.pages);
}

/** Reads a shard size setting (env `SEARCH_SHARD_SIZE`): a positive integer, or the default when unset. */
export function parseBundleSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_BUNDLE_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`SEARCH_SHARD_SIZE must be a positive integer, not "${value}"`);
  return size;
}

/** A word as Pagefind compares it: letters and digits only, lower-case, diacritics dropped (ё as е). */
export function foldWord(word: string): string {
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
 * Whether a folded word is a form of a folded query word: they share at least its stem (all but
 * a few last letters, and never fewer than three).
 */
export function sharesStem(word: string, term: string): boolean {
  const needed = Math.min(term.length, Math.max(3, term.length - 3));
  return commonPrefix(word, term) >= needed;
}

/**
 * Whether a page matched every word of the query itself (the word or a longer form of it), or
 * null when that cannot be told. A Pagefind index with no word starting with a query word falls
 * back to the longest indexed word the query word starts with (`с` for `снегопад`); one index
 * does that only when the whole archive lacks the word, but a shard does it whenever that shard
 * does. `locations` are word positions in `content`, as a result's data gives them; the
 * headline (Pagefind's title field, which it searches too) counts whole. A match shares with its
 * query word at least the stem (all but a few last letters).
 */
export function matchesQueryWords(
  query: string,
  content: string,
  locations: readonly number[],
  title = '',
): boolean | null {
  const terms = query.split(/\s+/u).map(foldWord).filter(Boolean);
  // Pagefind's own word boundaries, which its locations count.
  const words = content.split(/[^\S\uFEFF]+/u);
  const located = locations.flatMap((at) => (words[at] === undefined ? [] : [words[at]]));
  const matched = [...located, ...title.split(/\s+/u)].map(foldWord).filter(Boolean);
  if (terms.length === 0 || matched.length === 0 || /^\s*".+"\s*$/u.test(query)) return null;
  return terms.every((term) => matched.some((word) => sharesStem(word, term)));
}
