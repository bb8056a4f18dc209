import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { readingUrl } from '../support/reading.ts';

const SITE = 'https://example.org/news/';
const DOCUMENTS = 8;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name, path) => ['item', 'entry', 'url', 'sitemap'].includes(name) || path === 'feed.link',
});

async function fetchText(path: string, type: RegExp): Promise<string> {
  const response = await fetch(`${readingUrl()}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type') ?? '').toMatch(type);
  return response.text();
}

function parseXml(text: string): Record<string, unknown> {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

const isNewestFirst = (dates: number[]): boolean =>
  dates.every((date, index) => index === 0 || date <= (dates[index - 1] as number));

describe('feeds and discovery files', () => {
  it('publishes a well-formed RSS 2.0 feed of the newest documents with absolute links', async () => {
    const rss = parseXml(await fetchText('/rss.xml', /xml/u)) as {
      rss: {
        '@version': string;
        channel: {
          title: string;
          link: string;
          description: string;
          language: string;
          item: Record<string, unknown>[];
        };
      };
    };
    expect(rss.rss['@version']).toBe('2.0');
    const { channel } = rss.rss;
    expect(channel).toMatchObject({ title: 'Архив новостей', link: SITE, language: 'ru' });
    expect(channel.description).not.toBe('');
    expect(channel.item).toHaveLength(DOCUMENTS);
    for (const item of channel.item) {
      expect(item['link']).toMatch(/^https:\/\/example\.org\/news\/doc\/[a-z-]+\/$/u);
      expect(Number.isNaN(Date.parse(String(item['pubDate'])))).toBe(false);
      expect(String(item['title'])).not.toBe('');
    }
    expect(channel.item[0]).toMatchObject({
      title: 'Гололёд сковал дороги Петербурга',
      link: `${SITE}doc/ice-roads/`,
    });
    expect(String(channel.item[0]?.['content:encoded'])).toContain('<p>');
    expect(isNewestFirst(channel.item.map((item) => Date.parse(String(item['pubDate']))))).toBe(true);
  });

  it('publishes a well-formed Atom feed with ids, dates, authors and self link', async () => {
    const atom = parseXml(await fetchText('/atom.xml', /xml/u)) as {
      feed: {
        '@xmlns': string;
        id: string;
        title: string;
        updated: string;
        author: { name: string };
        link: { '@rel': string; '@href': string }[];
        entry: Record<string, unknown>[];
      };
    };
    const { feed } = atom;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(SITE);
    expect(feed.updated).toBe('2025-01-20T00:00:00.000Z');
    expect(feed.author.name).toBe('Архив новостей');
    expect(feed.link.find((link) => link['@rel'] === 'self')?.['@href']).toBe(`${SITE}atom.xml`);
    expect(feed.entry).toHaveLength(DOCUMENTS);
    for (const entry of feed.entry) {
      expect(entry['id']).toMatch(/^https:\/\/example\.org\/news\/doc\//u);
      expect(Number.isNaN(Date.parse(String(entry['updated'])))).toBe(false);
    }
    const peskov = feed.entry.find((entry) => entry['id'] === `${SITE}doc/talks-peskov/`);
    expect(peskov?.['author']).toMatchObject({ name: 'Наталья Петрова' });
  });

  it('publishes a JSON Feed whose items have ids, absolute URLs, HTML and dates', async () => {
    const feed = JSON.parse(await fetchText('/feed.json', /json/u)) as {
      version: string;
      title: string;
      home_page_url: string;
      feed_url: string;
      items: { id: string; url: string; title: string; content_html: string; date_published: string }[];
    };
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/u);
    expect(feed).toMatchObject({
      title: 'Архив новостей',
      home_page_url: SITE,
      feed_url: `${SITE}feed.json`,
    });
    expect(feed.items).toHaveLength(DOCUMENTS);
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.url.startsWith(`${SITE}doc/`)).toBe(true);
      expect(item.content_html).toMatch(/^<p>/u);
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
    }
    expect(feed.items.find((item) => item.url.endsWith('/budget-script-headline/'))?.title).toBe(
      'Заголовок </script><script>alert(1)</script> в новостях',
    );
  });

  it('lists every page in the sitemap under the base path, and robots.txt points to it', async () => {
    const robots = await fetchText('/robots.txt', /text\/plain/u);
    expect(robots).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    const index = parseXml(await fetchText('/sitemap-index.xml', /xml/u)) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    const urls: string[] = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      expect(loc.startsWith(SITE)).toBe(true);
      const sitemap = parseXml(await fetchText(`/${loc.slice(SITE.length)}`, /xml/u)) as {
        urlset: { url: { loc: string }[] };
      };
      urls.push(...sitemap.urlset.url.map((url) => url.loc));
    }
    for (const path of [
      '',
      'doc/ice-roads/',
      'archive/',
      'archive/2025/01/',
      'archive/2025/01/1/',
      'directory/',
      'place/moskva/',
      'author/ivan-sidorov/',
      'page/4/',
    ]) {
      expect(urls).toContain(`${SITE}${path}`);
    }
    expect(urls.filter((url) => url.includes('/doc/'))).toHaveLength(DOCUMENTS);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });

  it('writes the feeds into the built site, not only serves them', async () => {
    const dir = inject('readingDir');
    await expect(readFile(join(dir, 'rss.xml'), 'utf8')).resolves.toContain('<rss');
    await expect(readFile(join(dir, 'robots.txt'), 'utf8')).resolves.toContain('User-agent: *');
  });
});
