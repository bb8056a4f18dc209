import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idHash, spacingFor, type BundleList } from '../../src/lib/search/bundles.ts';
import {
  filterGroup,
  filterLabels,
  filterLegends,
  loadAllResults,
  openSearch,
  searchResults,
  searchStatus,
  valueCount,
} from '../support/search-page.ts';
import { launchBrowser } from '../support/browser.ts';
import { packedFragments } from '../support/fragment-packs.ts';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { setNetwork, waitForServiceWorker } from '../support/offline-browser.ts';
import { serveOffline, type OfflineServer } from '../support/offline-server.ts';

// The search fixture (30 documents, 21 about snowfall) in bundles of at most four documents: the
// same answers as one bundle (tests/e2e/search.test.ts), merged from several. Bundles that hold
// no snowfall make Pagefind fall back to shorter words, which the search page leaves out.
const root = resolve('tests/.output/search-bundles');
const seeds = join(root, 'seeds');
const phasesFile = join(root, 'phases.json');
const BUNDLE_SIZE = '4';
let site: FixtureSite;
let server: OfflineServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Page URL → position of the bundle that indexed it in `bundles.json`. */
const bundleOf = new Map<string, number>();
let list: BundleList;
let phases: { name: string; start: number; end: number }[];

interface Report {
  indexed: string[];
  reused: string[];
  bundles: { folder: string; key: string; documents: number; indexed: boolean }[];
}
// Wraps the WebAssembly module Pagefind instantiates in a search worker so that each search it runs
// is told to the page (which counts them in \`self.searches\`), and takes at least \`searchMs\` (as a
// large bundle's search does).
const countSearches = (searchMs: number): string => `const told = new BroadcastChannel('searches');
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  const made = await instantiate.apply(WebAssembly, args);
  const exports = { ...made.instance.exports };
  exports.search = (...call) => {
    told.postMessage('search');
    for (const until = Date.now() + ${searchMs}; Date.now() < until; );
    return made.instance.exports.search(...call);
  };
  return { instance: { exports }, module: made.module };
};
`;
const countInPage = `self.searches = 0;
new BroadcastChannel('searches').onmessage = () => {
  self.searches += 1;
  self.onSearch?.(self.searches);
};`;

const readReport = (): Report => JSON.parse(readFileSync(join(root, 'search-index.json'), 'utf8')) as Report;

// Every file of a built bundle folder, by path inside it, as a hash of its bytes.
function files(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(path.slice(folder.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return found;
}

// The rebuild keeps the first build's cache: that is where unchanged bundles are found.
const build = (cache: 'clear' | 'keep' = 'clear'): FixtureSite => {
  const built = buildFixtureSite(
    'search-bundles',
    seeds,
    { SEARCH_SHARD_SIZE: BUNDLE_SIZE, BUILD_PHASES_FILE: phasesFile },
    [],
    { cache },
  );
  if (built.status !== 0) throw new Error(`bundled search fixture build failed:\n${built.output}`);
  return built;
};

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  cpSync('tests/fixtures/search-seeds', seeds, { recursive: true });
  site = build();
  phases = JSON.parse(readFileSync(phasesFile, 'utf8')) as typeof phases;
  list = JSON.parse(readFileSync(join(site.outDir, 'pagefind/bundles.json'), 'utf8')) as BundleList;
  for (const { bundle, data } of packedFragments(site.outDir)) bundleOf.set(data.url, bundle);
  server = await serveOffline(site.outDir);
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.close();
});

const results = () => searchResults(page);
const status = () => searchStatus(page);
const dates = () =>
  page
    .locator('main .results time')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));

const search = (params: Record<string, string>) => openSearch(page, server.url, params);

// Shows every result of the current search, ten at a time.
async function showAll(total: number): Promise<void> {
  await loadAllResults(page);
  while ((await results().count()) < total) {
    const shown = await results().count();
    await page.locator('main .more').click();
    await loadAllResults(page);
    await expect.poll(() => results().count()).toBeGreaterThan(shown);
  }
}

// A page of the site, in a browser context of its own (no service worker, an empty cache), that
// counts the searches Pagefind's WebAssembly runs in its search workers. `chunkDelayMs` holds back
// each index chunk, `searchMs` makes each search take that long.
async function countingPage(chunkDelayMs = 0, searchMs = 0): Promise<Page> {
  const counting = await browser.newContext({ serviceWorkers: 'block' });
  await counting.addInitScript(countInPage);
  await counting.route('**/_astro/search-worker-*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: countSearches(searchMs) + (await response.text()) });
  });
  await counting.route('**/index/*.pf_index', async (route) => {
    await new Promise((done) => setTimeout(done, chunkDelayMs));
    await route.fallback();
  });
  return counting.newPage();
}

