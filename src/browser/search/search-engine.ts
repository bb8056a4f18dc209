import { bodyExcerpt, matchedWords, type ExcerptPart } from '../../lib/search/excerpt-marks.ts';
import { HEADLINE_FILTER, headlinesFirst, HEADLINE_WINDOW } from '../../lib/search/headlines.ts';
import { archiveWeights, mergeCounts, mergeRanked, type IndexShare } from '../../lib/search/merge.ts';
import { matchesQueryWords } from '../../lib/search/bundle-size.ts';
import { FILTER_KEYS, type SearchState } from '../../lib/search/search-state.ts';
import { phrasesFirst } from '../../lib/search/phrase.ts';
import { markHeadlines, shortHeadlines } from './search-headline-marks.ts';
import { searchWithPhrases } from './search-phrases.ts';
import { pagefindTerm } from './search-query.ts';
import { resultUrl } from './search-fragments.ts';
import { openIndexes, type Index, type OpenIndexes, type Shard } from './search-indexes.ts';

/** What a page shows of one result. */
export interface SearchHit {
  url: string;
  /** The headline, typeset as the page shows it. */
  title: string;
  date: string;
  place: string;
  author: string;
  /** Body text around the matches, as plain text runs. */
  excerpt: ExcerptPart[];
  /** The words the result matched, as the page spells them. */
  matched: string[];
  score: number;
}

/** A result whose fragment loads when it is first asked for; null when it cannot be read. */
export interface PendingHit {
  load(): Promise<SearchHit | null>;
  /** The hit, when it is loaded already. */
  hit?: SearchHit;
}

/** One answer to a search: every result in order (each loaded on demand), the total and the filter counts. */
export interface SearchAnswer {
  results: PendingHit[];
  total: number;
  counts: Record<string, Record<string, number>>;
}

// Words an excerpt shows: two or three lines beside a headline.
const EXCERPT_WORDS = 26;

type Counts = Record<string, Record<string, number>>;

// Fragment data is whatever the index holds: anything but a string reads as none.
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter(Boolean) : []);

interface ResultData {
  url?: string;
  content?: string;
  locations?: number[];
  meta?: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}
interface RawResult {
  /** Pagefind's id of the page: in a bundle with packed fragments, its number in base 36. */
  id: string;
  score: number;
  /** Word positions of the matches in the page's content. */
  words: number[];
  /** Whether the page holds the query's phrases (`search-phrases.ts`). */
  together?: boolean;
  /** The meta fields the query matched, `title` among them when the headline did. */
  matchedMetaFields?: string[];
  /** Whether the headline may be the query (`search-headline-marks.ts`). */
  maybeHeadline?: boolean;
  data: () => Promise<ResultData>;
}
interface RawResponse {
  results: RawResult[];
  unfilteredResultCount: number;
  filters: Counts;
}
/** Every instance of the indexes' bundles. */
const instances = (indexes: readonly Index[]) =>
  indexes.flatMap((index) => index.shards.map(({ api }) => api));

/** One result list and the share of the archive that scored it: a bundle's pages and matches. */
interface ScoredList {
  results: RawResult[];
  share: IndexShare;
}

/** One language index's answer: its result lists (one per shard searched) and counts. */
interface IndexAnswer {
  index: Index;
  lists: ScoredList[];
  filters: Counts;
}

// A shard without the query's word answers with pages of a shorter word (see matchesQueryWords):
// when another shard has the word itself, such shards are left out, as one index would.
async function withoutFallbacks<T extends RawResponse>(responses: T[], term: string): Promise<T[]> {
  const verdicts = await Promise.all(
    responses.map(async ({ results: [top] }) => {
      if (!top) return null;
      const data = await top.data().catch(() => null);
      if (!data) return null;
      return matchesQueryWords(term, text(data.content), data.locations ?? [], text(data.meta?.['title']));
    }),
  );
  return verdicts.includes(true) ? responses.filter((_, at) => verdicts[at] !== false) : responses;
}

