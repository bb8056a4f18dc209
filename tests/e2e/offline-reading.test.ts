import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import {
  launchProfile,
  searchResults,
  setNetwork,
  waitForServiceWorker,
} from '../support/offline-browser.ts';
import { serveOffline, type OfflineServer } from '../support/offline-server.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

// Open a page online, lose the network, then reload it, open a page never visited, and search.
async function readOffline(context: BrowserContext, server: OfflineServer): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}doc/hard-wraps/`);
  await waitForServiceWorker(page);
  await setNetwork(context, server, false);
  const before = server.requests.length;

  await page.reload();
  await expect(page.locator('h1').textContent()).resolves.toMatch(/гололёд/iu);
  await page.locator('offline-status[data-network="offline"]').waitFor({ state: 'attached' });

  await page.goto(`${server.url}doc/kremlin-negotiations/`);
  await expect(page.locator('h1').textContent()).resolves.toMatch(/В\sКремле рассказали/u);

  // A typo is corrected from the saved vocabulary and index: «Кермле» searches «Кремле».
  await page.goto(`${server.url}search/?q=${encodeURIComponent('Кермле')}`);
  await page.locator(searchResults, { hasText: 'В Кремле рассказали' }).first().waitFor();
  await expect(page.locator('search-app .suggestion').textContent()).resolves.toContain(
    'по запросу «Кремле»',
  );

  await page.goto(`${server.url}search/?q=${encodeURIComponent('кремль')}`);
  const result = page.locator(searchResults, { hasText: 'В Кремле рассказали' }).first();
  await result.waitFor();
  await result.click();
  await page.waitForURL(/\/doc\/kremlin-negotiations\/(?:\?highlight=.*)?$/u);
  await expect(page.locator('h1').textContent()).resolves.toMatch(/В\sКремле рассказали/u);
  expect(server.requests.length).toBe(before);
  return page;
}

describe('reading offline at the root of a site', () => {
  let server: OfflineServer;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await serveOffline(inject('siteDir'));
    context = await browser.newContext();
  });

  afterAll(async () => {
    await context.close();
    await server.close();
  });

  it('reloads a page, opens one never visited and finds a document by search, all without a network', async () => {
    const page = await readOffline(context, server);
    await page.locator('offline-status[data-saved="true"]').waitFor({ state: 'attached' });
  });

  it('answers a page that does not exist with the offline page, which lists what can be read', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}doc/never-published/`);
    await page.locator('[data-offline-missing]').waitFor();
    await page.locator('offline-library li a', { hasText: 'В Кремле рассказали' }).waitFor();
  });
});

describe('a site deployed under /archive/', () => {
  const seeds = resolve('tests/.output/offline-subpath-seeds');
  const env = { BASE_PATH: '/archive/' };
  let outDir: string;
  let server: OfflineServer;
  let context: BrowserContext;

  beforeAll(async () => {
    rmSync(seeds, { recursive: true, force: true });
    cpSync('tests/fixtures/seeds', seeds, { recursive: true });
    const site = buildFixtureSite('offline-subpath', seeds, env);
    if (site.status !== 0) throw new Error(site.output);
    outDir = site.outDir;
    server = await serveOffline(outDir, '/archive/');
    context = await browser.newContext();
  });

  afterEach(async () => {
    await setNetwork(context, server, true);
  });

  afterAll(async () => {
    await context.close();
    await server.close();
  });

  it('scopes the service worker to the sub-path and works offline there', async () => {
    const page = await readOffline(context, server);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(server.url);
  });

  it('passes the browser installability checks with its manifest and icons', async () => {
    const profile = await launchProfile();
    const page = await profile.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    const session = await profile.newCDPSession(page);
    const manifest = (await session.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = (await session.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    await profile.close();
    expect(installabilityErrors).toEqual([]);
  });
});
