import { readDateStyle } from '../../lib/site/format-date.ts';
import { HIGHLIGHT_PARAM, type SearchState } from '../../lib/search/search-state.ts';
import { isSearchPartialOffline } from '../offline/offline-facts.ts';
import { holdBackground } from '../page-quiet.ts';
import { correctedQuery, correctedSearch, correctionNotice } from './search-correction.ts';
import { SearchEngine, type SearchAnswer } from './search-engine.ts';
import { reopenOnUpdate } from './search-reopen.ts';
import { summaryText } from './search-render.ts';
import { ResultList, type ResultListOptions } from './search-results.ts';
import { WordSuggester } from './search-suggest.ts';

const OFFLINE_HINT = 'Без сети поиск работает по сохранённому архиву: сохраните его на странице «Без сети».';
const UNAVAILABLE = 'Поиск сейчас недоступен: не удалось загрузить индекс.';

/** The elements a search is shown in. */
export interface ViewParts {
  /** Live region for the count and any error. */
  status: HTMLElement;
  /** «Возможно, вы искали: …» */
  suggestion: HTMLElement;
  results: HTMLOListElement;
}

/** How a view shows its searches. */
export interface ViewOptions extends Omit<ResultListOptions, 'highlightParam'> {
  /** The address of a corrected query's search. */
  suggestionHref: (query: string) => string;
  /** The address of a search for the words as typed, uncorrected. */
  verbatimHref: (query: string) => string;
}

/**
 * Runs searches and shows their answers: the count, the results (loaded as they come into view),
 * a correction for unknown words, and a message instead of an error. The search page and the
 * in-place dialog each hold one.
 */
export class SearchView {
  readonly #engine: SearchEngine;
  readonly #suggester: WordSuggester;
  readonly #parts: ViewParts;
  readonly #options: ViewOptions;
  readonly #list: ResultList;
  #run = 0;
  // The search running: a later one (or a clear) aborts it.
  #running: AbortController | undefined;

  constructor(engine: SearchEngine, suggester: WordSuggester, parts: ViewParts, options: ViewOptions) {
    this.#engine = engine;
    this.#suggester = suggester;
    this.#parts = parts;
    this.#options = options;
    this.#list = new ResultList(parts.results, { ...options, highlightParam: HIGHLIGHT_PARAM });
  }

  /** Clears the view; a search still running is forgotten. */
  clear(): void {
    this.#run += 1;
    this.#running?.abort();
    void this.#list.show([], 0);
    delete this.#parts.results.dataset['query'];
    delete this.#parts.results.dataset['corrected'];
    this.#parts.status.textContent = '';
    this.#parts.suggestion.hidden = true;
  }

  /**
   * Searches and shows the first `count` results; resolves with the answer, or null when the
   * search failed (the reader is told) or a later one took its place.
   */
  search(state: SearchState, count: number): Promise<SearchAnswer | null> {
    // The service worker's first install waits while the reader searches.
    return holdBackground(this.#search(state, count));
  }

  async #search(state: SearchState, count: number): Promise<SearchAnswer | null> {
    const run = ++this.#run;
    this.#running?.abort();
    const running = (this.#running = new AbortController());
    this.#suggester.prepare(state.query);
    let answer: SearchAnswer;
    try {
      answer = await this.#engine.search(state, count, running.signal);
    } catch (error) {
      if (run === this.#run) {
        // A large archive's index is fetched as searched: without a network, only a saved one answers.
        this.#parts.status.textContent = navigator.onLine ? UNAVAILABLE : OFFLINE_HINT;
        console.error(error);
      }
      return null;
    }
    if (run !== this.#run) return null;
    // Words the archive does not know are corrected before anything shows, unless the reader
    // asked for them as typed.
    const corrected = state.verbatim
      ? null
      : await correctedSearch(this.#engine, this.#suggester, state, answer, count, this.#options.eager);
    if (run !== this.#run) return null;
    if (corrected) answer = corrected.answer;
    this.#parts.suggestion.hidden = true;
    // The list says which query its results answer: the typed one, and the one searched when
    // that was corrected. The count is announced once the first results are there to read.
    this.#parts.results.dataset['query'] = state.query;
    if (corrected) this.#parts.results.dataset['corrected'] = corrected.correction.query;
    else delete this.#parts.results.dataset['corrected'];
    const hits = await this.#list.show(answer.results, count);
    if (run !== this.#run) return null;
    this.#parts.status.textContent = summaryText(answer.total);
    // A screen reader hears which query the results answer; the notice below shows it.
    if (corrected) this.#parts.status.append(correctedQuery(corrected.correction.query));
    if (corrected) {
      this.#parts.suggestion.replaceChildren(
        ...correctionNotice(corrected.correction, state.query, this.#options.verbatimHref),
      );
      this.#parts.suggestion.hidden = false;
    } else if (state.verbatim)
      void this.#suggest(
        run,
        state.query,
        hits.flatMap((hit) => hit.matched),
      );
    // A large archive's index is fetched as searched: offline, a word never searched finds nothing.
    if (answer.total === 0 && !navigator.onLine && (await isSearchPartialOffline()) && run === this.#run)
      this.#parts.status.textContent = `Ничего не найдено. ${OFFLINE_HINT}`;
    return answer;
  }

  /** Shows more of the current answer's results. */
  async grow(count: number): Promise<void> {
    await this.#list.grow(count);
  }

  async #suggest(run: number, query: string, matched: string[]): Promise<void> {
    if (query === '') return;
    const suggestion = await this.#suggester.suggest(query, matched).catch(() => null);
    if (run !== this.#run || !suggestion) return;
    const link = document.createElement('a');
    link.href = this.#options.suggestionHref(suggestion);
    link.textContent = suggestion;
    link.dataset['query'] = suggestion;
    this.#parts.suggestion.replaceChildren('Возможно, вы искали: ', link);
    this.#parts.suggestion.hidden = false;
  }
}

/** An element inside a search's host element, which its markup must hold. */
export function part<T extends Element>(host: Element, selector: string): T {
  const found = host.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: missing ${selector}`);
  return found;
}

/**
 * The engine and the view of a search's host element: its data attributes name the index
 * (`data-bundle`, `data-base`, `data-meta-cache-tag`), the vocabulary (`data-words`) and how dates are
 * written (`dateStyleAttributes`); it holds a `[role="status"]`, a `.suggestion` and a `.results` list.
 */
export function searchHost(
  host: HTMLElement,
  options: Omit<ViewOptions, 'dates'>,
): { engine: SearchEngine; view: SearchView } {
  const { bundle = '/pagefind/', base = '/', words = '/search-words/', metaCacheTag } = host.dataset;
  const engine = new SearchEngine(bundle, base, HIGHLIGHT_PARAM, metaCacheTag);
  reopenOnUpdate(engine);
  const parts = {
    status: part<HTMLElement>(host, '[role="status"]'),
    suggestion: part<HTMLElement>(host, '.suggestion'),
    results: part<HTMLOListElement>(host, '.results'),
  };
  const view = new SearchView(engine, new WordSuggester(words), parts, {
    ...options,
    dates: readDateStyle(host.dataset),
  });
  return { engine, view };
}
