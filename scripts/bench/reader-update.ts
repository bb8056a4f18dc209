// A reader with the whole archive saved, in Chromium with the site's real service worker, and what
// that reader downloads when a new build is deployed (counted at the server).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { findChromium } from '../find-chromium.mjs';
import { kindOf, type BuiltEntry, type KindFigures } from './deploy-delta.ts';

/** What the reader downloaded for one deploy. */
export interface ReaderFigures {
  requests: number;
  bytes: number;
  gzipBytes: number;
  seconds: number;
  byKind: Record<string, KindFigures>;
}

/** A browser holding a saved archive, and the server it reads from. */
export interface SavedReader {
  mode: string;
  /** Time to install the worker and save the archive, and the requests that took. */
  saved: { seconds: number; requests: number };
  /** Serves another build from now on and measures the reader's update to it. */
  update(files: ReadonlyMap<string, BuiltEntry>, build: string): Promise<ReaderFigures>;
  close(): Promise<void>;
}

const servedPath = (url: string): string => {
  const path = decodeURIComponent((url.split('?')[0] ?? '/').slice(1));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

async function buildServed(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    if (navigator.serviceWorker.controller?.state !== 'activated') return null;
    const response = await fetch('/offline/build.json').catch(() => null);
    return response?.ok ? ((await response.json()) as { build: string }).build : null;
  });
}

/** Opens the site in Chromium, lets the worker install, and saves the whole archive when it is over the budget. */
export async function saveWholeArchive(directory: string): Promise<SavedReader> {
  const handler = sirv(directory, { dev: true, etag: true });
  let requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(servedPath(request.url ?? '/'));
    handler(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
  const browser: Browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const started = performance.now();
  const page = await browser.newPage();
  await page.goto(`${origin}/offline/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 1_800_000 });
  const saver = page.locator('archive-saver');
  await page.locator('archive-saver:is([data-state="idle"], [data-state="saved"])').waitFor({ timeout: 300_000 });
  const mode = (await saver.getAttribute('data-mode')) ?? 'unknown';
  if ((await saver.getAttribute('data-state')) === 'idle') {
    await page.getByRole('button', { name: 'Сохранить весь архив' }).click();
    await page.locator('archive-saver[data-state="saved"]').waitFor({ timeout: 3_600_000 });
  }
  const saved = { seconds: Math.round((performance.now() - started) / 100) / 10, requests: requests.length };
  return {
    mode,
    saved,
    async update(files, build) {
      requests = [];
      const begun = performance.now();
      // The browser looks for a new worker at the reader's next visit; the update itself is the same.
      // The page waits without fetching: a fetch every few milliseconds keeps the old worker busy,
      // and a waiting worker takes over only once the old one has no request in flight.
      for (let tries = 0; ; tries += 1) {
        if (tries > 7200) throw new Error(`the reader's worker never took over build ${build}`);
        const pending = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return Boolean(registration?.installing || registration?.waiting);
        });
        if (!pending && tries % 8 === 0 && (await buildServed(page)) === build) break;
        if (!pending && tries % 20 === 0) {
          await page.evaluate(async () => {
            const registration = await navigator.serviceWorker.ready;
            await registration.update().catch(() => undefined);
          });
        }
        await new Promise((done) => setTimeout(done, 250));
      }
      const figures: ReaderFigures = { requests: requests.length, bytes: 0, gzipBytes: 0, seconds: 0, byKind: {} };
      figures.seconds = Math.round((performance.now() - begun) / 100) / 10;
      for (const path of requests) {
        const entry = files.get(path);
        if (!entry) continue;
        figures.bytes += entry.bytes;
        figures.gzipBytes += entry.gzipBytes;
        const kind = (figures.byKind[kindOf(path)] ??= { files: 0, bytes: 0, gzipBytes: 0 });
        kind.files += 1;
        kind.bytes += entry.bytes;
        kind.gzipBytes += entry.gzipBytes;
      }
      return figures;
    },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
