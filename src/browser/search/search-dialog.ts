import { readSearchState, writeSearchState } from '../../lib/search/search-state.ts';
import { keyTarget } from './search-results.ts';
import { onTyping } from './search-typing.ts';
import { part, searchHost } from './search-view.ts';

// A dialog's worth of results, all loaded at once: a short list the arrow keys run through; the
// rest are one link away, on the search page.
const SHOWN = 8;

/** Search in place: results as the reader types, arrow keys through them, a link to all of them. */
export class SearchDialog extends HTMLElement {
  connectedCallback(): void {
    const input = part<HTMLInputElement>(this, 'input[type="search"]');
    const results = part<HTMLOListElement>(this, '.results');
    const all = part<HTMLAnchorElement>(this, 'a.all');
    const page = new URL(part<HTMLFormElement>(this, 'form').action);
    const pageFor = (query: string, verbatim = false) =>
      `${page.pathname}?${writeSearchState({ ...readSearchState(new URLSearchParams({ q: query })), verbatim }).toString()}`;
    const { engine, view } = searchHost(this, {
      eager: SHOWN,
      heading: 'h3',
      scroller: part(this, '.scroll'),
      suggestionHref: (query) => pageFor(query),
      verbatimHref: (query) => pageFor(query, true),
    });
    const search = (query: string, verbatim = false) => {
      all.href = query === '' ? page.pathname : pageFor(query, verbatim);
      if (query === '') view.clear();
      else void view.search({ ...readSearchState(new URLSearchParams({ q: query })), verbatim }, SHOWN);
    };
    onTyping(input, search);
    this.addEventListener('keydown', (event) => {
      const next = keyTarget(event.key, input, results);
      // Typing on a result goes on in the box.
      const typing = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (next) {
        event.preventDefault();
        next.focus();
      } else if (typing && results.contains(document.activeElement)) input.focus();
    });
    part(this, '.suggestion').addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-query]');
      if (!link) return;
      event.preventDefault();
      input.value = link.dataset['query'] ?? '';
      input.focus();
      search(input.value, link.dataset['verbatim'] !== undefined);
    });
    void engine.warm().catch(() => undefined);
    search(input.value.trim());
  }
}

/** Defines the dialog's element once; the page's markup upgrades as it is defined. */
export function defineSearchDialog(): void {
  if (!customElements.get('search-dialog')) customElements.define('search-dialog', SearchDialog);
}