// A packed bundle's results read their fragments from its packs, as Pagefind's own data would,
// until a later query replaces the one they answer.
function fromPacks(
  index: Index,
  shard: Shard,
  results: RawResult[],
  term: string | null,
  signal: AbortSignal | undefined,
): RawResult[] {
  const { reader } = shard;
  if (!index.packed || !reader) return results;
  return results.map((result) => ({
    ...result,
    data: async () => {
      const fragment = await reader.read(result.id, signal);
      return {
        ...fragment,
        url: resultUrl(index.base, text(fragment['url']), index.highlightParam, term ?? ''),
        content: text(fragment['content']).replace(/\u200B/gu, ''),
        locations: result.words,
      };
    },
  }));
}

// Packed bundles number their pages in date order and keep no sort order of their own (see
// `src/lib/search/pagefind-meta.ts`): a date order is the page numbers' order, and bundles follow each
// other in date order (their shard numbers).
function datePlan(index: Index, options: Record<string, unknown>) {
  const sort = (options['sort'] as { date?: string } | undefined)?.date;
  if (!index.packed || sort === undefined) return { asked: options, order: undefined };
  const asked = Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'sort'));
  const sign = sort === 'desc' ? -1 : 1;
  const page = (result: RawResult): number => Number.parseInt(result.id, 36);
  return {
    asked,
    order: {
      results: (results: RawResult[]) => [...results].sort((a, b) => sign * (page(a) - page(b))),
      shards: <T extends { shard: number }>(lists: T[]) =>
        [...lists].sort((a, b) => sign * (a.shard - b.shard)),
    },
  };
}

// A query's searches of its bundles begin one at a time, so the searches of a query a keystroke
// replaced stop at the next bundle.
async function nextTurn(signal: AbortSignal | undefined): Promise<void> {
  await (typeof scheduler === 'undefined'
    ? new Promise((resolve) => setTimeout(resolve, 0))
    : scheduler.yield());
  signal?.throwIfAborted();
}

