import { describe, expect, it } from 'vitest';
import { buildFeed, latestItems } from '../../../src/lib/site-feed.ts';

const site = {
  title: 'Архив',
  description: 'Описание',
  lang: 'ru',
  site: 'https://example.org/',
  base: '/archive/',
  limit: 2,
};
const entry = (id: string, date: string) => ({
  id,
  data: { title: id, date, description: `о ${id}`, places: [], authors: ['Анна Смирнова'] },
});
const body = (document: { id: string }): string => `<p>${document.id}</p>`;

describe('site feeds', () => {
  it('keeps the newest documents with absolute links under the base path', () => {
    const items = latestItems(
      [entry('a', '2024-01-01'), entry('b', '2025-01-01'), entry('c', '2023-01-01')],
      site,
      body,
    );
    expect(items.map((item) => item.link)).toEqual([
      'https://example.org/archive/doc/b/',
      'https://example.org/archive/doc/a/',
    ]);
    expect(items[0]?.date.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('writes a JSON Feed whose items carry content, date and author', () => {
    const feed = JSON.parse(buildFeed(site, latestItems([entry('a', '2024-01-01')], site, body)).json1()) as {
      home_page_url: string;
      items: { id: string; content_html: string; date_published: string; author: { name: string } }[];
    };
    expect(feed.home_page_url).toBe('https://example.org/archive/');
    expect(feed.items[0]).toMatchObject({ content_html: '<p>a</p>', author: { name: 'Анна Смирнова' } });
  });
});
