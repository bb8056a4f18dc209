/** The URL parameter that carries the matched words from a search result to its page. */
export const HIGHLIGHT_PARAM = 'highlight';

/** How results are ordered. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** Filters the search page offers, in the order it shows them. */
export const FILTER_KEYS = ['year', 'place', 'author', 'lang'] as const;

/** One filter's name. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Everything a search is: what the address bar holds and what restores it. */
export interface SearchState {
  query: string;
  filters: Record<FilterKey, string[]>;
  sort: SearchSort;
  /** Search the words as typed: no correction of words the archive does not know. */
  verbatim?: boolean;
}

/** The URL parameter that asks for the words as typed (`&verbatim=1`). */
export const VERBATIM_PARAM = 'verbatim';

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'oldest'];

/** Reads a search from URL parameters; unknown or repeated values are tolerated. */
export function readSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort') as SearchSort | null;
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, [...new Set(params.getAll(key).filter((value) => value !== ''))]]),
  ) as Record<FilterKey, string[]>;
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    sort: sort !== null && SORTS.includes(sort) ? sort : 'relevance',
    ...(params.get(VERBATIM_PARAM) === '1' ? { verbatim: true } : {}),
  };
}

/** Writes a search as URL parameters, leaving out defaults so links stay short. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.verbatim) params.set(VERBATIM_PARAM, '1');
  return params;
}
