import {
  HIGHLIGHT_PARAM,
  readSearchState,
  writeSearchState,
  type FilterKey,
  type SearchState,
} from '../lib/search-state.ts';
import { readDateStyle, type DateStyle } from '../lib/format-date.ts';
import { SearchEngine } from './search-engine.ts';
import { renderFilters, renderHit, summaryText } from './search-render.ts';
import { WordSuggester } from './search-suggest.ts';
import { isSearchPartialOffline } from './offline-facts.ts';

const OFFLINE_HINT = 'Без сети поиск работает по сохранённому архиву: сохраните его на странице «Без сети».';

// Ten results load ten fragments: each further result costs the reader one more request.
const PAGE = 10;
// Short enough to feel instant, long enough not to search after every keystroke of fast typing
// (each search of a new prefix fetches index chunks).
const TYPING_PAUSE_MS = 80;

/** The search page: query box, filters, sort, results, suggestions, all kept in the URL. */
export class SearchApp extends HTMLElement {
  #engine!: SearchEngine;
  #suggester!: WordSuggester;
  #state: SearchState = readSearchState(new URLSearchParams());
  #limit = PAGE;
  #run = 0;
  #dates: DateStyle = readDateStyle({});
  #timer: ReturnType<typeof setTimeout> | undefined;

