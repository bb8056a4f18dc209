import { HEADLINE_FILTER, headlineFilterFor } from '../../lib/search/headlines.ts';

/** What this step needs of a Pagefind result. */
interface Headlined {
  id: string;
  /** The meta fields the query matched (Pagefind's `matchedMetaFields`): `title` for the headline. */
  matchedMetaFields?: string[];
  /** Set here: whether the page's headline may be the query, so its fragment is worth loading to tell. */
  maybeHeadline?: boolean;
}

type Search = (options: Record<string, unknown>) => Promise<{ results: { id: string }[] } | null>;

/**
 * The pages whose headline has as many words as the query, from a search of the same index
 * chunks filtered by `HEADLINE_FILTER` (no fragment loads); null when the query is longer than a
 * short headline, and only the title match can tell.
 */
export async function shortHeadlines(
  query: string,
  search: Search,
  options: Record<string, unknown>,
): Promise<Set<string> | null> {
  const values = headlineFilterFor(query);
  if (values === null) return null;
  const filters = (options['filters'] ?? {}) as Record<string, unknown>;
  const response = await search({ ...options, filters: { ...filters, [HEADLINE_FILTER]: { any: values } } });
  return new Set((response?.results ?? []).map(({ id }) => id));
}

/**
 * Marks the results whose headline may be the query: the headline matched (when Pagefind says)
 * and, for a short query, it is one of `short` (see `shortHeadlines`).
 */
export function markHeadlines<R extends Headlined>(results: R[], short: Set<string> | null): R[] {
  return results.map((result) => ({
    ...result,
    maybeHeadline: (result.matchedMetaFields?.includes('title') ?? true) && (short?.has(result.id) ?? true),
  }));
}
