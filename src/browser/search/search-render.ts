import { formatIsoDate, type DateStyle } from '../../lib/site/format-date.ts';
import { countRu, pluralRu } from '../../lib/site/plural-ru.ts';
import { FILTER_KEYS, type FilterKey, type SearchState } from '../../lib/search/search-state.ts';
import type { SearchHit } from './search-engine.ts';

const RESULTS = { one: 'результат', few: 'результата', many: 'результатов' };
const FOUND = { one: 'Найден', few: 'Найдено', many: 'Найдено' };
const LEGENDS: Record<FilterKey, string> = { year: 'Год', place: 'Место', author: 'Автор', lang: 'Язык' };
const languageNames = new Intl.DisplayNames(['ru'], { type: 'language' });

/** The sentence a screen reader hears after a search: «Найдено 5 результатов». */
export function summaryText(total: number): string {
  return total === 0 ? 'Ничего не найдено' : `${pluralRu(total, FOUND)} ${countRu(total, RESULTS)}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The engine's own terms are stems with ё folded; the words a result matched are spelled as on
// the page, which is what the page's highlighter looks for.
function highlightUrl(url: string, words: readonly string[], param: string): string {
  const target = new URL(url, location.href);
  target.searchParams.delete(param);
  for (const word of words.slice(0, 8)) target.searchParams.append(param, word);
  return `${target.pathname}${target.search}`;
}

/** A result's content: linked headline, one line of date · place · author, excerpt with marks. */
export function renderHit(
  hit: SearchHit,
  highlightParam: string,
  dates: DateStyle,
  heading: 'h2' | 'h3' = 'h2',
): HTMLElement[] {
  const title = element(heading);
  const link = element('a', undefined, hit.title);
  link.href = highlightUrl(hit.url, hit.matched, highlightParam);
  link.dataset['searchResult'] = '';
  title.append(link);
  const meta = element('p', 'meta');
  if (/^\d{4}-\d{2}-\d{2}$/u.test(hit.date)) {
    const time = element('time', undefined, formatIsoDate(hit.date, dates.lang, dates.format));
    time.dateTime = hit.date;
    meta.append(time);
  }
  if (hit.place !== '') meta.append(element('span', 'place', hit.place));
  if (hit.author !== '') meta.append(element('span', 'author', hit.author));
  const parts: HTMLElement[] = [title];
  if (meta.childElementCount > 0) parts.push(meta);
  if (hit.excerpt.length > 0) {
    const excerpt = element('p', 'excerpt');
    for (const part of hit.excerpt)
      excerpt.append(part.marked ? element('mark', undefined, part.text) : part.text);
    parts.push(excerpt);
  }
  return parts;
}

function valueLabel(key: FilterKey, value: string): string {
  if (key !== 'lang') return value;
  const name = languageNames.of(value) ?? value;
  return name.charAt(0).toLocaleUpperCase('ru') + name.slice(1);
}

function sortedValues(key: FilterKey, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  return key === 'year'
    ? values.sort().reverse()
    : values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'ru'));
}

/** The filter checkboxes with their counts; chosen values stay even when their count drops to 0. */
export function renderFilters(
  counts: Record<string, Record<string, number>>,
  state: SearchState,
): HTMLElement[] {
  const groups: HTMLElement[] = [];
  for (const key of FILTER_KEYS) {
    // Values no result has are noise (a large archive has hundreds of authors) unless chosen.
    const values = Object.fromEntries(Object.entries(counts[key] ?? {}).filter(([, count]) => count > 0));
    for (const chosen of state.filters[key]) values[chosen] ??= 0;
    const names = sortedValues(key, values);
    if (names.length === 0 || (key === 'lang' && names.length < 2 && state.filters.lang.length === 0))
      continue;
    const group = element('fieldset', 'filter');
    group.append(element('legend', undefined, LEGENDS[key]));
    for (const value of names) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.checked = state.filters[key].includes(value);
      label.append(box, ` ${valueLabel(key, value)} `, element('span', 'count', String(values[value] ?? 0)));
      group.append(label);
    }
    groups.push(group);
  }
  return groups;
}
