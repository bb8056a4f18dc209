// How often search puts the one right document first, in Chromium on a built site: for rare
// phrases of the texts, whole headlines and two words of a headline (see phrase-queries.ts).
// `npx node scripts/bench/search-phrases.ts <dist> [count]` prints the figures as JSON.
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import {
  headlineWords,
  rarePhrases,
  readIndexedDocuments,
  wholeHeadlines,
  type KnownQuery,
} from './phrase-queries.ts';

/** How one kind of query fared. */
export interface RankFigures {
  queries: number;
  /** Share of queries whose document came first, and among the first ten. */
  hitAt1: number;
  hitAt10: number;
  /**
   * Search fragments fetched per query (each result's text, loaded as results show) and their
   * bytes as sent, on a page that keeps the fragments earlier queries loaded.
   */
  fragmentsPerQuery: number;
  fragmentBytesPerQuery: number;
  /** The queries whose document did not come first, with where it came (0: not in the first ten). */
  misses: { query: string; rank: number }[];
}

/** Figures for the three kinds of query on one built site. */
export interface PhraseSearchFigures {
  documents: number;
  phrase: RankFigures;
  headline: RankFigures;
  headlineWords: RankFigures;
}

// The first ten result addresses of a query, once shown. The search page stays open: each query
// comes as a step of its history (as back and forward do), so the index loads once.
async function firstTen(page: Page, query: string): Promise<string[]> {
  await page.evaluate((asked) => {
    const list = document.querySelector<HTMLElement>('main .results');
    if (list) delete list.dataset['query'];
    history.pushState(null, '', `/search/?q=${encodeURIComponent(asked)}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, query);
  const shown = page.waitForFunction(
    (asked) => {
      const list = document.querySelector<HTMLElement>('main .results');
      const status = document.querySelector('search-app [role="status"]')?.textContent ?? '';
      if (list?.dataset['query'] !== asked) return false;
      // Results shown and every one loaded (the list is named before it is filled), or none found.
      const shown =
        list.querySelector('a[data-search-result]') !== null && list.querySelector('[data-pending]') === null;
      return shown || status === 'Ничего не найдено';
    },
    query,
    { timeout: 60_000, polling: 20 },
  );
  await shown.catch((error: unknown) => {
    throw new Error(`search: «${query}» did not show its results`, { cause: error });
  });
  return page.$$eval('main .results a[data-search-result]', (links) =>
    links.slice(0, 10).map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );
}

export async function rank(page: Page, queries: readonly KnownQuery[]): Promise<RankFigures> {
  let fragments = 0;
  let fragmentBytes = 0;
  const counting = (response: import('playwright-core').Response) => {
    // Fragments come from packs, by range (or as whole packs where a host ignores ranges).
    if (!/\.pf_(?:fragment|pack)$/u.test(response.url())) return;
    fragments += 1;
    void response
      .body()
      .then((body) => (fragmentBytes += body.length))
      .catch(() => undefined);
  };
  page.on('response', counting);
  const ranks: number[] = [];
  const misses: RankFigures['misses'] = [];
  for (const { query, url } of queries) {
    // A machine busy with other work can stall one query past its time: it is asked once more.
    const found = await firstTen(page, query).catch(() => firstTen(page, query));
    const at = found.indexOf(url) + 1;
    ranks.push(at);
    if (at !== 1) misses.push({ query, rank: at });
    if (ranks.length % 50 === 0) console.error(`  ${ranks.length} of ${queries.length} queries`);
  }
  page.off('response', counting);
  const share = (hits: number) => Math.round((1000 * hits) / Math.max(1, queries.length)) / 10;
  return {
    queries: queries.length,
    hitAt1: share(ranks.filter((at) => at === 1).length),
    hitAt10: share(ranks.filter((at) => at > 0).length),
    fragmentsPerQuery: Math.round((10 * fragments) / Math.max(1, queries.length)) / 10,
    fragmentBytesPerQuery: Math.round(fragmentBytes / Math.max(1, queries.length)),
    misses,
  };
}

/** Measures phrase, headline and headline-words hit@1 on a built site, `count` queries of each kind. */
export async function measurePhraseSearch(dist: string, count = 200): Promise<PhraseSearchFigures> {
  const documents = readIndexedDocuments(dist);
  const server = await serveStatic(dist);
  const site = server.url;
  const browser = await launchBrowser();
  try {
    // No service worker: each query's fragments are fetched (or read from the HTTP cache) by the page.
    // A screen tall enough for ten results: the search page loads a result's fragment as it comes
    // into view, and the first ten are read here.
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 2400 } });
    const page = await context.newPage();
    await page.goto(`${site}/search/`);
    return {
      documents: documents.length,
      phrase: await rank(page, rarePhrases(documents, count)),
      headline: await rank(page, wholeHeadlines(documents, count)),
      headlineWords: await rank(page, headlineWords(documents, count)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  const [dist, count] = process.argv.slice(2);
  if (!dist) {
    console.error(
      'usage: npx node scripts/bench/search-phrases.ts <dist> [queries of each kind, default 200]',
    );
    process.exit(2);
  }
  console.log(JSON.stringify(await measurePhraseSearch(dist, count ? Number(count) : undefined), null, 2));
}
