import { describe, expect, it } from 'vitest';
import { newsArticle, serializeJsonLd, webSite } from '../../../../src/lib/document/json-ld.ts';

const facts = {
  title: '</script><script>alert(1)</script>',
  description: 'a & b',
  date: '2025-12-26',
  authors: ['Наталья Петрова'],
  places: ['Москва'],
  words: 120,
  lang: 'ru',
};
const page = { url: 'https://example.org/doc/a/', publisher: 'Архив' };

describe('JSON-LD', () => {
  it('serialises so that no headline can close the script element', () => {
    const text = serializeJsonLd(newsArticle(facts, page));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(JSON.parse(text)).toMatchObject({ headline: facts.title, description: 'a & b' });
  });

  it('describes a document as a NewsArticle with people and places', () => {
    expect(newsArticle(facts, page)).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2025-12-26',
      author: [{ '@type': 'Person', name: 'Наталья Петрова' }],
      locationCreated: [{ '@type': 'Place', name: 'Москва' }],
    });
    expect(newsArticle({ ...facts, authors: [], places: [] }, page)).not.toHaveProperty('author');
  });

  it('states the language of the document itself, not the site', () => {
    expect(newsArticle({ ...facts, lang: 'en' }, page)).toMatchObject({ inLanguage: 'en' });
  });

  it('describes the site with a search action taking the query', () => {
    expect(webSite('Архив', 'https://example.org/', 'https://example.org/search/')).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'https://example.org/search/?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});
