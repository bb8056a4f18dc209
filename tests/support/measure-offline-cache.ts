// Measures what offline reading stores in Chromium for a built site:
// `node tests/support/measure-offline-cache.ts <dist> [--save]` prints cache entries and bytes after the
// service worker installs and, with --save, after "save the whole archive" finishes.
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { waitForServiceWorker } from './offline-browser.ts';
import { serveOffline } from './offline-server.ts';

async function usage(page: Page): Promise<{ entries: number; bytes: number }> {
  return page.evaluate(async () => {
    let entries = 0;
    let bytes = 0;
    for (const key of await caches.keys()) {
      for (const request of await (await caches.open(key)).keys()) {
        const response = await (await caches.open(key)).match(request);
        entries += 1;
        bytes += response ? (await response.arrayBuffer()).byteLength : 0;
      }
    }
    return { entries, bytes };
  });
}

const [directory, flag] = process.argv.slice(2);
if (!directory) throw new Error('usage: measure-offline-cache.ts <dist> [--save]');
const server = await serveOffline(directory);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
  const installed = await usage(page);
  console.log(`installed: ${installed.entries} entries, ${mb(installed.bytes)} stored`);
  if (flag === '--save') {
    await page.goto(`${server.url}offline/`);
    const saver = page.locator('archive-saver');
    await page
      .locator('archive-saver:is([data-state="idle"], [data-state="saved"])')
      .waitFor({ timeout: 120_000 });
    const started = performance.now();
    if ((await saver.getAttribute('data-state')) === 'idle') {
      await page.getByRole('button', { name: 'Сохранить весь архив' }).click();
      await page.locator('archive-saver[data-state="saved"]').waitFor({ timeout: 1_800_000 });
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const saved = await usage(page);
    console.log(`saved: ${saved.entries} entries, ${mb(saved.bytes)} stored, ${seconds} s`);
  }
} finally {
  await browser.close();
  await server.close();
}
