import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  filterLabels,
  loadAllResults,
  openSearch,
  searchResults,
  searchStatus,
} from '../support/search-page.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { setNetwork, waitForServiceWorker } from '../support/offline-browser.ts';
import { serveOffline, type OfflineServer } from '../support/offline-server.ts';

// The search fixture (25 documents, 21 about snowfall) indexed at most four documents to a bundle:
// the same answers as one bundle (tests/e2e/search.test.ts), now merged from seven. The first
// shard holds the four documents without snowfall, where Pagefind falls back to shorter words.
let server: OfflineServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Page URL → number of the shard bundle that indexed it. */
const shardOf = new Map<string, number>();
let bundles: string[];
const phasesFile = resolve('tests/.output/search-shards/phases.json');
let phases: { name: string; start: number; end: number }[];

beforeAll(async () => {
  const site = buildFixtureSite('search-shards', 'tests/fixtures/search-seeds', {
    SEARCH_SHARD_SIZE: '4',
    BUILD_PHASES_FILE: phasesFile,
  });
  if (site.status !== 0) throw new Error(`sharded search fixture build failed:\n${site.output}`);
  phases = JSON.parse(readFileSync(phasesFile, 'utf8')) as typeof phases;
  bundles = [
    '/pagefind/',
    ...(JSON.parse(readFileSync(join(site.outDir, 'pagefind/shards.json'), 'utf8')) as string[]),
  ];
  bundles.forEach((bundle, shard) => {
    const folder = join(site.outDir, bundle, 'fragment');
    if (!existsSync(folder)) throw new Error(`${bundle} indexed nothing`);
    for (const name of readdirSync(folder)) {
      const text = gunzipSync(readFileSync(join(folder, name)))
        .toString('utf8')
        .replace(/^pagefind_dcd/u, '');
      shardOf.set((JSON.parse(text) as { url: string }).url, shard);
    }
  });
  server = await serveOffline(site.outDir);
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});

afterAll(async () => {
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

describe('searching an archive indexed in shards', () => {
  it('indexes the shards while the pages render, not after', () => {
    const phase = (name: string) => {
      const found = phases.find((entry) => entry.name === name);
      if (!found) throw new Error(`no ${name} phase in ${JSON.stringify(phases)}`);
      return found;
    };
    const render = phase('render');
    const parallel = phase('search (parallel)');
    expect(parallel.start).toBeGreaterThanOrEqual(render.start);
    expect(parallel.start).toBeLessThan(render.end);
    expect(phase('search').end).toBeLessThanOrEqual(phase('total').end);
  });

  it('builds several bundles and finds documents of every shard that holds a match', async () => {
    expect(bundles).toHaveLength(7);
    await search({ q: 'снегопад' });
    await expect(status().textContent()).resolves.toBe('Найден 21 результат');
    await showAll(21);
    const urls = await results().evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(new Set(urls).size).toBe(21);
    // Found by the one-letter word «с» in the shard without snowfall, were that shard kept.
    expect(urls.filter((url) => shardOf.get(url) === 0)).toEqual([]);
    const shards = new Set(urls.map((url) => shardOf.get(url)));
    expect(shards.has(undefined)).toBe(false);
    expect(shards.size).toBeGreaterThan(2);
    await expect(page.locator('main .excerpt mark').first().textContent()).resolves.toMatch(/^снегопад/iu);
  });

  it('adds up filter counts across shards and applies filters to every shard', async () => {
    await search({ q: 'снегопад' });
    await page.locator('main summary').click();
    const year = page.locator('main fieldset', { hasText: 'Год' });
    await year.waitFor();
    const counts = (await year.locator('.count').allTextContents()).map(Number);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(21);
    await expect(year.locator('label', { hasText: '2023' }).locator('.count').textContent()).resolves.toBe(
      '14',
    );
    await expect(page.locator('main fieldset legend').allTextContents()).resolves.toEqual([
      'Год',
      'Место',
      'Автор',
    ]);
    await year.getByLabel('2021').check();
    await expect.poll(() => status().textContent()).toBe('Найдено 5 результатов');
    await search({ q: 'Dmitriev' });
    await expect(filterLabels(page, 'Язык')).resolves.toEqual([' Английский 1', ' Русский 1']);
  });

  it('orders results by date across shards, newest or oldest first', async () => {
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

  it('searches every shard offline once the service worker has installed', async () => {
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
});