// The searches the page ran.
const searches = (counted: Page): Promise<number> =>
  counted.evaluate(() => (self as unknown as { searches?: number }).searches ?? 0);

// Each language's index of each bundle: a query runs a word's search in each, and the search of
// the headlines it may be (`search-headline-marks.ts`).
const bundleIndexes = (): number =>
  list.bundles.flatMap(({ languages }) => Object.values(languages).filter((count) => count > 0)).length;
// The languages indexed: each is searched in its own index, bundle after bundle.
const languages = (): number =>
  new Set(
    list.bundles.flatMap(({ languages: each }) => Object.keys(each).filter((lang) => (each[lang] ?? 0) > 0)),
  ).size;

describe('searching an archive indexed in several bundles', () => {
  it('indexes from the loader records while Astro bundles and renders, not from rendered pages', () => {
    const phase = (name: string) => {
      const found = phases.find((entry) => entry.name === name);
      if (!found) throw new Error(`no ${name} phase in ${JSON.stringify(phases)}`);
      return found;
    };
    const parallel = phase('search (parallel)');
    // It starts once the content is synced (the phase marks of one hook apart), before any page.
    expect(parallel.start).toBeGreaterThanOrEqual(phase('sync').start);
    expect(parallel.start).toBeLessThan(phase('render').start);
    expect(phase('search').end).toBeLessThanOrEqual(phase('total').end);
  });

  it('lists its bundles oldest first, the entry bundle last, each named by a digest of what it holds', () => {
    const { bundles } = readReport();
    expect(list.bundles.length).toBeGreaterThan(4);
    expect(list.bundles.map(({ path }) => path)).toEqual(bundles.map(({ folder }) => folder));
    expect(list.bundles.at(-1)?.path).toBe('pagefind/');
    for (const { folder } of bundles.slice(0, -1)) {
      const entry = readFileSync(join(site.outDir, folder, 'pagefind-entry.json'));
      expect(folder).toBe(`pagefind-${createHash('sha256').update(entry).digest('hex').slice(0, 16)}/`);
    }
    expect(bundles.every(({ documents }) => documents <= Number(BUNDLE_SIZE))).toBe(true);
    const firsts = list.bundles.map(({ first }) => first).filter(Boolean);
    expect(firsts).toEqual([...firsts].sort());
    expect(
      list.bundles.reduce((sum, { languages }) => sum + (languages['ru'] ?? 0) + (languages['en'] ?? 0), 0),
    ).toBe(30);
  });

  it("names one WebAssembly file per language, the entry bundle's, in every bundle's entry file", () => {
    for (const { path } of list.bundles) {
      const entry = JSON.parse(readFileSync(join(site.outDir, path, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { wasm: string }>;
      };
      for (const { wasm } of Object.values(entry.languages)) {
        // Pagefind fetches `<bundle>wasm.<value>.pagefind`.
        const url = new URL(`wasm.${wasm}.pagefind`, `https://example.org/${path}`);
        expect(url.pathname).toMatch(/^\/pagefind\/wasm\.[a-z]+\.pagefind$/u);
        expect(existsSync(join(site.outDir, url.pathname))).toBe(true);
      }
      if (path !== 'pagefind/')
        expect(readdirSync(join(site.outDir, path)).filter((name) => name.startsWith('wasm.'))).toEqual([]);
    }
  });

  it("runs each bundle's index once per search, not once per bundle searched", async () => {
    const counted = await countingPage();
    await openSearch(counted, server.url, { q: 'снегопад' });
    await expect(searchStatus(counted).textContent()).resolves.toBe('Найден 21 результат');
    expect(await searches(counted)).toBe(2 * bundleIndexes());
    await counted.context().close();
  });

  it('searches the bundles in a worker, so the page answers the reader while they are searched', async () => {
    const counted = await countingPage(0, 60);
    await counted.goto(`${server.url}search/`);
    await counted.locator('main input[type="search"]').fill('снегопад');
    // The page answers while the bundles are searched: it is seen with some of the searches run,
    // and a timer of its own is never held up by a search (each takes 60 ms here).
    const seen = new Set<number>();
    const late = counted.evaluate(async () => {
      let most = 0;
      for (let tick = 0; tick < 40; tick += 1) {
        const asked = performance.now();
        await new Promise((done) => setTimeout(done, 10));
        most = Math.max(most, performance.now() - asked - 10);
      }
      return most;
    });
    await expect
      .poll(async () => seen.add(await searches(counted)) && searchStatus(counted).textContent())
      .toBe('Найден 21 результат');
    const total = 2 * bundleIndexes();
    expect(await searches(counted)).toBe(total);
    expect([...seen].some((count) => count > 0 && count < total)).toBe(true);
    expect(counted.workers().length).toBeGreaterThan(0);
    expect(await late).toBeLessThan(50);
    await counted.context().close();
  });

  it('runs only the query typed last when the earlier ones were still loading their index chunks', async () => {
    // Slow chunks: each letter typed starts a query before the one before it has its chunks.
    const counted = await countingPage(600);
    await counted.goto(`${server.url}search/`);
    await counted.locator('main input[type="search"]').pressSequentially('снегопад', { delay: 80 });
    await expect.poll(() => searchStatus(counted).textContent()).toBe('Найден 21 результат');
    expect(await searches(counted)).toBe(2 * bundleIndexes());
    await counted.context().close();
  });

  it("fetches every bundle's entry and metadata at once, not one bundle after another", async () => {
    const slow = await browser.newContext({ serviceWorkers: 'block' });
    // Slow metadata: opened one bundle after another, the later bundles' would wait for the first's.
    await slow.route('**/*.pf_meta', async (route) => {
      await new Promise((done) => setTimeout(done, 400));
      await route.fallback();
    });
    const asked: string[] = [];
    let answered = 0;
    slow.on('request', (request) => {
      if (request.url().endsWith('.pf_meta') && answered === 0) asked.push(request.url());
    });
    slow.on('requestfinished', (request) => {
      if (request.url().endsWith('.pf_meta')) answered += 1;
    });
    const opened = await slow.newPage();
    await openSearch(opened, server.url, { q: 'снегопад' });
    await expect(searchStatus(opened).textContent()).resolves.toBe('Найден 21 результат');
    // Every language's metadata of every bundle was asked for before the first came back.
    expect(new Set(asked).size).toBe(bundleIndexes());
    await slow.close();
  });

  it('registers the service worker once the search the page was opened for has answered', async () => {
    const visit = await browser.newContext();
    // Slow index chunks: the page has loaded long before its search answers.
    await visit.route('**/index/*.pf_index', async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.fallback();
    });
    await visit.addInitScript(() => {
      const seen = self as unknown as { registered?: number; answered?: number };
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args) => {
        seen.registered ??= performance.now();
        return register(...args);
      };
      new MutationObserver(() => {
        if (document.querySelector('main [role="status"]')?.textContent) seen.answered ??= performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const opened = await visit.newPage();
    await openSearch(opened, server.url, { q: 'снегопад' });
    await waitForServiceWorker(opened);
    const { registered, answered } = await opened.evaluate(() => {
      const seen = self as unknown as { registered: number; answered: number };
      return { registered: seen.registered, answered: seen.answered };
    });
    expect(registered).toBeGreaterThanOrEqual(answered);
    await visit.close();
  });

  it('stops searching the bundles for a query typed over once its searches have begun', async () => {
    // Slow searches, and the reader types on the moment the first query's first search begins.
    const counted = await countingPage(0, 120);
    await counted.goto(`${server.url}search/`);
    await counted.evaluate(() => {
      const page = self as unknown as { onSearch?: (count: number) => void };
      page.onSearch = (count) => {
        if (count !== 1) return;
        const box = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (!box) return;
        box.value = 'снегопад';
        box.dispatchEvent(new Event('input', { bubbles: true }));
      };
    });
    await counted.locator('main input[type="search"]').fill('снег');
    await expect.poll(() => searchStatus(counted).textContent()).toBe('Найден 21 результат');
    // The last query makes two searches per bundle index; the first, run to its end, two more.
    // Stopped, it makes only those of the bundles sent to a worker when the reader typed: two
    // bundles a worker for each language, two searches each.
    const inFlight = 2 * counted.workers().length;
    expect(await searches(counted)).toBeLessThanOrEqual(2 * bundleIndexes() + 2 * inFlight * languages());
    expect(2 * inFlight * languages()).toBeLessThan(2 * bundleIndexes());
    await counted.context().close();
  });

  it('stops reading the fragments of a query typed over, and shows the one typed last', async () => {
    const slow = await browser.newContext({ serviceWorkers: 'block' });
    const typed = await slow.newPage();
    // Slow packs: the first query is still reading its fragments when the reader types on.
    await typed.route('**/*.pf_pack', async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.fallback().catch(() => undefined);
    });
    const stopped: string[] = [];
    typed.on('requestfailed', (request) => {
      if (request.url().endsWith('.pf_pack')) stopped.push(request.failure()?.errorText ?? '');
    });
    await typed.goto(`${server.url}search/`);
    const reading = typed.waitForRequest((request) => request.url().endsWith('.pf_pack'));
    await typed.locator('main input[type="search"]').fill('снег');
    await reading;
    await typed.locator('main input[type="search"]').fill('снегопад');
    await expect
      .poll(() => searchStatus(typed).textContent(), { timeout: 20_000 })
      .toBe('Найден 21 результат');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((error) => error.includes('ERR_ABORTED'))).toBe(true);
    await expect.poll(() => typed.locator('main [data-search-result]').count()).toBeGreaterThan(0);
    await slow.close();
  });

  it('shows every result when the host refuses the ranged reads of the fragment packs', async () => {
    const refusing = await browser.newContext({ serviceWorkers: 'block' });
    const tried = await refusing.newPage();
    await tried.route('**/*.pf_pack', (route) =>
      route.request().headers()['range'] ? route.fulfill({ status: 503 }) : route.fallback(),
    );
    await openSearch(tried, server.url, { q: 'снегопад' });
    await expect(searchStatus(tried).textContent()).resolves.toBe('Найден 21 результат');
    // The first screen's results load at once; a result that cannot be read would be left out.
    await expect.poll(() => tried.locator('main [data-search-result]').count()).toBeGreaterThanOrEqual(3);
    await expect(tried.locator('main .results > li').count()).resolves.toBe(10);
    await refusing.close();
  });

  it('finds documents of every bundle that holds a match, and none that only a shorter word matched', async () => {
    await search({ q: 'снегопад' });
    await expect(status().textContent()).resolves.toBe('Найден 21 результат');
    await showAll(21);
    const urls = await results().evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(new Set(urls).size).toBe(21);
    expect(urls.every((url) => url.startsWith('/doc/snowfall-'))).toBe(true);
    const held = new Set(urls.map((url) => bundleOf.get(url)));
    expect(held.has(undefined)).toBe(false);
    expect(held.size).toBeGreaterThan(2);
    // Bundles without snowfall, where Pagefind answers with shorter words, exist and were left out.
    expect(list.bundles.length).toBeGreaterThan(held.size);
    await expect(page.locator('main .excerpt mark').first().textContent()).resolves.toMatch(/^снегопад/iu);
  });

  it('adds up filter counts across bundles and applies filters to every bundle', async () => {
    await search({ q: 'снегопад' });
    const year = await filterGroup(page, 'Год');
    const counts = (await year.locator('.count').allTextContents()).map(Number);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(21);
    await expect(valueCount(year, '2023')).resolves.toBe('14');
    await expect(filterLegends(page)).resolves.toEqual(['Год', 'Место', 'Автор']);
    await year.getByLabel('2021').check();
    await expect.poll(() => status().textContent()).toBe('Найдено 5 результатов');
    await search({ q: 'Dmitriev' });
    await expect(filterLabels(page, 'Язык')).resolves.toEqual([' Английский 1', ' Русский 1']);
  });

  it('orders results by date across bundles, newest or oldest first', async () => {
    await search({ q: 'снегопад', sort: 'newest' });
    await showAll(21);
    const newest = await dates();
    expect(newest).toHaveLength(21);
    expect(newest).toEqual([...newest].sort().reverse());
    await search({ q: 'снегопад', sort: 'oldest' });
    await loadAllResults(page);
    const oldest = await dates();
    expect(oldest).toHaveLength(10);
    expect(oldest).toEqual([...newest].reverse().slice(0, 10));
    expect(oldest[0]).toBe('2021-02-02');
  });

  it('searches every bundle offline once the service worker has installed', async () => {
    await page.goto(`${server.url}search/`);
    await waitForServiceWorker(page);
    await setNetwork(context, server, false);
    const before = server.requests.length;
    try {
      await search({ q: 'снегопад', sort: 'oldest' });
      await expect(status().textContent()).resolves.toBe('Найден 21 результат');
      await loadAllResults(page);
      await expect(dates()).resolves.toHaveLength(10);
      expect(server.requests.length).toBe(before);
    } finally {
      await setNetwork(context, server, true);
    }
  });

  it('re-indexes only the tail when the newest document is added, and copies every other bundle byte for byte', () => {
    const before = readReport();
    // The newest document, with an id that ends no level-1 run, so it joins the tail.
    const id = ['late-news-1', 'late-news-2', 'late-news-3', 'late-news-4'].find(
      (name) => idHash(name) % spacingFor(Number(BUNDLE_SIZE)).tail !== 0,
    );
    expect(id).toBeDefined();
    const closed = before.bundles.slice(0, -1).map(({ folder }) => folder);
    const bytes = new Map(closed.map((folder) => [folder, files(join(site.outDir, folder))]));
    writeFileSync(join(seeds, `${id}.txt`), ' date 2026-01-15 Поздняя новость\n\nТекст поздней новости.\n');
    const rebuilt = build('keep');
    const after = readReport();
    expect(after.indexed).toEqual(['pagefind/']);
    expect(after.reused).toEqual(closed);
    for (const folder of closed) expect(files(join(rebuilt.outDir, folder))).toEqual(bytes.get(folder));
    const grown = JSON.parse(
      readFileSync(join(rebuilt.outDir, 'pagefind/bundles.json'), 'utf8'),
    ) as BundleList;
    expect(grown.bundles.at(-1)?.last).toBe('2026-01-15');
  });
});
