import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, inject, it } from 'vitest';
import { brokenLinks, jsonFeedSchema, nuHtmlErrors, xmllintErrors } from '../support/validators.ts';

// The three fixture sites, each with the address it was built for.
const sites = () => [
  { name: 'fixtures', dir: inject('siteDir'), site: 'http://localhost:4321/', base: '/' },
  { name: 'reading', dir: inject('readingDir'), site: 'https://example.org/news/', base: '/news/' },
  { name: 'hostile', dir: inject('hostileDir'), site: 'http://localhost:4321/', base: '/' },
];
const SITEMAP_XSD = 'node_modules/sitemap/schema/sitemap.xsd';

// A link of a feed or sitemap names a file of the built site.
function builtFile(dir: string, site: string, link: string): string {
  expect(link.startsWith(site), link).toBe(true);
  const path = decodeURIComponent(link.slice(site.length));
  return join(dir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}
const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

describe('the web’s own validators on every page type of every fixture site', () => {
  it('finds no error with the W3C Nu HTML Checker', () => {
    expect(nuHtmlErrors(sites().map((site) => site.dir))).toEqual([]);
  });

  it('reads RSS and Atom as well-formed XML and as feeds a real parser understands', async () => {
    for (const { name, dir, site } of sites()) {
      for (const file of ['rss.xml', 'atom.xml']) {
        expect(xmllintErrors(join(dir, file)), `${name} ${file}`).toBe('');
        const feed = parseFeed(await readFile(join(dir, file), 'utf8'));
        expect(feed.title, `${name} ${file}`).toBe('Архив новостей');
        expect(feed.items.length, `${name} ${file}`).toBeGreaterThan(0);
        for (const item of feed.items) {
          expect(item.title, `${name} ${file}`).toBeTruthy();
          expect(Number.isFinite(item.published?.getTime()), `${name} ${file} ${item.url}`).toBe(true);
          expect(await exists(builtFile(dir, site, item.url ?? '')), `${name} ${item.url}`).toBe(true);
        }
      }
    }
  });

  it('writes a JSON Feed that meets the 1.1 specification', async () => {
    for (const { name, dir, site } of sites()) {
      const feed = jsonFeedSchema.parse(JSON.parse(await readFile(join(dir, 'feed.json'), 'utf8')));
      expect(feed.home_page_url, name).toBe(site);
      for (const item of feed.items)
        expect(await exists(builtFile(dir, site, item.url ?? '')), item.url).toBe(true);
    }
  });

  it('writes sitemaps valid against the sitemaps.org schema, listing only pages it built', async () => {
    for (const { name, dir, site } of sites()) {
      expect(xmllintErrors(join(dir, 'sitemap-index.xml')), name).toBe('');
      const sitemaps = (await readdir(dir)).filter((file) => /^sitemap-\d+\.xml$/u.test(file));
      expect(sitemaps.length, name).toBeGreaterThan(0);
      for (const file of sitemaps) {
        expect(xmllintErrors(join(dir, file), SITEMAP_XSD), `${name} ${file}`).toBe('');
        const xml = await readFile(join(dir, file), 'utf8');
        for (const [, loc = ''] of xml.matchAll(/<loc>([^<]*)<\/loc>/gu))
          expect(await exists(builtFile(dir, site, loc)), `${name} ${loc}`).toBe(true);
      }
    }
  });

  it('has no broken internal link or source on any page', async () => {
    for (const { name, dir, base } of sites()) expect(await brokenLinks(dir, base), name).toEqual([]);
  });
});
