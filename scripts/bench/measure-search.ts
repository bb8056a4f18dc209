import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from '../find-chromium.mjs';

/** Bytes and time of one search, as a reader's browser sees them. */
export interface QueryFigures {
  query: string;
  ms: number;
  requests: number;
  /** Bytes as served (the static server does not compress). */
  bytes: number;
  /** The same responses as a host compressing text would send them (gzip of text types). */
  gzipBytes: number;
  results: number;
}

/** A first search (opening `/search/?q=`) and a second query typed into the same page. */
export interface SearchFigures {
  first: QueryFigures;
  second: QueryFigures;
}

const RESULT = '[data-search-result], pagefind-results a';
const COMPRESSED = /\.(pf_[a-z]+|png|jpe?g|webp|woff2?)$/u;

async function gzipSize(directory: string, pathname: string): Promise<number> {
  const path = join(directory, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
  try {
    const bytes = await readFile(path);
    return COMPRESSED.test(path) ? bytes.length : gzipSync(bytes, { level: 6 }).length;
  } catch {
    return 0;
  }
}

/**
 * Measures search in headless Chromium against a served build. One function, so another
 * measurement (tests/support/measure-search.ts, when the search UI provides one) can replace it.
 */
export async function measureSearch(siteUrl: string, distDir: string, queries: [string, string]): Promise<SearchFigures> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const responses: { url: string; bytes: number }[] = [];
    page.on('requestfinished', (request) => {
      // Chromium reports -1 for bodies it did not take from the network (the memory cache).
      void request.sizes().then((sizes) => responses.push({ url: request.url(), bytes: Math.max(0, sizes.responseBodySize) }));
    });
    const figures = async (query: string, since: number, started: number): Promise<QueryFigures> => {
      const ms = performance.now() - started;
      await page.waitForTimeout(300);
      const taken = responses.slice(since);
      const gzip = await Promise.all(taken.map((response) => gzipSize(distDir, new URL(response.url).pathname)));
      return {
        query,
        ms: Math.round(ms),
        requests: taken.length,
        bytes: taken.reduce((sum, response) => sum + response.bytes, 0),
        gzipBytes: gzip.reduce((sum, size) => sum + size, 0),
        results: await page.locator(RESULT).count(),
      };
    };
    let started = performance.now();
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(queries[0])}`);
    await page.locator(RESULT).first().waitFor({ timeout: 60_000 });
    const first = await figures(queries[0], 0, started);
    const before = await page.locator(RESULT).evaluateAll((links) => links.map((link) => link.getAttribute('href')).join());
    const since = responses.length;
    started = performance.now();
    await page.locator('main [role="search"] input[type="search"], main input[type="search"]').first().fill(queries[1]);
    await page.waitForFunction(
      ([selector, previous]) => {
        const links = [...document.querySelectorAll(selector as string)];
        return links.length > 0 && links.map((link) => link.getAttribute('href')).join() !== previous;
      },
      [RESULT, before],
      { timeout: 60_000, polling: 20 },
    );
    const second = await figures(queries[1], since, started);
    return { first, second };
  } finally {
    await browser.close();
  }
}
