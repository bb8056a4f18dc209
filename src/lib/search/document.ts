import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { ArchiveDocument } from '../../schemas/document.ts';
import { HEADLINE_FILTER, headlineFilterValue } from './headlines.ts';

/** What the search index needs of a document besides its body: a part of the loader's record. */
export type SearchFields = Pick<ArchiveDocument, 'headline' | 'date' | 'places' | 'authors' | 'lang'>;

/** The URL a document's search result links to, without the site's base (given at search time). */
export function searchUrl(id: string): string {
  return `/doc/${id}/`;
}

const field = (attribute: string, name: string, value: string): ElementContent =>
  h('span', { [attribute]: name }, value);

// A short headline's word count, which tells search the results whose headline may be the query
// without loading their fragments (`src/lib/search/headlines.ts`).
function headlineFilter(headline: string): ElementContent[] {
  const value = headlineFilterValue(headline);
  return value === null ? [] : [field('data-pagefind-filter', HEADLINE_FILTER, value)];
}

/**
 * The HTML Pagefind indexes for one document. Its content is exactly the rendered body; the
 * headline is the `title` field, which Pagefind searches and weighs above body text, and which
 * never repeats in an excerpt. The date is a meta field and the date sort, the year, places and
 * authors are filters (and a short headline's word count), all on an element Pagefind reads them from and indexes no text of. A
 * document without body text gets its headline as content, as Pagefind drops empty pages.
 */
export function searchDocument(fields: SearchFields, body: string): string {
  const facts = h('div', { dataPagefindIgnore: 'index' }, [
    h('h1', { dataPagefindMeta: 'title' }, fields.headline),
    field('data-pagefind-meta', 'date', fields.date),
    field('data-pagefind-sort', 'date', fields.date),
    field('data-pagefind-filter', 'year', fields.date.slice(0, 4)),
    ...fields.places.map((place) => field('data-pagefind-filter', 'place', place)),
    ...fields.authors.map((author) => field('data-pagefind-filter', 'author', author)),
    ...headlineFilter(fields.headline),
  ]);
  const content: ElementContent = body.trim() === '' ? h('p', fields.headline) : { type: 'raw', value: body };
  const tree = h('html', { lang: fields.lang }, [h('body', [facts, content])]);
  return `<!doctype html>${toHtml(tree, { allowDangerousHtml: true })}`;
}