// `run` for each item, at most `lanes` at once and none once `signal` is aborted, in order.
async function inTurn<T, R>(
  items: readonly T[],
  lanes: number,
  signal: AbortSignal | undefined,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let at = next++; at < items.length; at = next++) {
      signal?.throwIfAborted();
      out[at] = await run(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return out;
}

// Each bundle scores with its own word frequencies and, in a date order, positions within itself,
// and each falls back on its own: every bundle is searched, and the lists are merged here.
async function searchIndex(
  index: Index,
  term: string | null,
  options: Record<string, unknown>,
  query: string | null,
  signal?: AbortSignal,
): Promise<IndexAnswer | null> {
  const { asked, order } = datePlan(index, options);
  // In the order by relevance, the results whose headline may be the query are marked, from the
  // index alone, for the engine to place (`search-headline-marks.ts`).
  const byHeadline = options['sort'] === undefined ? query : null;
  const search = async ({ api }: Shard) => {
    const ask = async (words: string | null, extra: Record<string, unknown>) => {
      await nextTurn(signal);
      // The fragment data a worker sends is Pagefind's, which every reader of it checks (`text`).
      return (await api.search(words, extra)) as RawResponse | null;
    };
    if (term === null) return ask(null, asked);
    const [response, short] = await Promise.all([
      searchWithPhrases(ask, term, asked),
      byHeadline === null ? null : shortHeadlines(byHeadline, (extra) => ask(term, extra), asked),
    ]);
    return response && byHeadline !== null
      ? { ...response, results: markHeadlines(response.results, short) }
      : response;
  };
  const responses = (
    await inTurn(index.shards, index.lanes, signal, async (shard) => {
      const response = await search(shard);
      return response
        ? [{ ...response, results: fromPacks(index, shard, response.results, term, signal), ...shard }]
        : [];
    })
  ).flat();
  // What follows loads fragments: a search replaced meanwhile leaves the connections to the next.
  signal?.throwIfAborted();
  if (responses.length === 0) return null;
  if (index.shards.length === 1) {
    const [{ results: found, filters, unfilteredResultCount }] = responses as [(typeof responses)[0]];
    const results = order ? order.results(found) : found;
    return {
      index,
      lists: [{ results, share: { pages: index.pages, matching: unfilteredResultCount } }],
      filters,
    };
  }
  const kept = term === null ? responses : await withoutFallbacks(responses, term);
  const merged = mergeCounts(kept.map((response) => response.filters));
  if (order) {
    // One list in date order: each bundle's pages in order, the bundles one after another.
    const results = order.shards(kept).flatMap((response) => order.results(response.results));
    return {
      index,
      lists: [{ results, share: { pages: index.pages, matching: results.length } }],
      filters: merged,
    };
  }
  return {
    index,
    // A bundle's own matches weigh its words, as Pagefind does inside it.
    lists: kept.map(({ results, pages }) => ({ results, share: { pages, matching: results.length } })),
    filters: merged,
  };
}

function searchOptions(state: SearchState): Record<string, unknown> {
  const filters: Record<string, { any: string[] }> = {};
  // A language is an index of its own, not a filter inside one (`SearchEngine.search` picks them).
  for (const key of FILTER_KEYS)
    if (key !== 'lang' && state.filters[key].length > 0) filters[key] = { any: state.filters[key] };
  const options: Record<string, unknown> = { filters };
  if (state.sort !== 'relevance') options['sort'] = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  return options;
}

// The indexed text is the body alone (the headline is the title field), so the excerpt never
// repeats the headline; a document without a body is indexed by its headline, and shows none.
function toHit(data: ResultData, score: number): SearchHit {
  const title = text(data.meta?.['title']);
  const content = text(data.content);
  const body = content === title ? '' : content;
  const locations = Array.isArray(data.locations) ? data.locations : [];
  return {
    url: text(data.url),
    title: title || text(data.url),
    date: text(data.meta?.['date']),
    // Places and authors are filters, which every result's data carries; the index has no such meta.
    place: texts(data.filters?.['place']).join(', '),
    author: texts(data.filters?.['author']).join(', '),
    excerpt: bodyExcerpt(body, locations, { length: EXCERPT_WORDS }),
    matched: matchedWords(body, locations),
    score,
  };
}

// One result that cannot be read (a fragment that failed to load, data the page cannot use) is
// left out; the others still show. One of a query typed over is no longer asked for.
function pending(result: RawResult, score: number): PendingHit {
  let loaded: Promise<SearchHit | null> | undefined;
  return {
    load: () =>
      (loaded ??= result
        .data()
        .then((data) => toHit(data, score))
        .catch((error: unknown) => {
          if ((error as Error | undefined)?.name !== 'AbortError')
            console.warn('search: a result could not be shown', error);
          return null;
        })),
  };
}

const loadedHit = (hit: SearchHit): PendingHit => ({ hit, load: () => Promise.resolve(hit) });

/** Searches every language index of a Pagefind bundle and its shards at once and merges the answers. */
export class SearchEngine {
  #open: Promise<OpenIndexes> | undefined;
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
  async warm(): Promise<Index[]> {
    // A failed load (offline, say) is forgotten, so the next search tries again.
    this.#open ??= openIndexes(this.#bundle, this.#base, this.#highlightParam, this.#metaCacheTag).catch(
      (error: unknown) => {
        this.#open = undefined;
        throw error;
      },
    );
    return (await this.#open).indexes;
  }

  /** Closes the open indexes and their workers: the next query opens the index the site serves now. */
  async reset(): Promise<void> {
    const open = this.#open;
    this.#open = undefined;
    this.#filters = undefined;
    const opened = await open?.catch(() => null);
    await Promise.all((opened?.workers ?? []).map((worker) => worker.close()));
  }

  /**
   * Loads the filter lists (needed for counts, not for results); resolves true the first time,
   * so the caller knows to search again for the counts.
   */
  async loadFilters(): Promise<boolean> {
    if (this.#filters) return this.#filters.then(() => false);
    this.#filters = this.warm().then(async (indexes) => {
      await Promise.all(instances(indexes).map((api) => api.filters()));
      return true;
    });
    return this.#filters;
  }

  /**
   * Runs a search and returns its results in the order the state asks for; a date order over
   * several indexes is merged from their first `limit` results. Rejects once `signal` aborts
   * before the indexes are searched.
   */
  async search(state: SearchState, limit: number, signal?: AbortSignal): Promise<SearchAnswer> {
    const languages = state.filters.lang;
    const indexes = (await this.warm()).filter(
      (index) => languages.length === 0 || languages.includes(index.language),
    );
    const term = state.query === '' ? null : state.query;
    const options = searchOptions(state);
    // Pagefind is given words it stems right; the headlines and the suggestions read the reader's own.
    const preload = (words: string) => Promise.all(instances(indexes).map((api) => api.preload(words)));
    const asked = term === null ? null : await pagefindTerm(term, preload);
    // The index chunks load first, and a search that a later keystroke replaced meanwhile is never
    // run, so the query typed last does not wait behind it.
    if (signal && asked !== null) await preload(asked);
    signal?.throwIfAborted();
    const answered = (
      await Promise.all(indexes.map((index) => searchIndex(index, asked, options, term, signal)))
    ).flatMap((answer) => (answer ? [answer] : []));
    signal?.throwIfAborted();
    const found = ({ lists }: IndexAnswer): number => lists.reduce((n, { results }) => n + results.length, 0);
    // The headline filter is the engine's own, not one the reader chooses; the language counts
    // are those of each language's index.
    const counts = Object.fromEntries(
      Object.entries(mergeCounts(answered.map(({ filters }) => filters))).filter(
        ([key]) => key !== HEADLINE_FILTER,
      ),
    );
    counts['lang'] = Object.fromEntries(answered.map((answer) => [answer.index.language, found(answer)]));
    const total = answered.reduce((sum, answer) => sum + found(answer), 0);
    // Every bundle of every language scores with its own word frequencies: a small bundle (the
    // newest documents) would otherwise outrank the rest for words that are rare in it alone.
    const scored = answered.flatMap(({ lists }) => lists);
    const weights = archiveWeights(scored.map(({ share }) => share));
    const lists = scored.map(({ results }, at) =>
      results.map((result) => ({ result, score: result.score * (weights[at] ?? 1), date: '' })),
    );
    if (lists.length === 1 || state.sort === 'relevance') {
      // One list keeps its own order (score or date); several are merged by weighted score.
      const merged = lists.length === 1 ? (lists[0] ?? []) : mergeRanked(lists, 'relevance');
      // Documents holding the query's words together come first, across every index.
      const ordered = phrasesFirst(merged, ({ result }) => result.together === true, false);
      const results = ordered.map(({ result, score }) => pending(result, score));
      if (state.sort !== 'relevance' || !term) return { results, total, counts };
      // The first results are re-ordered by their headlines, which their fragments hold: only
      // those whose headline may be the query load for it, the others keep their place after them.
      const head = await Promise.all(
        results.slice(0, HEADLINE_WINDOW).map(async (one, at) => {
          if (ordered[at]?.result.maybeHeadline !== true) return { one, title: '' };
          const hit = await one.load();
          return hit ? { one: loadedHit(hit), title: hit.title } : null;
        }),
      );
      const first = headlinesFirst(
        term,
        head.filter((item) => item !== null),
        ({ title }) => title,
      ).map(({ one }) => one);
      return { results: [...first, ...results.slice(HEADLINE_WINDOW)], total, counts };
    }
    // Each list is in date order already; merging needs the dates of its heads.
    const heads = await Promise.all(
      lists.map(async (list) =>
        (
          await Promise.all(list.slice(0, limit).map(({ result, score }) => pending(result, score).load()))
        ).filter((hit): hit is SearchHit => hit !== null),
      ),
    );
    return { results: mergeRanked(heads, state.sort).slice(0, limit).map(loadedHit), total, counts };
  }
}
