// How search forgives typos, measured in Chromium on a built site: each document's headline with
// one word misspelled (scripts/bench/typo-cases.ts) is searched on /search/ and in place, and the
// document counts as found when it is among the first ten results (eight in place, all it shows).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { typoCases, type TypoCase } from './typo-cases.ts';

/** One misspelled query's outcome on the search page and in place. */
export interface TypoOutcome extends TypoCase {
  /** The query the page searched instead, when it corrected the typed one. */
  corrected: string | null;
  found: boolean;
  /** Found with the words as typed (`&verbatim=1`), without correction (sampled cases). */
  foundAsTyped?: boolean;
  /** The headline spelled right. */
  foundSpelledRight: boolean;
  foundInPlace: boolean;
  /** Compressed bytes of the search from a fresh page, corrected and as typed (sampled cases). */
  bytes?: { corrected: number; asTyped: number; spelledRight: number };
}

/** Median, mean and most of a figure over the sampled cases, and how many were sampled. */
export interface Spread {
  median: number;
  mean: number;
  max: number;
  sampled: number;
}

/** What the typo benchmark found. */
export interface TypoFigures {
  cases: number;
  /** Share of misspelled headlines whose document is in the first ten results on /search/. */
  hitAt10: number;
  /** The same in place (the dialog shows eight). */
  hitInPlace: number;
  /** The same headlines spelled right: the most correction can reach. */
  hitAt10SpelledRight: number;
  /**
   * Compressed bytes a correction costs over the same query searched as typed (`&verbatim=1`,
   * which still loads the words a suggestion needs, as search did before it corrected), from a
   * fresh page each.
   */
  extraBytes: Spread;
  /** …and over the headline spelled right, from a fresh page too. */
  extraBytesOverSpelledRight: Spread;
  byEdit: Record<string, { cases: number; hitAt10: number }>;
  outcomes: TypoOutcome[];
}

// Headlines as the document pages show them (typeset: a no-break space after short words).
export function readHeadlines(dist: string): { url: string; headline: string }[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
  return readdirSync(join(dist, 'doc')).flatMap((slug) => {
    const html = readFileSync(join(dist, 'doc', slug, 'index.html'), 'utf8');
    const inner = /<h1[^>]*>([\s\S]*?)<\/h1>/u.exec(html)?.[1];
    if (inner === undefined) return [];
    const headline = inner
      .replace(/<[^>]*>/gu, '')
      .replace(/&(#x?[0-9a-f]+|[a-z]+);/giu, (whole, name: string) =>
        name.startsWith('#')
          ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10))
          : (entities[name] ?? whole),
      )
      .replace(/[\s\u00a0]+/gu, ' ')
      .trim();
    return headline ? [{ url: `/doc/${slug}/`, headline }] : [];
  });
}

// Pagefind's files are gzip already; a host compresses the rest.
function sentBytes(body: Buffer): number {
  if (body.length === 0) return 0;
  return body[0] === 0x1f && body[1] === 0x8b ? body.length : Math.min(body.length, gzipSync(body).length);
}

// Counts what a context downloads; resolves once no request has been in flight for `quiet` ms.
function countBytes(context: BrowserContext): { settle(quiet?: number): Promise<number> } {
  const pending: Promise<number>[] = [];
  let inFlight = 0;
  let lastChange = performance.now();
  context.on('request', () => {
    inFlight += 1;
    lastChange = performance.now();
  });
  context.on('requestfailed', () => {
    inFlight -= 1;
    lastChange = performance.now();
  });
  context.on('requestfinished', (request) => {
    inFlight -= 1;
    lastChange = performance.now();
    pending.push(
      request.response().then(async (response) => (response ? sentBytes(await response.body()) : 0), () => 0),
    );
  });
  return {
    async settle(quiet = 400) {
      const deadline = performance.now() + 20_000;
      while (performance.now() < deadline && (inFlight > 0 || performance.now() - lastChange < quiet))
        await new Promise((done) => setTimeout(done, 50));
      return (await Promise.all(pending)).reduce((sum, bytes) => sum + bytes, 0);
    },
  };
}

// The service worker would precache the whole site beside the search; the bench counts the search.
const CONTEXT = { serviceWorkers: 'block', bypassCSP: true, viewport: { width: 1280, height: 4000 } } as const;

// Waits until the list answers `query` and every shown result has loaded.
async function settled(page: Page, scope: string, query: string): Promise<void> {
  await page.waitForFunction(
    ({ scope, query }) => {
      const host = document.querySelector(scope);
      const list = host?.querySelector<HTMLElement>('.results');
      const status = host?.querySelector('[role="status"]')?.textContent ?? '';
      return list?.dataset['query'] === query && status !== '' && !list.querySelector('[data-pending]');
    },
    { scope, query },
    { timeout: 30_000, polling: 20 },
  );
}

