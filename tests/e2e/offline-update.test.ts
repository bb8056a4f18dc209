import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineCaches, refreshPendingKey } from '../../src/lib/offline/caches.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { cacheEntries, openOfflineSite, searchResults, setNetwork } from '../support/offline-browser.ts';
import {
  buildOf,
  controllingBuild,
  holdBackDeploy,
  takeDeploy,
  waitForBuild,
  type HeldDeploy,
} from '../support/offline-deploy.ts';
import type { OfflineServer } from '../support/offline-server.ts';

const root = resolve('tests/.output/offline-update');
const seeds = join(root, 'seeds');
const previous = join(root, 'previous');
// Below the shell with the search index: pages and the index are cached as read or saved.
const env = { OFFLINE_BUDGET_MB: '0.05' };
// Two documents the deploy retitles: the host refuses the first while the reader's worker updates, and a
// cache in front of it serves the second from the previous build.
const refused = {
  file: 'hard-wraps.txt',
  url: '/doc/hard-wraps/',
  before: 'Жёсткий гололёд',
  after: 'Гололёд отступил',
};
const stale = {
  file: 'header-tabs.txt',
  url: '/doc/header-tabs/',
  before: '',
  after: 'Табуляция исправлена',
};
// A document the next deploy retitles: the host takes the request for its page and never answers.
const stalled = {
  file: 'kremlin-negotiations.txt',
  url: '/doc/kremlin-negotiations/',
  before: 'В Кремле рассказали',
  after: 'Переговоры продолжатся в январе',
};
const added = {
  file: 'meteorite.txt',
  title: 'Над Челябинском пролетел метеорит',
  text: ' date 2026-01-15 Над Челябинском пролетел метеорит\n\nЯркий метеорит видели жители трёх областей.\n\nЧелябинск, Анна Смирнова\n',
};
let browser: Browser;
let context: BrowserContext;
let server: OfflineServer;
let page: Page;
let searchTab: Page;
let outDir: string;
let deploy: HeldDeploy;

// The revision a build lists for a page.
function revisionOf(directory: string, url: string): string {
  const facts = JSON.parse(readFileSync(join(directory, 'offline/build.json'), 'utf8')) as {
    revisionLists: string[];
  };
  const pages = facts.revisionLists.flatMap(
    (list) => JSON.parse(readFileSync(join(directory, list), 'utf8')) as [string, string][],
  );
  const found = pages.find(([page]) => page === url);
  if (!found) throw new Error(`${url} is not listed`);
  return found[1];
}

// The revisions of a page the pages cache holds.
function heldRevisions(url: string): Promise<string[]> {
  return page.evaluate(async (path) => {
    const cache = await caches.open('archive:/:pages');
    return (await cache.keys(path, { ignoreSearch: true })).map(
      (key) => new URL(key.url).searchParams.get('archive-revision') ?? '',
    );
  }, url);
}

// Whether a new worker is installing or waiting, read from the registration only (no request reaches a worker).
function installing(): Promise<boolean> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.installing !== null || registration.waiting !== null;
  });
}

// Reads a page with the network cut, and gives its headline (no-break spaces as spaces).
async function headlineOffline(url: string): Promise<string> {
  await setNetwork(context, server, false);
  try {
    await page.goto(`${server.url}${url.slice(1)}`);
    return ((await page.locator('h1').textContent()) ?? '').replace(/\s/gu, ' ');
  } finally {
    await setNetwork(context, server, true);
  }
}

// Runs `action` with the site's storage quota set to `quotaSize` (the override ends with its session).
async function withQuota(quotaSize: number, action: () => Promise<void>): Promise<void> {
  const session = await context.newCDPSession(page);
  await session.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize });
  try {
    await action();
  } finally {
    await session.send('Storage.overrideQuotaForOrigin', { origin: server.origin });
    await session.detach();
  }
}

const usage = (): Promise<number> =>
  page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

