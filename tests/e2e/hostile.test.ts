import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DIRECTION,
  EMOJI_PARAGRAPH,
  ENTITY,
  FORGED_NAME,
  INVISIBLE_HEADLINE,
  LONG_END,
  NOT_CHARACTERS,
  UNSPELLED,
} from '../fixtures/hostile-cases.ts';
import { launchBrowser } from '../support/browser.ts';
import { pagefindSearch } from '../support/pagefind-api.ts';
import { textsOf } from '../support/html-text.ts';
import { strictXml } from '../support/strict-xml.ts';

const dist = () => inject('hostileDir');
const read = (path: string) => readFile(join(dist(), path), 'utf8');
const page = (slug: string) => read(`doc/${slug}/index.html`);
const meta = (html: string, name: string): string =>
  new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`, 'u').exec(html)?.[1] ?? '';
const jsonLd = (html: string): Record<string, string> =>
  JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/u.exec(html)?.[1] ?? '{}');
const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length;

let report: { problems: { file: string; line: number; reason: string; severity: string }[]; lines: string[] };
let browser: Browser;

beforeAll(async () => {
  report = JSON.parse(await readFile(inject('hostileReport'), 'utf8'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const problem = (file: string) => report.problems.filter((p) => p.file === file);
// Typography binds short words to the next with no-break spaces, in headlines and bodies alike.
const plain = (texts: string[]): string[] => texts.map((text) => text.replaceAll('\u00A0', ' '));

describe('entity-like text in a document', () => {
  it('reaches the page exactly as written: &#60;script&#62; stays text, &mdash; is no dash', async () => {
    const script = await page('entity-script');
    expect(textsOf(script, 'h1')).toEqual([`Заголовок ${ENTITY.script}`]);
    expect(textsOf(script, 'article')[0]).toContain(`Текст ${ENTITY.script} здесь.`);
    expect(textsOf(script, 'article')[0]).not.toContain('<script>');
    const named = textsOf(await page('entity-named'), 'article')[0] ?? '';
    for (const literal of ['&mdash;', '&nbsp;', '&amp;', '\\u2014;']) expect(named).toContain(literal);
    expect(named).not.toContain('—');
  });

  it('never writes a NUL byte or a decoded character reference into a page or feed', async () => {
    for (const file of ['doc/entity-nul/index.html', 'index.html', 'rss.xml', 'atom.xml', 'feed.json']) {
      const text = await read(file);
      expect(text, file).not.toContain('\u0000');
    }
    expect(plain(textsOf(await page('entity-nul'), 'article'))[0]).toContain(ENTITY.nul);
  });

  it('stays text in the feeds, as a feed reader shows them', async () => {
    const rss = parseFeed(await read('rss.xml'));
    const item = rss.items.find((entry) => entry.url?.endsWith('/doc/entity-script/'));
    // The parser hands out what a reader shows: entities of the feed's HTML decoded once.
    expect(item?.title).toBe(`Заголовок ${ENTITY.script}`);
    expect(item?.description).toBe(`Текст ${ENTITY.script} здесь.`);
    expect(item?.content).toBe(`<p>Текст ${ENTITY.script} здесь.</p>`);
    const atom = parseFeed(await read('atom.xml'));
    const entry = atom.items.find((one) => one.url?.endsWith('/doc/entity-nul/'));
    expect(entry?.title).toBe(`Числовые ${ENTITY.nul}`);
    // Typography binds short words with no-break spaces.
    expect(entry?.content?.replaceAll('\u00A0', ' ')).toBe(`<p>${ENTITY.nul}</p>`);
    const json = JSON.parse(await read('feed.json')) as { items: { url: string; title: string }[] };
    expect(json.items.find((one) => one.url.endsWith('/doc/entity-named/'))?.title).toBe(
      `Сущности ${ENTITY.named}`,
    );
  });
});

describe('characters no page or feed can hold', () => {
  it('keeps RSS and Atom well-formed XML for a strict parser', async () => {
    for (const file of ['rss.xml', 'atom.xml', 'sitemap-0.xml', 'sitemap-index.xml']) {
      const text = await read(file);
      expect(() => strictXml(text), file).not.toThrow();
    }
  });

  it('shows U+FFFD where the file has a noncharacter, and names the line in the report', async () => {
    const html = await page('not-characters');
    expect(html).not.toMatch(/[\uFFFE\uFFFF\uFDD0]/u);
    expect(plain(textsOf(html, 'h1'))).toEqual(['Не символы \uFFFD\uFFFD\uFFFD']);
    expect(problem('not-characters.txt')).toEqual([
      expect.objectContaining({ line: 1, severity: 'warning', reason: expect.stringContaining('U+FFFF') }),
    ]);
    expect(NOT_CHARACTERS).toHaveLength(3);
  });

  it('removes control characters and names their line', () => {
    expect(problem('control-characters.txt')).toEqual([
      expect.objectContaining({ line: 3, severity: 'warning', reason: expect.stringContaining('U+0007') }),
    ]);
  });

  it('reports a UTF-32 file with a lone surrogate on its line instead of publishing it', async () => {
    expect(problem('utf32-lone-surrogate.txt')).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'error',
        reason: expect.stringMatching(/not valid UTF-32LE/u),
      }),
    ]);
    await expect(page('utf32-lone-surrogate')).rejects.toThrow(/ENOENT/u);
  });
});

describe('an emoji at the description limit', () => {
  it('is kept whole or left out, never cut into U+FFFD, in the meta tags, JSON-LD and feeds', async () => {
    const html = await page('emoji-at-limit');
    const expected = `${EMOJI_PARAGRAPH.slice(0, 199)}😀…`;
    expect(meta(html, 'description')).toBe(expected);
    expect(meta(html, 'og:description')).toBe(expected);
    expect(jsonLd(html)['description']).toBe(expected);
    const rss = parseFeed(await read('rss.xml'));
    expect(rss.items.find((item) => item.url?.endsWith('/doc/emoji-at-limit/'))?.description).toBe(expected);
    const json = JSON.parse(await read('feed.json')) as { items: { url: string; summary: string }[] };
    expect(json.items.find((item) => item.url.endsWith('/doc/emoji-at-limit/'))?.summary).toBe(expected);
  });
});

describe('places and authors without a Latin spelling', () => {
  it('get an address each, apart from each other and from a real "Name"', async () => {
    const places = await readdir(join(dist(), 'place'));
    expect(places).toHaveLength(UNSPELLED.places.length + 1);
    for (const [index, place] of UNSPELLED.places.entries()) {
      const doc = await page(`unspelled-place-${index + 1}`);
      const href = new RegExp(`<a href="(/place/[^"]+/)"[^>]*>${place}</a>`, 'u').exec(doc)?.[1] ?? '';
      expect(href, place).not.toBe('');
      const list = await read(`${href.slice(1)}index.html`);
      expect(textsOf(list, 'h1')[0]).toContain(place);
      expect(list).toContain(`href="/doc/unspelled-place-${index + 1}/"`);
      for (const other of [1, 2, 3].filter((n) => n !== index + 1))
        expect(list).not.toContain(`href="/doc/unspelled-place-${other}/"`);
    }
    expect(places).toContain('name');
  });

  it('reports two spellings that still share an address instead of merging them silently', () => {
    expect(problem('spelling-second.txt')).toEqual([
      expect.objectContaining({
        line: 5,
        severity: 'warning',
        reason: expect.stringContaining(
          '"МОСКВА" has the address /place/moskva/ of "Москва" (spelling-first.txt)',
        ),
      }),
    ]);
  });
});

