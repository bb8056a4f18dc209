import { archiveWeights, mergeCounts, mergeRanked } from '../lib/search-merge.ts';
import { FILTER_KEYS, type SearchState } from '../lib/search-state.ts';

/** What a page shows of one result. */
export interface SearchHit {
  url: string;
  title: string;
  date: string;
  place: string;
  excerpt: string;
  score: number;
}

/** One answer to a search: the hits asked for, the total and the filter counts. */
export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  counts: Record<string, Record<string, number>>;
}

type Counts = Record<string, Record<string, number>>;
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface RawResult {
  score: number;
  data: () => Promise<ResultData>;
}
interface RawResponse {
  results: RawResult[];
  unfilteredResultCount: number;
  filters: Counts;
}
interface Instance {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: Record<string, unknown>): Promise<RawResponse | null>;
  filters(): Promise<Counts>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): Instance;
}

interface Index {
  api: Instance;
  pages: number;
}

// Pagefind picks an instance's index by the page's `lang`, and its WebAssembly (which holds the
// stemmer) is global to its worker: each language gets its own module copy, hence its own worker,
// created while `lang` names that language.
async function openIndexes(
  bundle: string,
  base: string,
  highlightParam: string,
  metaCacheTag: string | undefined,
): Promise<Index[]> {
  const response = await fetch(`${bundle}pagefind-entry.json`);
  const entry = (await response.json()) as { languages: Record<string, { page_count: number }> };
  // The largest index loads the plain module URL; the others get their own copies.
  const languages = Object.entries(entry.languages).sort((a, b) => b[1].page_count - a[1].page_count);
  const root = document.documentElement;
  const pageLang = root.lang;
  return Promise.all(
    languages.map(async ([language, { page_count }], at) => {
      const copy = at === 0 ? '' : `?${encodeURIComponent(language)}`;
      const module = (await import(/* @vite-ignore */ `${bundle}pagefind.js${copy}`)) as PagefindModule;
      root.lang = language;
      try {
        const api = module.createInstance({
          basePath: bundle,
          baseUrl: base,
          highlightParam,
          excerptLength: 24,
          // The build's id instead of a timestamp lets the service worker serve the entry file offline.
          ...(metaCacheTag ? { metaCacheTag } : {}),
        });
        return { api, pages: page_count };
      } finally {
        root.lang = pageLang;
      }
    }),
  );
}

function searchOptions(state: SearchState): Record<string, unknown> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS)
    if (state.filters[key].length > 0) filters[key] = { any: state.filters[key] };
  const options: Record<string, unknown> = { filters };
  if (state.sort !== 'relevance') options['sort'] = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  return options;
}

async function toHit(result: RawResult, score: number): Promise<SearchHit> {
  const data = await result.data();
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    date: data.meta['date'] ?? '',
    place: data.meta['place'] ?? '',
    excerpt: data.excerpt,
    score,
  };
}

/** Searches every language index of a Pagefind bundle at once and merges the answers. */
export class SearchEngine {
  #indexes: Promise<Index[]> | undefined;
  #filters: Promise<boolean> | undefined;
  readonly #bundle: string;
  readonly #base: string;
  readonly #highlightParam: string;
  readonly #metaCacheTag: string | undefined;

  constructor(bundle: string, base: string, highlightParam: string, metaCacheTag?: string) {
    this.#bundle = bundle;
    this.#base = base;
    this.#highlightParam = highlightParam;
    this.#metaCacheTag = metaCacheTag;
  }

  /** Starts loading the engine ahead of the first query. */
  warm(): Promise<Index[]> {
    // A failed load (offline, say) is forgotten, so the next search tries again.
    this.#indexes ??= openIndexes(this.#bundle, this.#base, this.#highlightParam, this.#metaCacheTag).catch(
      (error: unknown) => {
        this.#indexes = undefined;
        throw error;
      },
    );
    return this.#indexes;
  }

  /**
   * Loads the filter lists (needed for counts, not for results); resolves true the first time,
   * so the caller knows to search again for the counts.
   */
  async loadFilters(): Promise<boolean> {
    if (this.#filters) return this.#filters.then(() => false);
    this.#filters = this.warm().then(async (indexes) => {
      await Promise.all(indexes.map((index) => index.api.filters()));
      return true;
    });
    return this.#filters;
  }

  /** Runs a search and returns its first `limit` hits in the order the state asks for. */
  async search(state: SearchState, limit: number): Promise<SearchAnswer> {
    const indexes = await this.warm();
    const term = state.query === '' ? null : state.query;
    const options = searchOptions(state);
    const responses = await Promise.all(
      indexes.map(async (index) => ({ index, response: await index.api.search(term, options) })),
    );
    const answered = responses.flatMap(({ index, response }) => (response ? [{ index, response }] : []));
    const counts = mergeCounts(answered.map(({ response }) => response.filters));
    const total = answered.reduce((sum, { response }) => sum + response.results.length, 0);
    const weights = archiveWeights(
      answered.map(({ index, response }) => ({
        pages: index.pages,
        matching: response.unfilteredResultCount,
      })),
    );
    const lists = answered.map(({ response }, at) =>
      response.results.map((result) => ({ result, score: result.score * (weights[at] ?? 1), date: '' })),
    );
    if (state.sort === 'relevance' || lists.length <= 1) {
      // One index keeps its own order (score or date); several are merged by weighted score.
      const ordered = lists.length === 1 ? (lists[0] ?? []) : mergeRanked(lists, 'relevance');
      const hits = await Promise.all(
        ordered.slice(0, limit).map(({ result, score }) => toHit(result, score)),
      );
      return { hits, total, counts };
    }
    // Each index returns its pages in date order already; merging needs the dates of its heads.
    const heads = await Promise.all(
      lists.map((list) => Promise.all(list.slice(0, limit).map(({ result, score }) => toHit(result, score)))),
    );
    return { hits: mergeRanked(heads, state.sort).slice(0, limit), total, counts };
  }
}