// The retitled seed: its first line is the header (date and headline).
function retitle(file: string, headline: string): void {
  const path = join(seeds, file);
  const [header = '', ...rest] = readFileSync(path, 'utf8').split('\n');
  const date = /\d{4}-\d{2}-\d{2}/u.exec(header)?.[0] ?? '2024-01-01';
  writeFileSync(path, [` date ${date} ${headline}`, ...rest].join('\n'));
}

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  cpSync('tests/fixtures/seeds', seeds, { recursive: true });
  const site = buildFixtureSite('offline-update', seeds, env);
  if (site.status !== 0) throw new Error(site.output);
  outDir = site.outDir;
  stale.before =
    /<h1[^>]*>([^<]+)/u.exec(readFileSync(join(outDir, 'doc/header-tabs/index.html'), 'utf8'))?.[1] ?? '';
  ({ server, browser, context, page } = await openOfflineSite(outDir));
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('storage that runs out', () => {
  it('never breaks a page the network gives when its copy cannot be stored', async () => {
    await withQuota(await usage(), async () => {
      await page.goto(`${server.url}doc/kremlin-negotiations/`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Кремле');
      expect(await cacheEntries(page, ':pages')).toBe(0);
    });
  });

  it('asks to keep the archive, and says how much room saving needs and how much is free instead of starting', async () => {
    await page.goto(`${server.url}offline/`);
    await page.locator('archive-saver[data-state="idle"]').waitFor();
    const quota = (await usage()) + 2_000;
    // Chromium's estimate does not show a quota set through the protocol: the page is told the same quota.
    await page.evaluate((size) => {
      const { storage } = navigator;
      const ask = storage.persist.bind(storage);
      const estimate = storage.estimate.bind(storage);
      storage.persist = () => {
        document.documentElement.dataset['persistAsked'] = 'true';
        return ask();
      };
      storage.estimate = async () => ({ ...(await estimate()), quota: size });
    }, quota);
    const saved = await cacheEntries(page, ':pages');
    await withQuota(quota, async () => {
      await page.getByRole('button', { name: 'Сохранить весь архив' }).click();
      await page.locator('[data-text="error"]', { hasText: 'Не хватает места' }).waitFor();
      await expect(page.locator('[data-text="error"]').textContent()).resolves.toMatch(
        /^Не хватает места: сохранённый архив займёт около \d+,\d МБ, а свободно 0,0 МБ\./u,
      );
      await page.locator('archive-saver[data-state="idle"]').waitFor();
      expect(await cacheEntries(page, ':pages')).toBe(saved);
      expect(await page.evaluate(() => document.documentElement.dataset['persistAsked'])).toBe('true');
    });
  });
});

describe('an update of a saved archive', () => {
  it('saves the whole archive, and a search tab stays open on the previous index', async () => {
    await page.reload();
    const saver = page.locator('archive-saver[data-state="idle"], archive-saver[data-state="saved"]');
    if ((await saver.getAttribute('data-state')) === 'idle')
      await page.getByRole('button', { name: 'Сохранить весь архив' }).click();
    await page.locator('archive-saver[data-state="saved"]').waitFor({ timeout: 60_000 });
    searchTab = await context.newPage();
    await searchTab.goto(`${server.url}search/?q=${encodeURIComponent('Кремле')}`);
    await searchTab.locator(searchResults).first().waitFor();

    cpSync(outDir, previous, { recursive: true });
    deploy = holdBackDeploy(server, outDir, () => {
      retitle(refused.file, refused.after);
      retitle(stale.file, stale.after);
      writeFileSync(join(seeds, added.file), added.text);
      const site = buildFixtureSite('offline-update', seeds, env);
      if (site.status !== 0) throw new Error(site.output);
    });
    expect(deploy.changed).toContain('doc/hard-wraps/index.html');
    expect(deploy.changed).toContain('doc/header-tabs/index.html');
    server.fail(new RegExp(`^${refused.url}`, 'u'));
    server.serveStale(new RegExp(`^${stale.url}`, 'u'), previous);
    await takeDeploy(page, server, outDir, deploy, 90_000);
  }, 150_000);

  it('lets an open search tab find a new document from its next query', async () => {
    await waitForBuild(searchTab, '/', buildOf(outDir));
    await searchTab.locator('search-app input[type="search"]').fill('метеорит');
    await searchTab.locator(searchResults, { hasText: added.title }).first().waitFor();
  });

  it('keeps the older copy of a page the host refused or served stale, and reads it without a network', async () => {
    for (const { url } of [refused, stale])
      expect(await heldRevisions(url)).not.toContain(revisionOf(outDir, url));
    await setNetwork(context, server, false);
    try {
      for (const { url, before } of [refused, stale]) {
        await page.goto(`${server.url}${url.slice(1)}`);
        await expect(page.locator('h1').textContent()).resolves.toContain(before);
      }
    } finally {
      await setNetwork(context, server, true);
    }
  });

  it('fetches them again once the host serves them, then drops the older copies', async () => {
    server.fail(null);
    server.serveStale(null);
    // A page opened while the host still failed may have retried already, and a failed retry waits
    // five minutes before the next: each look lets that time have passed and asks, as a page does.
    const retryNow = (): Promise<void> =>
      page.evaluate(
        async ({ cache, key }) => {
          const state = await caches.open(cache);
          const mark = await state.match(key);
          if (mark)
            await state.put(key, Response.json({ build: ((await mark.json()) as { build: string }).build }));
          navigator.serviceWorker.controller?.postMessage({ type: 'archive-retry' });
        },
        { cache: offlineCaches('/').state, key: refreshPendingKey('/') },
      );
    await page.goto(server.url);
    for (const { url } of [refused, stale]) {
      await expect
        .poll(async () => (await retryNow(), heldRevisions(url)), { timeout: 30_000, interval: 1000 })
        .toEqual([revisionOf(outDir, url)]);
    }
    await setNetwork(context, server, false);
    try {
      for (const { url, after } of [refused, stale]) {
        await page.goto(`${server.url}${url.slice(1)}`);
        await expect(page.locator('h1').textContent()).resolves.toContain(after);
      }
    } finally {
      await setNetwork(context, server, true);
    }
  });
});

describe('an update that a host leaves without an answer', () => {
  it('gives up on the file: the previous worker stays in control and the saved copy reads as before', async () => {
    const previousBuild = buildOf(outDir);
    deploy = holdBackDeploy(server, outDir, () => {
      retitle(stalled.file, stalled.after);
      const site = buildFixtureSite('offline-update', seeds, env);
      if (site.status !== 0) throw new Error(site.output);
    });
    expect(deploy.changed).toContain('doc/kremlin-negotiations/index.html');
    server.stall(new RegExp(`^${stalled.url}`, 'u'));
    server.refuse(null);
    const mark = server.requests.length;
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect.poll(() => server.requests.slice(mark), { timeout: 30_000 }).toContain(stalled.url);
    await expect.poll(installing, { timeout: 150_000, interval: 1_000 }).toBe(false);
    expect(await controllingBuild(page, '/')).toBe(previousBuild);
    await expect(headlineOffline(stalled.url)).resolves.toContain(stalled.before);
  }, 200_000);

  it('completes the update once the host answers again', async () => {
    server.stall(null);
    await waitForBuild(page, '/', buildOf(outDir), 90_000);
    await expect
      .poll(() => heldRevisions(stalled.url), { timeout: 30_000 })
      .toContain(revisionOf(outDir, stalled.url));
    await expect(headlineOffline(stalled.url)).resolves.toContain(stalled.after);
  }, 120_000);
});
