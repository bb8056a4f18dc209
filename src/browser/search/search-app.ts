import {
  readSearchState,
  writeSearchState,
  type FilterKey,
  type SearchState,
} from '../../lib/search/search-state.ts';
import type { SearchEngine } from './search-engine.ts';
import { renderFilters } from './search-render.ts';
import { keyTarget } from './search-results.ts';
import { onTyping } from './search-typing.ts';
import { part, searchHost, type SearchView } from './search-view.ts';

// Results shown at a time; only those coming into view load their fragments.
const PAGE = 10;
// While the reader types, the address follows once they pause: the browser fetches the page's
// icon again at each change of the address, and the history needs only the query they stopped at.
const ADDRESS_PAUSE_MS = 1000;
// The first screen of results, loaded at once: three at 1280×720, two on a phone; each further
// one loads as it comes into view.
const EAGER = 3;

/** The search page: query box, filters, sort, results, suggestions, all kept in the URL. */
export class SearchApp extends HTMLElement {
  #engine!: SearchEngine;
  #view!: SearchView;
  #state: SearchState = readSearchState(new URLSearchParams());
  #limit = PAGE;
  #run = 0;
  #total = 0;
  #cancelTyping = (): void => {};
  #address: { url: URL; timer: ReturnType<typeof setTimeout> } | undefined;

  #part<T extends Element>(selector: string): T {
    return part<T>(this, selector);
  }

  connectedCallback(): void {
    ({ engine: this.#engine, view: this.#view } = searchHost(this, {
      eager: EAGER,
      heading: 'h2',
      suggestionHref: (query) =>
        `?${writeSearchState({ ...this.#state, query, verbatim: false }).toString()}`,
      verbatimHref: (query) => `?${writeSearchState({ ...this.#state, query, verbatim: true }).toString()}`,
    }));
    const results = this.#part<HTMLOListElement>('.results');
    const form = this.#part<HTMLFormElement>('form');
    const input = this.#part<HTMLInputElement>('input[type="search"]');
    const sort = this.#part<HTMLSelectElement>('select[name="sort"]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#cancelTyping();
      this.#commit({ ...this.#state, query: input.value.trim(), verbatim: false }, 'push');
    });
    // A new query is corrected again, whatever the last one asked.
    this.#cancelTyping = onTyping(input, (query) =>
      this.#commit({ ...this.#state, query, verbatim: false }, 'replace'),
    );
    sort.addEventListener('change', () =>
      this.#commit(
        { ...this.#state, sort: readSearchState(new URLSearchParams({ sort: sort.value })).sort },
        'push',
      ),
    );
    this.#part('.filters').addEventListener('change', (event) => this.#toggleFilter(event.target));
    this.#part('.more').addEventListener('click', () => this.#more());
    this.addEventListener('keydown', (event) => {
      const onResult = results.contains(document.activeElement);
      const next = event.key === 'Escape' ? (onResult ? input : null) : keyTarget(event.key, input, results);
      if (!next) return;
      event.preventDefault();
      next.focus();
    });
    this.#part('.suggestion').addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      if (!link) return;
      event.preventDefault();
      this.#commit(readSearchState(new URL(link.href).searchParams), 'push');
    });
    this.#part('details').addEventListener('toggle', () => void this.#search());
    window.addEventListener('popstate', () => {
      this.#dropAddress();
      this.#restore();
    });
    // Leaving the page (a result opened) keeps the query typed last, for the way back.
    window.addEventListener('pagehide', () => this.#writeAddress());
    void this.#engine.warm().catch(() => undefined);
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
    if (mode === 'replace') {
      this.#dropAddress();
      this.#address = { url, timer: setTimeout(() => this.#writeAddress(), ADDRESS_PAUSE_MS) };
    } else {
      // The query typed before stays a step of the history, as it would have without the pause.
      this.#writeAddress();
      if (url.href !== location.href) history.pushState(null, '', url);
    }
    this.#state = state;
    this.#part<HTMLSelectElement>('select[name="sort"]').value = state.sort;
    // The box keeps what the reader is typing: the query is its words trimmed, and writing that
    // back would take away the space typed before the next word.
    const box = this.#part<HTMLInputElement>('input[type="search"]');
    if (box.value.trim() !== state.query) box.value = state.query;
    this.#limit = PAGE;
    void this.#search();
  }

  #writeAddress(): void {
    const pending = this.#address;
    this.#dropAddress();
    if (pending && pending.url.href !== location.href) history.replaceState(null, '', pending.url);
  }

  #dropAddress(): void {
    clearTimeout(this.#address?.timer);
    this.#address = undefined;
  }

  #toggleFilter(target: EventTarget | null): void {
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    const key = target.name as FilterKey;
    const chosen = this.#state.filters[key].filter((value) => value !== target.value);
    if (target.checked) chosen.push(target.value);
    this.#commit({ ...this.#state, filters: { ...this.#state.filters, [key]: chosen } }, 'push');
  }

  #more(): void {
    this.#limit += PAGE;
    // A date order over several indexes merges a longer head of each: that is a new search.
    if (this.#state.sort !== 'relevance') void this.#search();
    else void this.#view.grow(this.#limit);
    this.#part<HTMLButtonElement>('.more').hidden = this.#limit >= this.#total;
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const state = this.#state;
    const hasFilters = Object.values(state.filters).some((values) => values.length > 0);
    const more = this.#part<HTMLButtonElement>('.more');
    if (state.query === '' && !hasFilters) {
      this.#view.clear();
      this.#part('.filters').replaceChildren();
      more.hidden = true;
      this.dataset['state'] = 'idle';
      return;
    }
    const answer = await this.#view.search(state, this.#limit);
    if (run !== this.#run) return;
    if (!answer) {
      this.dataset['state'] = 'error';
      return;
    }
    this.#total = answer.total;
    this.#part('.filters').replaceChildren(...renderFilters(answer.counts, state));
    more.hidden = this.#limit >= answer.total;
    this.dataset['state'] = 'done';
    // Filter lists cost about as much as the first query itself on a large archive: they load
    // only once the reader opens the filters (or arrives with some chosen).
    if (
      this.#part<HTMLDetailsElement>('details').open &&
      (await this.#engine.loadFilters()) &&
      run === this.#run
    )
      void this.#search();
  }
}
