import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { findChromium } from '../find-chromium.mjs';

/** What one search cost, as a reader's browser fetched it. */
export interface QueryFigures {
  query: string;
  /** From the page's navigation (or the query's first keystroke) to its first result. */
  ms: number;
  requests: number;
  /** Bytes as a host compressing text would send them (gzip; compressed files as they are). */
  bytes: number;
  /** The same, by kind of file: html, css, js, wasm, pf_meta, pf_index, pf_fragment, font, … */
  kinds: Record<string, { requests: number; bytes: number }>;
  results: number;
}

/** Search as a reader meets it on one site, measured the same way for ours and for a peer. */
export interface SearchFigures {
  /** Opening `/search/?q=<first>` in a fresh browser, until the first result and the network rests. */
  first: QueryFigures;
  /** Then typing the second query into the same page, a letter every `TYPING_MS`. */
  second: QueryFigures;
  /** From the second query's last keystroke to its first result: the debounce included. */
  msAfterLastKey: number;
  /** The first query again in a new page of the same browser (service worker and HTTP cache warm). */
  returnVisit: QueryFigures & { serviceWorker: boolean };
  /** Ours only: the first query typed into search in place, opened with `/` on a document page. */
  inPlace?: QueryFigures;
}

/** Where a site's search page, box and results are, and how to tell a query's results are shown. */
export interface SearchSite {
  name: string;
  path: string;
  box: string;
  result: string;
  /** An expression true in the page once the results of `query` (a variable) are shown. */
  shown: string;
  /** Whether the site installs a service worker, which a return visit waits for. */
  serviceWorker: boolean;
  /** A document page to open search in place from, the key that opens it, and its results. */
  inPlace?: { path: string; key: string; result: string; shown: string };
}

/** Our search page, and search in place from a document page. */
export const OUR_SEARCH: SearchSite = {
  name: 'ours',
  path: '/search/',
  box: 'main [role="search"] input[type="search"]',
  result: 'main [data-search-result]',
  serviceWorker: true,
  shown: `[...document.querySelectorAll('main .results')].some((list) => list.dataset.query === query && list.querySelector('[data-search-result]'))`,
  inPlace: {
    path: '',
    key: '/',
    result: 'search-dialog [data-search-result]',
    shown: `document.querySelector('search-dialog .results')?.dataset.query === query && document.querySelector('search-dialog [data-search-result]') !== null`,
  },
};

/** A search page with Pagefind's Default UI (scripts/bench/hugo-site.ts). */
export const PAGEFIND_DEFAULT_UI: SearchSite = {
  name: 'Pagefind Default UI',
  path: '/search/',
  box: '.pagefind-ui__search-input',
  result: '.pagefind-ui__result-link',
  serviceWorker: false,
  // Its message names the query once the results are in ("… for [SEARCH_TERM]…" while searching).
  shown: `document.querySelector('.pagefind-ui__result-link') !== null && ((message) => message.includes(query) && !message.trim().endsWith('...'))(document.querySelector('.pagefind-ui__message')?.textContent ?? '')`,
};

/** A brisk reader's pace: a letter every this many milliseconds. */
export const TYPING_MS = 150;

const COMPRESSED = /\.(png|jpe?g|webp|avif|woff2?)(\?|$)/u;

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  const pagefind = /\.(pf_[a-z]+)$/u.exec(path)?.[1];
  if (pagefind) return pagefind;
  if (/wasm\.[a-z-]+\.pagefind$/u.test(path)) return 'wasm';
  if (/\.woff2?$/u.test(path)) return 'font';
  if (/\.m?js$/u.test(path)) return 'js';
  if (/\.css$/u.test(path)) return 'css';
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  if (/\.json$/u.test(path)) return 'json';
  return 'other';
}

