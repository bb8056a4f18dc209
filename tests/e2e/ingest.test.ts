import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'parse5';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCases, PAYLOAD } from '../fixtures/ingest-cases.ts';
import { launchBrowser } from '../support/browser.ts';
import { pagefindSearch } from '../support/pagefind-api.ts';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { textsOf } from '../support/html-text.ts';
import { scanDist, unsafeInFeed, unsafeInHtml } from '../support/scan-dist.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// A typeset headline read as written: without its spacing, its quotes all straight.
const typeless = (value: string): string => value.replace(/\s+/gu, '').replace(/[«»„“”]/gu, '"');

const seeds = resolve('tests/.output/ingest-seeds');
const LAST_WORD = 'заключительнаяфраза';
const MARKER = 'xss-';
const pages = ingestCases.flatMap(({ path, outcome }) => ('page' in outcome ? [{ path, ...outcome }] : []));
const problems = ingestCases.flatMap(({ path, outcome }) =>
  'problem' in outcome ? [{ path, ...outcome }] : [],
);

// About `bytes` of real Russian paragraphs; only the last paragraph holds LAST_WORD.
function largeDocument(bytes: number, headline: string): string {
  const paragraph =
    'В Кремле уже проанализировали информацию, полученную по итогам переговоров. Об этом сообщил пресс-секретарь. ' +
    'После этого, по его словам, состоялся контакт между представителями администраций.';
  const parts = [` date 2024-09-01 ${headline}`];
  let size = 0;
  for (let index = 1; size < bytes; index += 1) {
    const text = `${index}. ${paragraph}`;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  parts.push(`Последний абзац большого документа: ${LAST_WORD} находится только здесь.`);
  return `${parts.join('\n\n')}\n`;
}

let site: FixtureSite;
let report: {
  documents: number;
  summary: string;
  problems: { file: string; line: number; reason: string }[];
  ignored: string[];
  legacyEncodings: Record<string, string>;
};
let server: StaticServer;
let browser: Browser;
const html = (slug: string) => readFile(join(site.outDir, 'doc', slug, 'index.html'), 'utf8');

beforeAll(async () => {
  await rm(seeds, { recursive: true, force: true });
  await cp('tests/fixtures/ingest', seeds, { recursive: true });
  await writeFile(
    join(seeds, 'large-3mb.txt'),
    largeDocument(3 * 1024 * 1024, 'Большой документ в три мегабайта'),
  );
  await writeFile(
    join(seeds, 'oversize-5mb.txt'),
    largeDocument(5 * 1024 * 1024, 'Слишком большой документ'),
  );
  await writeFile(
    join(seeds, `<img src=x onerror=alert(1)>.txt`),
    ' date 2024-09-02 Разметка в имени файла\n\nТекст.\n',
  );
  await mkdir(join(seeds, 'empty-folder'), { recursive: true });
  site = buildFixtureSite('ingest', seeds, { MAX_SEED_SIZE: '4MB', PAGE_SIZE: '200' });
  if (site.status !== 0) throw new Error(`ingest fixture build failed:\n${site.output}`);
  report = JSON.parse(await readFile(site.report, 'utf8'));
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('building a seeds folder of every awkward case', () => {
  it('prints the summary and one line per problem, and writes the same JSON report', () => {
    const warned = pages.filter((p) => p.warning).map((p) => p.path);
    const expected = [...problems.map((p) => p.path), ...warned, 'oversize-5mb.txt'].sort();
    expect(report.problems.map((p) => p.file).sort()).toEqual(expected);
    expect(report.documents).toBe(pages.length + 2);
    expect(report.summary).toBe(`${pages.length + 2} documents, ${expected.length} problems`);
    expect(site.output).toContain(report.summary);
    for (const p of report.problems) expect(site.output).toContain(`${p.file}:${p.line}: `);
  });

  it('lists skipped entries and the legacy encodings it read', () => {
    expect(report.ignored).toEqual(['.DS_Store', '.hidden/', 'README.md', 'notes.md', 'photo.png']);
    expect(report.legacyEncodings).toEqual({
      // KOI8-U spells every Russian letter as KOI8-R does; the detector may name either.
      'encoding-koi8-r-short.txt': expect.stringMatching(/^koi8-[ru]$/u),
      'encoding-koi8-r.txt': 'koi8-r',
      'encoding-windows-1251-short.txt': 'windows-1251',
      'encoding-windows-1251.txt': 'windows-1251',
      'encoding-utf16be-bom.txt': 'utf-16be',
      'encoding-utf16le-bom.txt': 'utf-16le',
    });
  });

  it('names each problem with its file, line and reason', () => {
    for (const { path, line, problem } of problems) {
      const found = report.problems.find((p) => p.file === path && p.line === line);
      expect(found?.reason, path).toMatch(problem);
    }
    expect(report.problems.find((p) => p.file === 'oversize-5mb.txt')?.reason).toMatch(
      /^file is 5 MB, larger than the 4 MB limit \(MAX_SEED_SIZE\)$/u,
    );
  });

  it('publishes every readable document with its decoded headline, body, place and author', async () => {
    for (const { page, title, body, places, authors } of pages) {
      const text = await html(page);
      // Typography may turn spaces into non-breaking ones or drop them before brackets: compare
      // the text without its spacing.
      const squeeze = (value: string) => value.replace(/\s+/gu, '');
      // The heading is the typeset headline; the title keeps the headline as written.
      expect(textsOf(text, 'h1').map(typeless), page).toEqual([typeless(title)]);
      expect(textsOf(text, 'title')[0], page).toContain(title);
      const article = squeeze(textsOf(text, 'article')[0] ?? '');
      if (body) expect(article, page).toContain(squeeze(body));
      for (const field of [...(places ?? []), ...(authors ?? [])])
        expect(article, page).toContain(squeeze(field));
    }
  });

  it('never lets a carriage return or other stray whitespace reach a page', async () => {
    for (const { page } of pages) expect(await html(page), page).not.toMatch(/[\r\f\u200B\u00AD]/u);
  });

  it('gives two documents with one headline two pages, both listed', async () => {
    const home = await readFile(join(site.outDir, 'index.html'), 'utf8');
    expect(home).toContain('href="/doc/duplicate-headline-1/"');
    expect(home).toContain('href="/doc/duplicate-headline-2/"');
    expect(await html('duplicate-headline-1')).toContain('Первый документ.');
    expect(await html('duplicate-headline-2')).toContain('Второй документ.');
  });

  it('keeps the address for the first of two files with one slug, never overwriting it', async () => {
    expect(await html('slug-collision')).toContain('Первый из двух файлов');
    expect(report.problems.find((p) => p.file === 'slug-collision.txt')?.reason).toContain(
      'slug collision.txt',
    );
  });

  it('gives names with markup, spaces and other scripts plain ASCII addresses', async () => {
    expect(await html('img-src-x-onerror-alert-1')).toContain('Разметка в имени файла');
    expect(await html('itogi-dnya')).toContain('Кириллица в имени файла');
  });

  it('renders a 3 MB document whole, last paragraph included', async () => {
    const text = await html('large-3mb');
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 1024 * 1024);
    expect(text).toContain(`${LAST_WORD} находится только здесь`);
  });

  it('finds the last paragraph of the 3 MB document through the search index', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    // Pagefind's own browser API, as the search page loads it.
    const [found = []] = await pagefindSearch(page, [LAST_WORD], '/pagefind/', 100);
    const urls = found.map((data) => data.url);
    await page.close();
    expect(urls).toEqual(['/doc/large-3mb/']);
  });
});

describe('markup in every field of a document', () => {
  it('is recognised by the scanner when it does become markup', () => {
    const raw = `<p>${PAYLOAD.body}</p><a href="javascript:alert('${MARKER}x')">x</a>`;
    expect(unsafeInHtml(parse(raw), MARKER).length).toBeGreaterThan(2);
    const safe = `<p>&#x3C;script>alert('${MARKER}x')&#x3C;/script></p><meta content="${MARKER}">`;
    expect(unsafeInHtml(parse(safe), MARKER)).toEqual([]);
    const jsonLd = (text: string) => `<script type="application/ld+json">{"headline":"${text}"}</script>`;
    expect(unsafeInHtml(parse(jsonLd(`</script><script>alert('${MARKER}')</script>`)), MARKER)).not.toEqual(
      [],
    );
    expect(unsafeInHtml(parse(jsonLd(`\\u003c/script>${MARKER}`)), MARKER)).toEqual([]);
    expect(
      unsafeInHtml(parse(`<meta http-equiv="refresh" content="0;url=javascript:${MARKER}">`), MARKER),
    ).toHaveLength(1);
    const item = (description: string) =>
      `<rss><channel><item><title>&lt;b ${MARKER}&gt;</title><description>${description}</description></item></channel></rss>`;
    expect(unsafeInFeed(item(`<![CDATA[<img src=x onerror="${MARKER}">]]>`), MARKER)).toHaveLength(1);
    expect(unsafeInFeed(item(`&lt;img src=x onerror="${MARKER}"&gt;`), MARKER)).toHaveLength(1);
    expect(
      unsafeInFeed(item(`&lt;p&gt;&amp;lt;img src=x onerror="${MARKER}"&amp;gt;&lt;/p&gt;`), MARKER),
    ).toEqual([]);
  });

  it('stays text in every file the build writes: pages, titles, meta tags, feeds, JSON-LD', async () => {
    const { files, withMarker, unsafe } = await scanDist(site.outDir, MARKER);
    expect(files).toBeGreaterThan(pages.length);
    // The document page and the home page list carry the payloads, at least.
    expect(withMarker).toBeGreaterThanOrEqual(2);
    expect(unsafe).toEqual([]);
    const text = await html('markup-in-every-field');
    expect(textsOf(text, 'title')[0]).toMatch(
      new RegExp(`^${PAYLOAD.title.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} — `, 'u'),
    );
  });

  it('runs nothing in the browser on the page, the list or the search results', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const injected = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter((el) =>
            [...el.attributes].some((a) => a.name.startsWith('on')),
          ).length,
      );
    await page.goto(`${server.url}/doc/markup-in-every-field/`);
    expect(await page.title()).toContain(`<script>alert('xss-title')</script>`);
    expect(typeless((await page.locator('h1').textContent()) ?? '')).toBe(typeless(PAYLOAD.title));
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.slice(0, 80)).toBe(PAYLOAD.body.slice(0, 80));
    expect(await page.locator('article').textContent()).toContain(`<script>alert('xss-body')</script>`);
    expect(await injected()).toBe(0);
    await page.goto(`${server.url}/`);
    expect(await injected()).toBe(0);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('ссылка')}`);
    await page.locator('main [data-search-result]', { hasText: 'script' }).first().waitFor();
    await page.waitForTimeout(300);
    expect(await injected()).toBe(0);
    await page.close();
    expect(dialogs).toEqual([]);
  });
});
