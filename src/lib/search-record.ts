import type { ParsedSeed } from './parse-seed.ts';

/** The fields Pagefind needs to index one document without its HTML page. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Describes a parsed seed as a Pagefind custom record, with the same metadata its page carries. */
export function toSearchRecord(seed: ParsedSeed, url: string, language: string): SearchRecord {
  const meta: Record<string, string> = { title: seed.title, date: seed.date };
  if (seed.places.length > 0) meta['place'] = seed.places.join(', ');
  if (seed.authors.length > 0) meta['author'] = seed.authors.join(', ');
  const filters: Record<string, string[]> = { year: [seed.date.slice(0, 4)], lang: [language] };
  if (seed.places.length > 0) filters['place'] = seed.places;
  if (seed.authors.length > 0) filters['author'] = seed.authors;
  return {
    url,
    content: [seed.title, ...seed.paragraphs].join('\n\n'),
    language,
    meta,
    filters,
    sort: { date: seed.date },
  };
}