// Pagefind's own files are gzip already; a host would compress the rest.
function sentBytes(url: string, body: Buffer): number {
  if (body.length === 0) return 0;
  const gzipped = body[0] === 0x1f && body[1] === 0x8b;
  return gzipped || COMPRESSED.test(url) ? body.length : Math.min(body.length, gzipSync(body).length);
}

interface Taken {
  url: string;
  bytes: number;
}

// Requests the network answered for the page: those the service worker did not serve, and,
// once it controls the page (`withWorker`), its own fetches. Its first install precaches the site
// in the background, which the first search does not wait for: that is left out.
function recordRequests(context: BrowserContext): {
  since(): number;
  countWorker(on: boolean): void;
  settle(from: number, quiet?: number, most?: number): Promise<Taken[]>;
} {
  const taken: Promise<Taken | null>[] = [];
  const counted = new Set<Request>();
  let withWorker = false;
  let lastChange = performance.now();
  context.on('request', (request) => {
    if (request.serviceWorker() && !withWorker) return;
    counted.add(request);
    lastChange = performance.now();
  });
  context.on('requestfailed', (request) => {
    counted.delete(request);
    lastChange = performance.now();
  });
  context.on('requestfinished', (request: Request) => {
    if (!counted.delete(request)) return;
    lastChange = performance.now();
    taken.push(
      (async () => {
        const response = await request.response();
        if (!response || (response.fromServiceWorker() && !request.serviceWorker())) return null;
        const body = await response.body().catch(() => Buffer.alloc(0));
        // A copy the browser's cache held and the host confirmed (304) sent no body.
        const { responseBodySize } = await request.sizes();
        if (responseBodySize === 0 && body.length > 0) return { url: request.url(), bytes: 0 };
        return { url: request.url(), bytes: sentBytes(request.url(), body) };
      })(),
    );
  });
  return {
    since: () => taken.length,
    countWorker: (on) => (withWorker = on),
    // Waits until no counted request has been in flight for `quiet` ms (at most `most` ms).
    async settle(from: number, quiet = 500, most = 10_000) {
      const deadline = performance.now() + most;
      while (performance.now() < deadline && (counted.size > 0 || performance.now() - lastChange < quiet))
        await new Promise((done) => setTimeout(done, 50));
      return (await Promise.all(taken.slice(from))).filter((one): one is Taken => one !== null);
    },
  };
}

function figures(query: string, ms: number, taken: Taken[], results: number): QueryFigures {
  const kinds: QueryFigures['kinds'] = {};
  for (const { url, bytes } of taken) {
    const kind = (kinds[kindOf(url)] ??= { requests: 0, bytes: 0 });
    kind.requests += 1;
    kind.bytes += bytes;
  }
  return {
    query,
    ms: Math.round(ms),
    requests: taken.length,
    bytes: taken.reduce((sum, { bytes }) => sum + bytes, 0),
    kinds,
    results,
  };
}

async function waitShown(page: Page, expression: string, query: string): Promise<void> {
  await page.waitForFunction(
    ({ expression, query }) => new Function('query', `return Boolean(${expression})`)(query) as boolean,
    { expression, query },
    { timeout: 60_000, polling: 10 },
  );
}

