import { describe, expect, it } from 'vitest';
import { FEED_CONTENT_LIMIT, feedText, latestItems } from '../../../../src/lib/site/feed.ts';
import { strictXml } from '../../../support/strict-xml.ts';

const site = {
  title: 'Архив',
  description: 'Описание',
  lang: 'ru',
  site: 'https://example.org/',
  base: '/archive/',
  limit: 2,
  readMore: 'Читать на сайте',
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
    const feed = JSON.parse(feedText(site, latestItems([entry('a', '2024-01-01')], site, body), 'json')) as {
      home_page_url: string;
      items: { id: string; content_html: string; date_published: string; author: { name: string } }[];
    };
    expect(feed.home_page_url).toBe('https://example.org/archive/');
    expect(feed.items[0]).toMatchObject({ content_html: '<p>a</p>', author: { name: 'Анна Смирнова' } });
  });

  it('links a body too long for a feed instead of carrying it, with its summary', () => {
    const long = (document: { id: string }) => `<p>${document.id}${'я'.repeat(FEED_CONTENT_LIMIT)}</p>`;
    const [item] = latestItems([entry('a<b', '2024-01-01')], site, long);
    expect(item?.content).toBe(
      '<p>о a&#x3C;b</p><p><a href="https://example.org/archive/doc/a%3Cb/">Читать на сайте</a></p>',
    );
    const [short] = latestItems([entry('a', '2024-01-01')], site, body);
    expect(short?.content).toBe('<p>a</p>');
  });

  it('writes JSON Feed 1.1 with the language and every author of an item', () => {
    const two = {
      ...entry('a', '2024-01-01'),
      data: { ...entry('a', '2024-01-01').data, authors: ['Анна', 'Пётр'] },
    };
    const feed = JSON.parse(feedText(site, latestItems([two], site, body), 'json')) as Record<
      string,
      unknown
    > & {
      items: Record<string, unknown>[];
    };
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      language: 'ru',
      authors: [{ name: 'Архив', url: 'https://example.org/archive/' }],
    });
    expect(feed.items[0]).toMatchObject({ authors: [{ name: 'Анна' }, { name: 'Пётр' }] });
  });

  it('keeps Atom well-formed when a headline or body holds "]]>" more than once', () => {
    const doc = {
      ...entry('a', '2024-01-01'),
      data: { ...entry('a', '2024-01-01').data, title: ']]> и ]]>' },
    };
    const atom = feedText(
      site,
      latestItems([doc], site, () => '<p>]]> и ]]></p>'),
      'atom',
    );
    expect(strictXml(atom).get('title')).toContain(']]&gt; и ]]&gt;');
  });

  it('keeps RSS well-formed when every document is a headline without a body', () => {
    const rss = feedText(
      site,
      latestItems([entry('a', '2024-01-01')], site, () => ''),
      'rss',
    );
    expect(rss).not.toContain('content:encoded');
    expect(() => strictXml(rss)).not.toThrow();
  });

  it('keeps RSS well-formed and the text as written when a headline or body holds "]]>" more than once', () => {
    const doc = {
      ...entry('a', '2024-01-01'),
      data: { ...entry('a', '2024-01-01').data, title: ']]> и ]]>' },
    };
    const rss = strictXml(
      feedText(
        site,
        latestItems([doc], site, () => '<p>]]> и ]]></p>'),
        'rss',
      ),
    );
    expect(rss.get('title')).toContain(']]&gt; и ]]&gt;');
    expect(rss.get('content:encoded')).toEqual(['<p>]]&gt; и ]]&gt;</p>']);
  });

  it('links each RSS item by a permalink guid and names no author, which RSS wants as an e-mail address', () => {
    const rss = strictXml(feedText(site, latestItems([entry('a', '2024-01-01')], site, body), 'rss'));
    expect(rss.get('guid')).toEqual(['https://example.org/archive/doc/a/']);
    expect(rss.get('author')).toBeUndefined();
    expect(rss.get('pubDate')).toEqual(['Mon, 01 Jan 2024 00:00:00 GMT']);
  });

  it('points the RSS channel at its own address, as validators ask', () => {
    const rss = feedText(site, latestItems([entry('a', '2024-01-01')], site, body), 'rss');
    expect(rss).toContain(
      '<atom:link href="https://example.org/archive/rss.xml" rel="self" type="application/rss+xml"/>',
    );
  });

  it('keeps a literal "&amp;" in the site title, a place and an author as written in RSS and Atom', () => {
    const named = { ...site, title: 'Дела &amp; люди' };
    const doc = {
      ...entry('a', '2024-01-01'),
      data: { ...entry('a', '2024-01-01').data, places: ['A &amp; B'], authors: ['C &amp; D'] },
    };
    const items = latestItems([doc], named, body);
    const rss = strictXml(feedText(named, items, 'rss'));
    expect(rss.get('title')?.[0]).toBe('Дела &amp; люди');
    expect(rss.get('category')).toEqual(['A &amp; B']);
    const atom = strictXml(feedText(named, items, 'atom'));
    expect(atom.get('title')?.[0]).toBe('Дела &amp; люди');
    expect(atom.get('name')).toEqual(['Дела &amp; люди', 'C &amp; D']);
  });
});
