import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';

/** What one query cost: bytes over the wire (raw and as a host would gzip them), requests, time. */
export interface QueryFigures {
  query: string;
  requests: number;
  bytes: number;
  gzipBytes: number;
  msToFirstResult: number;
}

/** Cost of opening the search page, then of each query in turn (the first is cold, later ones warm). */
export interface SearchFigures {
  open: Omit<QueryFigures, 'query' | 'msToFirstResult'> & { msToLoad: number };
  queries: QueryFigures[];
}

/** Where the search box and result links are; the defaults are the site's contract. */
export interface SearchSelectors {
  box: string;
  result: string;
  /** Page to open, relative to the base URL. */
  path: string;
}

const CONTRACT: SearchSelectors = {
  box: 'main [role="search"] input[type="search"]',
  result: 'main [data-search-result]',
  path: '/search/',
};

interface Tally {
  requests: number;
  bytes: number;
  gzipBytes: number;
}

function tallyRequests(page: Page): { take(): Promise<Tally> } {
  let pending: Promise<Tally>[] = [];
  page.on('requestfinished', (request: Request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const body = await request
          .response()
          .then((response) => response?.body())
          .catch(() => undefined);
        const gzip = body ? Math.min(gzipSync(body).length, body.length) : sizes.responseBodySize;
        return {
          requests: 1,
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          gzipBytes: gzip + sizes.responseHeadersSize,
        };
      })(),
    );
  });
  return {
    async take() {
      const done = await Promise.all(pending);
      pending = [];
      return done.reduce(
        (sum, one) => ({
          requests: sum.requests + one.requests,
          bytes: sum.bytes + one.bytes,
          gzipBytes: sum.gzipBytes + one.gzipBytes,
        }),
        { requests: 0, bytes: 0, gzipBytes: 0 },
      );
    },
  };
}

// Types the query as one input event (as pasting or a fast typist would) and times until a result
// link appears; clears the box first so an earlier query's results do not count.
async function timeQuery(page: Page, query: string, selectors: SearchSelectors): Promise<number> {
  return page.evaluate(
    ({ text, box: boxSelector, result }) =>
      new Promise<number>((resolve, reject) => {
        const box = document.querySelector<HTMLInputElement>(boxSelector);
        if (!box) return reject(new Error(`no search box ${boxSelector}`));
        box.value = '';
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const start = performance.now();
        const seen = () => document.querySelector(result) !== null && box.value === text;
        const observer = new MutationObserver(() => {
          if (!seen()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no result for ${text} within 20 s`));
        }, 20_000);
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { text: query, box: selectors.box, result: selectors.result },
  );
}

/** Opens `${baseUrl}/search/` and measures each query in order; idle gaps let late requests land. */
export async function measureSearch(
  page: Page,
  baseUrl: string,
  queries: readonly string[],
  selectors: Partial<SearchSelectors> = {},
): Promise<SearchFigures> {
  const chosen = { ...CONTRACT, ...selectors };
  const tally = tallyRequests(page);
  const started = Date.now();
  await page.goto(`${baseUrl.replace(/\/$/u, '')}${chosen.path}`, { waitUntil: 'networkidle' });
  const msToLoad = Date.now() - started;
  const open = { ...(await tally.take()), msToLoad };
  const figures: QueryFigures[] = [];
  for (const query of queries) {
    // Emptying the box first must not leave results behind: wait for the list to clear.
    await page.evaluate((selector) => {
      const box = document.querySelector<HTMLInputElement>(selector);
      if (box) box.value = '';
      box?.dispatchEvent(new Event('input', { bubbles: true }));
    }, chosen.box);
    await page.waitForFunction((selector) => document.querySelector(selector) === null, chosen.result);
    await tally.take();
    const msToFirstResult = await timeQuery(page, query, chosen);
    await page.waitForTimeout(500);
    figures.push({ query, msToFirstResult: Math.round(msToFirstResult), ...(await tally.take()) });
  }
  return { open, queries: figures };
}