// Opens `/search/?q=` and waits for its first result.
async function openQuery(page: Page, siteUrl: string, site: SearchSite, query: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${siteUrl}${site.path}?q=${encodeURIComponent(query)}`);
  await page.locator(site.result).first().waitFor({ timeout: 60_000 });
  return performance.now() - started;
}

// Types a query letter by letter; resolves with the time from the last keystroke's input event
// to the first result of the whole query, as the page's own clock tells it.
async function typeQuery(page: Page, box: string, site: SearchSite, query: string): Promise<number> {
  await page.locator(box).fill('');
  await page.evaluate(
    ({ box, expression, query }) => {
      const input = document.querySelector<HTMLInputElement>(box);
      const state = window as unknown as { lastKey?: number; shownAt?: number };
      delete state.lastKey;
      delete state.shownAt;
      input?.addEventListener('input', () => (state.lastKey = performance.now()));
      const check = new Function('query', `return Boolean(${expression})`);
      const watch = () => {
        if (state.lastKey !== undefined && input?.value === query && check(input.value)) {
          state.shownAt = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(watch);
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    },
    { box, expression: site.shown, query },
  );
  await page.locator(box).focus();
  await page.keyboard.type(query, { delay: TYPING_MS });
  await waitShown(page, site.shown, query);
  return page.evaluate(() => {
    const state = window as unknown as { lastKey?: number; shownAt?: number };
    return (state.shownAt ?? Number.NaN) - (state.lastKey ?? Number.NaN);
  });
}

// The measurement checks each site's own "result shown" expression in the page (`new Function`),
// which a site's Content-Security-Policy rightly forbids; bypassing it changes no download.
const measuring = { bypassCSP: true };

async function measureOn(browser: Browser, siteUrl: string, site: SearchSite, queries: [string, string]) {
  const context = await browser.newContext(measuring);
  try {
    const requests = recordRequests(context);
    const page = await context.newPage();
    let from = requests.since();
    const firstMs = await openQuery(page, siteUrl, site, queries[0]);
    const first = figures(queries[0], firstMs, await requests.settle(from), await page.locator(site.result).count());
    from = requests.since();
    const started = performance.now();
    const msAfterLastKey = await typeQuery(page, site.box, site, queries[1]);
    const secondMs = performance.now() - started;
    const second = figures(queries[1], secondMs, await requests.settle(from), await page.locator(site.result).count());
    // A later visit: the service worker (ours) has installed meanwhile, its precache done before it
    // took control; the HTTP cache is warm.
    const controlled = await page
      .waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: site.serviceWorker ? 120_000 : 1_000 })
      .then(() => true, () => false);
    requests.countWorker(controlled);
    // Whatever the worker still fetches for itself (the archive, when it fits the budget) ends first.
    await requests.settle(requests.since(), 2_000, 120_000);
    const again = await context.newPage();
    from = requests.since();
    const returnMs = await openQuery(again, siteUrl, site, queries[0]);
    const returnVisit = figures(queries[0], returnMs, await requests.settle(from), await again.locator(site.result).count());
    return { first, second, msAfterLastKey: Math.round(msAfterLastKey), returnVisit: { ...returnVisit, serviceWorker: controlled } };
  } finally {
    await context.close();
  }
}

async function measureInPlace(browser: Browser, siteUrl: string, site: SearchSite, query: string): Promise<QueryFigures | undefined> {
  if (!site.inPlace) return undefined;
  const context = await browser.newContext(measuring);
  try {
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${siteUrl}${site.inPlace.path}`);
    await requests.settle(requests.since());
    const from = requests.since();
    const started = performance.now();
    await page.keyboard.press(site.inPlace.key);
    await page.keyboard.type(query, { delay: TYPING_MS });
    await waitShown(page, site.inPlace.shown, query);
    const ms = performance.now() - started;
    return figures(query, ms, await requests.settle(from), await page.locator(site.inPlace.result).count());
  } finally {
    await context.close();
  }
}

/**
 * Measures search on a served site in headless Chromium: a first query from the address, a
 * second one typed, a return visit, and (ours) search in place from `inPlacePath`.
 */
export async function measureSearch(
  siteUrl: string,
  site: SearchSite,
  queries: [string, string],
  inPlacePath?: string,
): Promise<SearchFigures> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const measured = await measureOn(browser, siteUrl, site, queries);
    const inPlace =
      inPlacePath && site.inPlace
        ? await measureInPlace(browser, siteUrl, { ...site, inPlace: { ...site.inPlace, path: inPlacePath } }, queries[0])
        : undefined;
    return { ...measured, ...(inPlace ? { inPlace } : {}) };
  } finally {
    await browser.close();
  }
}