async function resultPaths(page: Page, scope: string): Promise<string[]> {
  return page
    .locator(`${scope} [data-search-result]`)
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

// Opens /search/ with the query in a fresh context: the paths of its first ten results, the
// corrected query, and the bytes the search cost.
async function searchPage(
  browser: Browser,
  site: string,
  query: string,
  verbatim = false,
): Promise<{ paths: string[]; corrected: string | null; bytes: number }> {
  const context = await browser.newContext(CONTEXT);
  try {
    const bytes = countBytes(context);
    const page = await context.newPage();
    await page.goto(`${site}/search/?q=${encodeURIComponent(query)}${verbatim ? '&verbatim=1' : ''}`);
    await settled(page, 'search-app', query);
    const paths = (await resultPaths(page, 'search-app')).slice(0, 10);
    const corrected = await page.locator('search-app .results').getAttribute('data-corrected');
    return { paths, corrected, bytes: await bytes.settle() };
  } finally {
    await context.close();
  }
}

// Types each query in turn into one page's search box (the search page's, or the dialog's opened
// with `/` on a document page): the paths of the results each shows.
async function typed(
  browser: Browser,
  site: string,
  queries: readonly string[],
  where: 'search-app' | 'search-dialog',
): Promise<string[][]> {
  const context = await browser.newContext(CONTEXT);
  try {
    const page = await context.newPage();
    if (where === 'search-app') await page.goto(`${site}/search/`);
    else {
      await page.goto(`${site}/`);
      await page.keyboard.press('/');
    }
    const box = page.locator(`${where} input[type="search"]`);
    await box.waitFor();
    const paths: string[][] = [];
    for (const query of queries) {
      // The last answer's count stays until this one's: cleared, it tells when this one is in.
      await page.locator(`${where} [role="status"]`).evaluate((status) => (status.textContent = ''));
      // Emptied first, so a query the same as the last one is searched again.
      await box.fill('');
      await box.fill(query);
      await settled(page, where, query);
      paths.push((await resultPaths(page, where)).slice(0, 10));
    }
    return paths;
  } finally {
    await context.close();
  }
}

const queries = (cases: readonly TypoCase[], key: 'query' | 'headline') => cases.map((one) => one[key]);
const share = (flags: readonly boolean[]) => flags.filter(Boolean).length / Math.max(1, flags.length);
const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    mean: Math.round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)),
    max: sorted.at(-1) ?? 0,
    sampled: values.length,
  };
};

/**
 * Builds `count` misspelled headline queries from a built site (`dist`) and measures them in
 * Chromium: hit@10 on /search/ (corrected, as typed, spelled right), hit in place, and the bytes
 * a correction adds.
 */
export async function measureTypos(
  dist: string,
  count = 150,
  log: (line: string) => void = () => {},
  bytesEvery = 5,
): Promise<TypoFigures> {
  const cases = typoCases(readHeadlines(dist), count);
  const server = await serveStatic(dist);
  const site = server.url;
  const browser = await launchBrowser();
  try {
    const found = (paths: string[][]) => cases.map((one, at) => paths[at]?.includes(one.url) ?? false);
    const hits = found(await typed(browser, site, queries(cases, 'query'), 'search-app'));
    log(`search page: ${hits.filter(Boolean).length} of ${cases.length} found`);
    const right = found(await typed(browser, site, queries(cases, 'headline'), 'search-app'));
    const placed = found(await typed(browser, site, queries(cases, 'query'), 'search-dialog'));
    log(`in place: ${placed.filter(Boolean).length} of ${cases.length} found`);
    const outcomes: TypoOutcome[] = [];
    for (const [at, one] of cases.entries()) {
      // Bytes from a fresh page are slow to take: every `bytesEvery`-th case.
      const sample = at % bytesEvery === 0;
      const corrected = sample ? await searchPage(browser, site, one.query) : null;
      const asTyped = sample ? await searchPage(browser, site, one.query, true) : null;
      const spelledRight = sample ? await searchPage(browser, site, one.headline) : null;
      outcomes.push({
        ...one,
        corrected: corrected?.corrected ?? null,
        found: hits[at] ?? false,
        ...(asTyped ? { foundAsTyped: asTyped.paths.includes(one.url) } : {}),
        foundSpelledRight: right[at] ?? false,
        foundInPlace: placed[at] ?? false,
        ...(corrected && asTyped && spelledRight
          ? { bytes: { corrected: corrected.bytes, asTyped: asTyped.bytes, spelledRight: spelledRight.bytes } }
          : {}),
      });
      if (sample) log(`bytes ${at + 1}/${cases.length}: ${one.typo} → ${corrected?.corrected ?? '—'}`);
    }
    const byEdit: TypoFigures['byEdit'] = {};
    for (const edit of new Set(outcomes.map((one) => one.edit))) {
      const of = outcomes.filter((one) => one.edit === edit);
      byEdit[edit] = { cases: of.length, hitAt10: share(of.map((one) => one.found)) };
    }
    const sampled = outcomes.flatMap((one) => (one.bytes ? [one.bytes] : []));
    return {
      cases: outcomes.length,
      hitAt10: share(hits),
      hitInPlace: share(placed),
      hitAt10SpelledRight: share(right),
      extraBytes: spread(sampled.map((bytes) => bytes.corrected - bytes.asTyped)),
      extraBytesOverSpelledRight: spread(sampled.map((bytes) => bytes.corrected - bytes.spelledRight)),
      byEdit,
      outcomes,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  const [dist, count = '150', out, every = '5'] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: npx node scripts/bench/search-typos.ts <built-site> [cases] [result.json] [bytes-every]');
    process.exit(2);
  }
  const figures = await measureTypos(dist, Number(count), (line) => console.error(line), Number(every));
  const { outcomes, ...summary } = figures;
  if (out) (await import('node:fs')).writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  if (!out) console.log(JSON.stringify(outcomes.filter((one) => !one.found).slice(0, 20), null, 1));
}
