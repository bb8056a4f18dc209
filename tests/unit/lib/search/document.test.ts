import { describe, expect, it } from 'vitest';
import { searchDocument, searchUrl } from '../../../../src/lib/search/document.ts';

const fields = {
  headline: 'Гололёд в Петербурге',
  date: '2024-03-05',
  places: ['Санкт-Петербург'],
  authors: ['Иван Сидоров', 'Анна <b>Смирнова</b>'],
  lang: 'ru',
};

describe('the search document of a record', () => {
  it('gives Pagefind the body as content and everything else as title, meta, sort and filters', () => {
    expect(searchDocument(fields, '<p>Сильный гололёд.</p>')).toMatchInlineSnapshot(
      `"<!doctype html><html lang="ru"><body><div data-pagefind-ignore="index"><h1 data-pagefind-meta="title">Гололёд в Петербурге</h1><span data-pagefind-meta="date">2024-03-05</span><span data-pagefind-sort="date">2024-03-05</span><span data-pagefind-filter="year">2024</span><span data-pagefind-filter="place">Санкт-Петербург</span><span data-pagefind-filter="author">Иван Сидоров</span><span data-pagefind-filter="author">Анна &#x3C;b>Смирнова&#x3C;/b></span><span data-pagefind-filter="headline-words">3</span></div><p>Сильный гололёд.</p></body></html>"`,
    );
  });

  it('makes the headline the content of a document without body text, so Pagefind keeps it', () => {
    const html = searchDocument({ ...fields, places: [], authors: [] }, '');
    expect(html).toContain('</div><p>Гололёд в Петербурге</p></body>');
    expect(html).not.toContain('data-pagefind-filter="place"');
  });

  it('gives a short headline its number of words as a filter, so search finds headlines like the query', () => {
    expect(searchDocument({ ...fields, headline: 'Лист' }, '<p>Текст.</p>')).toContain(
      '<span data-pagefind-filter="headline-words">1</span></div>',
    );
    const long = searchDocument(
      { ...fields, headline: 'Ледоход на Неве закончился раньше срока' },
      '<p>Т.</p>',
    );
    expect(long).not.toContain('headline-words');
  });

  it('takes the language of the document for its stemming', () => {
    expect(searchDocument({ ...fields, lang: 'en' }, '<p>Ice.</p>')).toMatch(
      /^<!doctype html><html lang="en">/u,
    );
  });

  it('links a result to the document page, without the base path', () => {
    expect(searchUrl('novosti--itogi-dnya')).toBe('/doc/novosti--itogi-dnya/');
  });
});
