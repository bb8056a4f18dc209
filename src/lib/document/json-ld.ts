/** Serialises structured data for a `<script type="application/ld+json">` element. */
export function serializeJsonLd(value: unknown): string {
  // `<` is escaped so that no string can close the script element or open a comment; `>` and `&`
  // for the same reason in older parsers; U+2028/9 because some JavaScript parsers reject them.
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** What a NewsArticle says of a document: its own fields, its language included. */
export interface ArticleDocument {
  title: string;
  description: string;
  date: string;
  authors: readonly string[];
  places: readonly string[];
  words: number;
  /** The document's language, as its page's `<html lang>` gives it. */
  lang: string;
}

/** Where a document's page is published and by whom. */
export interface ArticlePage {
  url: string;
  publisher: string;
}

/** Describes one document as a schema.org NewsArticle, in the document's own language. */
export function newsArticle(document: ArticleDocument, page: ArticlePage): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: document.title,
    description: document.description,
    datePublished: document.date,
    url: page.url,
    mainEntityOfPage: page.url,
    inLanguage: document.lang,
    wordCount: document.words,
    ...(document.authors.length > 0 && {
      author: document.authors.map((name) => ({ '@type': 'Person', name })),
    }),
    ...(document.places.length > 0 && {
      locationCreated: document.places.map((name) => ({ '@type': 'Place', name })),
    }),
    publisher: { '@type': 'Organization', name: page.publisher },
  };
}

/** Describes the site as a schema.org WebSite whose search takes `?q=`. */
export function webSite(name: string, url: string, searchUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name,
    url,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${searchUrl}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}
