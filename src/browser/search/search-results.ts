import type { DateStyle } from '../../lib/site/format-date.ts';
import type { PendingHit, SearchHit } from './search-engine.ts';
import { renderHit } from './search-render.ts';

// Results past the first few load once the list has stayed this long: while the reader types,
// each keystroke's results give way to the next before their later fragments are fetched.
const SETTLE_MS = 300;

/** How a result list loads and shows its results. */
export interface ResultListOptions {
  highlightParam: string;
  /** How result dates are written: the page's language and the site's date format. */
  dates: DateStyle;
  /** Results loaded at once: about what the first screen shows. */
  eager: number;
  /** Heading level of each result's headline. */
  heading: 'h2' | 'h3';
  /** Element whose scrolling brings later results into view (the page when absent). */
  scroller?: Element;
}

/**
 * A list of results in which each result's fragment loads only when the result is about to be
 * seen: a search costs `eager` fragments at once, the others as they come into view once the
 * list has settled, not one per result asked for. A result that cannot be read is left out.
 */
export class ResultList {
  readonly #list: HTMLOListElement;
  readonly #options: ResultListOptions;
  readonly #observer: IntersectionObserver;
  readonly #slots = new Map<Element, PendingHit>();
  #results: PendingHit[] = [];
  #generation = 0;

  constructor(list: HTMLOListElement, options: ResultListOptions) {
    this.#list = list;
    this.#options = options;
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          if (entry.isIntersecting) void this.#fill(entry.target, this.#generation);
      },
      // A result loads as it comes into view, not before: a margin below the view would load the
      // next results of every query typed, seen or not.
      { root: options.scroller ?? null },
    );
  }

  /**
   * Shows the first `count` of `results`, replacing what was shown, and resolves with the hits
   * of the eagerly loaded ones once they are in.
   */
  async show(results: readonly PendingHit[], count: number): Promise<SearchHit[]> {
    // A search typed just before the reader moved into the list may still answer: the focus
    // stays on the result at the same place rather than falling to the page.
    const focused = resultLinks(this.#list).indexOf(document.activeElement as HTMLAnchorElement);
    const generation = ++this.#generation;
    this.#observer.disconnect();
    this.#slots.clear();
    this.#results = [...results];
    this.#list.replaceChildren();
    const hits = await this.grow(count);
    const links = resultLinks(this.#list);
    if (focused >= 0 && generation === this.#generation && document.activeElement === document.body)
      links[Math.min(focused, links.length - 1)]?.focus();
    return hits;
  }

  /** Shows results up to `count` in all; resolves with the hits of the ones loaded at once. */
  async grow(count: number): Promise<SearchHit[]> {
    const generation = this.#generation;
    const start = this.#list.childElementCount;
    const added = this.#results.slice(start, count).map((result) => {
      const slot = document.createElement('li');
      slot.className = 'hit';
      slot.dataset['pending'] = '';
      this.#slots.set(slot, result);
      return slot;
    });
    this.#list.append(...added);
    // Loaded results show at once; of the others, about a screenful now, the rest when seen.
    const first = Math.max(0, this.#options.eager - start);
    const eager = added.filter((slot, at) => at < first || this.#slots.get(slot)?.hit);
    const later = added.filter((slot) => !eager.includes(slot));
    setTimeout(() => {
      if (generation === this.#generation) for (const slot of later) this.#observer.observe(slot);
    }, SETTLE_MS);
    const hits = await Promise.all(eager.map((slot) => this.#fill(slot, generation)));
    return hits.filter((hit): hit is SearchHit => hit !== null);
  }

  async #fill(slot: Element, generation: number): Promise<SearchHit | null> {
    const result = this.#slots.get(slot);
    if (!result) return null;
    this.#slots.delete(slot);
    this.#observer.unobserve(slot);
    const hit = await result.load();
    if (generation !== this.#generation) return null;
    if (hit) {
      slot.replaceChildren(
        ...renderHit(hit, this.#options.highlightParam, this.#options.dates, this.#options.heading),
      );
      delete (slot as HTMLElement).dataset['pending'];
    } else slot.remove();
    return hit;
  }
}

/** The result links of a list, in order. */
export function resultLinks(list: Element): HTMLAnchorElement[] {
  return [...list.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')];
}

/**
 * Arrow keys between the query box and the results, Home and End among the results; returns
 * the element to focus, or null when the key is not for the list.
 */
export function keyTarget(key: string, input: HTMLInputElement, list: Element): HTMLElement | null {
  const links = resultLinks(list);
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const inBox = document.activeElement === input;
  if (!inBox && at === -1) return null;
  if (key === 'ArrowDown') return (inBox ? links[0] : links[Math.min(at + 1, links.length - 1)]) ?? null;
  if (at === -1) return null;
  if (key === 'ArrowUp') return at === 0 ? input : (links[at - 1] ?? null);
  if (key === 'Home') return links[0] ?? null;
  if (key === 'End') return links.at(-1) ?? null;
  return null;
}
