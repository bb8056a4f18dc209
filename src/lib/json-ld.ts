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

/** What a NewsArticle needs to know of a document. */
export interface ArticleFacts {
  url: string;
  headline: string;
  description: string;
  date: string;
  authors: readonly string[];
  places: readonly string[];
  words: number;
  lang: string;
  publisher: string;
}

/** Describes one document as a schema.org NewsArticle. */
export function newsArticle(facts: ArticleFacts): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: facts.headline,
    description: facts.description,
    datePublished: facts.date,
    url: facts.url,
    mainEntityOfPage: facts.url,
    inLanguage: facts.lang,
    wordCount: facts.words,
    ...(facts.authors.length > 0 && {
      author: facts.authors.map((name) => ({ '@type': 'Person', name })),
    }),
    ...(facts.places.length > 0 && {
      locationCreated: facts.places.map((name) => ({ '@type': 'Place', name })),
    }),
    publisher: { '@type': 'Organization', name: facts.publisher },
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