  #part<T extends Element>(selector: string): T {
    const found = this.querySelector<T>(selector);
    if (!found) throw new Error(`search page: missing ${selector}`);
    return found;
  }

  connectedCallback(): void {
    const { bundle = '/pagefind/', base = '/', words = '/search-words/', metaCacheTag } = this.dataset;
    this.#dates = readDateStyle(this.dataset);
    this.#engine = new SearchEngine(bundle, base, HIGHLIGHT_PARAM, metaCacheTag);
    this.#suggester = new WordSuggester(words);
    const form = this.#part<HTMLFormElement>('form');
    const input = this.#part<HTMLInputElement>('input[type="search"]');
    const sort = this.#part<HTMLSelectElement>('select[name="sort"]');
    const results = this.#part<HTMLOListElement>('.results');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      this.#commit({ ...this.#state, query: input.value.trim() }, 'push');
    });
    let typed = input.value;
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      // A keystroke changes one character: wait for the next. A paste, a suggestion from the
      // browser or a cleared box changes more: search at once.
      const jump = Math.abs(input.value.length - typed.length) > 1 || input.value === '';
      typed = input.value;
      const run = () => this.#commit({ ...this.#state, query: input.value.trim() }, 'replace');
      if (jump) run();
      else this.#timer = setTimeout(run, TYPING_PAUSE_MS);
    });
    sort.addEventListener('change', () =>
      this.#commit(
        { ...this.#state, sort: readSearchState(new URLSearchParams({ sort: sort.value })).sort },
        'push',
      ),
    );
    this.#part('.filters').addEventListener('change', (event) => this.#toggleFilter(event.target));
    this.#part('.more').addEventListener('click', () => {
      this.#limit += PAGE;
      void this.#search();
    });
    this.addEventListener('keydown', (event) => this.#onKey(event, input, results));
    this.#part('.suggestion').addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      if (!link) return;
      event.preventDefault();
      this.#commit(readSearchState(new URL(link.href).searchParams), 'push');
    });
    this.#part('details').addEventListener('toggle', () => void this.#search());
    window.addEventListener('popstate', () => this.#restore());
    void this.#engine.warm();
    this.#restore();
  }

  #restore(): void {
    this.#state = readSearchState(new URLSearchParams(location.search));
    this.#part<HTMLInputElement>('input[type="search"]').value = this.#state.query;
    this.#part<HTMLSelectElement>('select[name="sort"]').value = this.#state.sort;
    if (Object.values(this.#state.filters).some((values) => values.length > 0))
      this.#part<HTMLDetailsElement>('details').open = true;
    this.#limit = PAGE;
    void this.#search();
  }

  #commit(state: SearchState, mode: 'push' | 'replace'): void {
    const url = new URL(location.href);
    url.search = writeSearchState(state).toString();
    if (url.href !== location.href) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    this.#state = state;
    this.#part<HTMLSelectElement>('select[name="sort"]').value = state.sort;
    this.#part<HTMLInputElement>('input[type="search"]').value = state.query;
    this.#limit = PAGE;
    void this.#search();
  }

  #toggleFilter(target: EventTarget | null): void {
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    const key = target.name as FilterKey;
    const chosen = this.#state.filters[key].filter((value) => value !== target.value);
    if (target.checked) chosen.push(target.value);
    this.#commit({ ...this.#state, filters: { ...this.#state.filters, [key]: chosen } }, 'push');
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const state = this.#state;
    const hasFilters = Object.values(state.filters).some((values) => values.length > 0);
    if (state.query === '' && !hasFilters) return this.#show(run, state, null);
    let answer;
    try {
      answer = await this.#engine.search(state, this.#limit);
    } catch (error) {
      if (run !== this.#run) return;
      // A large archive's index is fetched as searched: without a network, only a saved one answers.
      this.#part('[role="status"]').textContent = navigator.onLine
        ? 'Поиск сейчас недоступен: не удалось загрузить индекс.'
        : OFFLINE_HINT;
      this.dataset['state'] = 'error';
      throw error;
    }
    if (run !== this.#run) return;
    const suggestion =
      answer.total === 0 && state.query !== '' ? await this.#suggester.suggest(state.query) : null;
    this.#show(run, state, { ...answer, suggestion });
    // A large archive's index is fetched as searched: offline, a word never searched finds nothing.
    if (answer.total === 0 && !navigator.onLine && (await isSearchPartialOffline()) && run === this.#run) {
      this.#part('[role="status"]').textContent = `Ничего не найдено. ${OFFLINE_HINT}`;
    }
    // Filter lists cost about as much as the first query itself on a large archive: they load
    // only once the reader opens the filters (or arrives with some chosen).
    if (
      this.#part<HTMLDetailsElement>('details').open &&
      (await this.#engine.loadFilters()) &&
      run === this.#run
    )
      void this.#search();
  }

  #show(
    run: number,
    state: SearchState,
    answer: (Awaited<ReturnType<SearchEngine['search']>> & { suggestion: string | null }) | null,
  ): void {
    if (run !== this.#run) return;
    const results = this.#part<HTMLOListElement>('.results');
    results.replaceChildren(
      ...(answer?.hits.map((hit) => renderHit(hit, HIGHLIGHT_PARAM, this.#dates)) ?? []),
    );
    this.#part('.filters').replaceChildren(...(answer ? renderFilters(answer.counts, state) : []));
    this.#part<HTMLButtonElement>('.more').hidden = !answer || answer.hits.length >= answer.total;
    this.#part('[role="status"]').textContent = answer ? summaryText(answer.total) : '';
    const suggestion = this.#part<HTMLElement>('.suggestion');
    suggestion.hidden = !answer?.suggestion;
    if (answer?.suggestion) {
      const link = document.createElement('a');
      link.href = `?${writeSearchState({ ...state, query: answer.suggestion }).toString()}`;
      link.textContent = answer.suggestion;
      suggestion.replaceChildren('Возможно, вы искали: ', link);
    }
    this.dataset['state'] = answer ? 'done' : 'idle';
  }

  #onKey(event: KeyboardEvent, input: HTMLInputElement, results: HTMLOListElement): void {
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const inBox = document.activeElement === input;
    if (!inBox && at === -1) return;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = inBox ? links[0] : links[Math.min(at + 1, links.length - 1)];
    else if (event.key === 'ArrowUp' && at >= 0) next = at === 0 ? input : links[at - 1];
    else if (event.key === 'Escape' && at >= 0) next = input;
    else if (event.key === 'Home' && at >= 0) next = links[0];
    else if (event.key === 'End' && at >= 0) next = links.at(-1);
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}