describe('a megabyte headline and a megabyte paragraph', () => {
  it('warn in the report, naming the file and line', () => {
    expect(problem('long-headline.txt')).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'warning',
        reason: expect.stringMatching(/^headline of /u),
      }),
    ]);
    expect(problem('long-paragraph.txt')).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'warning',
        reason: expect.stringMatching(/^paragraph of /u),
      }),
    ]);
  });

  it('stay bounded where they repeat: lists, month pages, feeds, titles, meta tags and JSON-LD', async () => {
    for (const file of ['index.html', 'archive/2024/04/index.html', 'rss.xml', 'atom.xml', 'feed.json']) {
      expect(Buffer.byteLength(await read(file)), file).toBeLessThan(60_000);
    }
    for (const slug of ['long-headline', 'long-paragraph']) {
      const html = await page(slug);
      expect(graphemes(textsOf(html, 'title')[0] ?? '')).toBeLessThan(260);
      expect(graphemes(textsOf(html, 'h1')[0] ?? '')).toBeLessThanOrEqual(201);
      for (const name of ['description', 'og:title', 'og:description'])
        expect(graphemes(meta(html, name)), `${slug} ${name}`).toBeLessThanOrEqual(201);
      expect(graphemes(jsonLd(html)['headline'] ?? '')).toBeLessThanOrEqual(201);
    }
  });

  it('are whole on their own page, and each page loads in the browser within the test time', async () => {
    for (const slug of ['long-headline', 'long-paragraph']) {
      const tab = await browser.newPage();
      await tab.goto(`${inject('hostileUrl')}/doc/${slug}/`, { waitUntil: 'load' });
      // Layout of the whole text has finished once two frames have been painted after the fonts.
      await tab.evaluate(() =>
        document.fonts.ready.then(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        ),
      );
      const text = await tab.locator('article').textContent();
      expect(text, slug).toContain(`${LONG_END}`);
      expect(text?.length).toBeGreaterThan(500_000);
      await tab.close();
    }
  });

  it('give search results a bounded title', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${inject('hostileUrl')}/search/`);
    const [found = []] = await pagefindSearch(tab, [LONG_END], '/pagefind/', 100);
    const titles = found.map((data) => data.meta['title'] ?? '');
    await tab.close();
    expect(titles).toHaveLength(2);
    for (const title of titles) expect(graphemes(title)).toBeLessThanOrEqual(201);
  });
});

describe('a file name with a line break', () => {
  it('cannot print a forged report line, in the log or in the JSON report', () => {
    const output = inject('hostileOutput');
    expect(output.split('\n').some((line) => /^\s*fake\.txt:1: error: forged/u.test(line))).toBe(false);
    expect(output).toContain('forged\\nfake.txt:1: error: forged.txt:1: error: empty file');
    expect(report.lines).toContain('forged\\nfake.txt:1: error: forged.txt:1: error: empty file');
    expect(problem(FORGED_NAME)).toHaveLength(1);
  });
});

describe('invisible and direction-changing characters in a headline', () => {
  const RLO = '\u202E';
  // The text of every link to a page, in every page of the site, tags removed.
  const linkTexts = async (href: string): Promise<string[]> => {
    const files = (await readdir(dist(), { recursive: true })).filter((file) => file.endsWith('.html'));
    const pattern = new RegExp(`<a [^>]*href="${href}"[^>]*>(.*?)</a>`, 'gsu');
    const texts: string[] = [];
    for (const file of files)
      for (const [, inner] of (await read(file)).matchAll(pattern))
        texts.push(inner?.replace(/<[^>]+>/gu, '') ?? '');
    return texts;
  };

  it('never let an unterminated override into the tab title, meta tags, feeds or links', async () => {
    const html = await page('direction-override');
    expect(textsOf(html, 'title')[0]).toMatch(new RegExp(`^${DIRECTION.shown}(?: |$)`, 'u'));
    expect(meta(html, 'og:title')).toBe(DIRECTION.shown);
    expect(jsonLd(html)['headline']).toBe(DIRECTION.shown);
    for (const file of ['rss.xml', 'atom.xml']) {
      const item = parseFeed(await read(file)).items.find((one) =>
        one.url?.endsWith('/doc/direction-override/'),
      );
      expect(item?.title, file).toBe(DIRECTION.shown);
    }
    const json = JSON.parse(await read('feed.json')) as { items: { url: string; title: string }[] };
    expect(json.items.find((one) => one.url.endsWith('/doc/direction-override/'))?.title).toBe(
      DIRECTION.shown,
    );
    const links = await linkTexts('/doc/direction-override/');
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const text of links) expect(plain([text])[0]).toContain(DIRECTION.shown);
    const files = (await readdir(dist(), { recursive: true })).filter((file) =>
      /\.(?:html|xml|json)$/u.test(file),
    );
    for (const file of files) expect(await read(file), file).not.toContain(RLO);
  });

  it('lets the browser set the direction of each headline by its own letters, apart from its neighbours', async () => {
    expect(await page('direction-override')).toMatch(/<h1 dir="auto"[^>]*>Заголовок наоборот<\/h1>/u);
    const files = (await readdir(dist(), { recursive: true })).filter((file) => file.endsWith('.html'));
    const pattern = /<a [^>]*href="\/doc\/direction-override\/"[^>]*>.*?<\/a>/gsu;
    let links = 0;
    for (const file of files)
      for (const [link] of (await read(file)).matchAll(pattern)) {
        links += 1;
        expect(link, file).toContain('dir="auto"');
      }
    expect(links).toBeGreaterThanOrEqual(2);
  });

  it('closes an isolate left open in a paragraph within it, on the page and in the description', async () => {
    const html = await page('direction-override');
    expect(plain(textsOf(html, 'article'))[0]).toContain(`${DIRECTION.paragraph}\u2069`);
    expect(meta(html, 'description')).toBe(`${DIRECTION.paragraph}\u2069`);
  });

  it('report a headline with no visible character as a problem on its line, and publish no page for it', async () => {
    expect(problem('invisible-headline.txt')).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'error',
        reason: 'headline has no visible character, only U+3164, U+2066',
      }),
    ]);
    expect(report.lines).toContain(
      'invisible-headline.txt:1: error: headline has no visible character, only U+3164, U+2066',
    );
    await expect(page('invisible-headline')).rejects.toThrow(/ENOENT/u);
    expect(INVISIBLE_HEADLINE).toContain('\u3164');
  });

  it('give search results the headline without the override', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${inject('hostileUrl')}/search/`);
    const [found = []] = await pagefindSearch(tab, ['наоборот'], '/pagefind/', 100);
    const titles = found.map((result) => result.meta['title']);
    await tab.close();
    expect(titles).toEqual([DIRECTION.shown]);
  });
});
