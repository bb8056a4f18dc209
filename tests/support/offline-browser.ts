import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { launchBrowser } from './browser.ts';
import { serveOffline, type OfflineServer } from './offline-server.ts';

/** Waits until the page is controlled by the site's service worker, which has then precached the shell. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** Cuts the network both ways: the browser reports offline and the server drops every request. */
export async function setNetwork(
  context: BrowserContext,
  server: OfflineServer,
  online: boolean,
): Promise<void> {
  server.setAvailable(online);
  await context.setOffline(!online);
}

/** Search result links, whichever search UI the site uses. */
export const searchResults = '[data-search-result], pagefind-results a';

/** Number of entries in every cache whose name contains `part`. */
export async function cacheEntries(page: Page, part: string): Promise<number> {
  return page.evaluate(async (name) => {
    let count = 0;
    for (const key of await caches.keys()) {
      if (key.includes(name)) count += (await (await caches.open(key)).keys()).length;
    }
    return count;
  }, part);
}

/** A browser with a real profile: installability is never reported for incognito contexts. */
export async function launchProfile(): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'archive-profile-')), {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A built site served over HTTP and open in a fresh browser whose page the service worker controls. */
export interface OpenedOfflineSite {
  server: OfflineServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** Serves `outDir` (each answer `delayMs` late) and opens it until the service worker takes over. */
export async function openOfflineSite(outDir: string, delayMs = 0): Promise<OpenedOfflineSite> {
  const server = await serveOffline(outDir, '/', delayMs);
  const browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  return { server, browser, context, page };
}
