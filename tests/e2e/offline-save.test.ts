import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { packedFragments } from '../support/fragment-packs.ts';
import { generateSeeds } from '../support/generate-seeds.ts';
import { cacheEntries, openOfflineSite, searchResults, setNetwork } from '../support/offline-browser.ts';
import { controllingBuild, holdBackDeploy, takeDeploy, type HeldDeploy } from '../support/offline-deploy.ts';
import type { OfflineServer } from '../support/offline-server.ts';

const documents = 300;
const seeds = resolve('tests/.output/offline-large-seeds');
// Below the shell with the search index: pages and the index are cached as read or saved.
const env = { OFFLINE_BUDGET_MB: '0.05' };
let browser: Browser;
let server: OfflineServer;
let context: BrowserContext;
let page: Page;
let searchFiles: string[];
let outDir: string;
let deploy: HeldDeploy;

// The search files a build saves with the archive (fragments, and index files left out of its shell).
function searchFilesOf(directory: string): string[] {
  const facts = JSON.parse(readFileSync(join(directory, 'offline/build.json'), 'utf8')) as {
    searchLists: string[];
  };
  return facts.searchLists.flatMap((list) =>
    (JSON.parse(readFileSync(join(directory, list), 'utf8')) as { url: string }[]).map((file) => file.url),
  );
}

// The number of pages a build lists for offline reading.
function pageCountOf(directory: string): number {
  return (JSON.parse(readFileSync(join(directory, 'offline/build.json'), 'utf8')) as { pageCount: number })
    .pageCount;
}

beforeAll(async () => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, documents);
  // A budget below the archive's size: pages are cached as read or saved, not precached.
  const site = buildFixtureSite('offline-large', seeds, env);
  if (site.status !== 0) throw new Error(site.output);
  outDir = site.outDir;
  searchFiles = searchFilesOf(outDir);
  // Slow answers keep the save running long enough to lose the network in the middle of it.
  ({ server, browser, context, page } = await openOfflineSite(site.outDir, 10));
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

async function saverNumber(name: 'done' | 'total'): Promise<number> {
  return Number(await page.locator('archive-saver').getAttribute(`data-${name}`));
}

describe('saving a whole archive that is over the precache budget', () => {
  it('leaves the search index out of the first download, and says so when offline search needs it', async () => {
    expect(searchFiles.filter((url) => url.includes('/index/')).length).toBeGreaterThan(0);
    const worker = readFileSync(resolve(outDir, 'sw.js'), 'utf8');
    expect(worker).not.toContain('pagefind/index/');
    await setNetwork(context, server, false);
    try {
      await page.goto(`${server.url}search/?q=${encodeURIComponent('Материал')}`);
      await page
        .locator('main [role="status"]', { hasText: /Ничего не найдено\. .*сохраните его/u })
        .waitFor();
    } finally {
      await setNetwork(context, server, true);
      await page.goto(server.url);
    }
  });

  it('marks links to documents that are not saved while offline', async () => {
    await setNetwork(context, server, false);
    await page.reload();
    await page.locator('main a[data-offline-unavailable][href*="/doc/"]').first().waitFor();
    await setNetwork(context, server, true);
    await page.reload();
    await page.locator('offline-status[data-network="online"]').waitFor({ state: 'attached' });
    expect(await page.locator('a[data-offline-unavailable]').count()).toBe(0);
  });

  it('estimates the size, saves every page with progress, and pauses while the network is gone', async () => {
    await page.goto(`${server.url}offline/`);
    await page.locator('archive-saver[data-state="idle"]').waitFor();
    const total = await saverNumber('total');
    expect(total).toBeGreaterThanOrEqual(documents);
    await expect(page.locator('[data-text="estimate"]').textContent()).resolves.toMatch(
      new RegExp(`Осталось сохранить \\d+ из ${total} страниц, около [\\d,]+ МБ`, 'u'),
    );

    await page.getByRole('button', { name: 'Сохранить весь архив' }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('archive-saver')?.getAttribute('data-done')) >= 40,
    );
    await setNetwork(context, server, false);
    await page.locator('archive-saver[data-state="paused"]').waitFor();
    const pausedAt = await saverNumber('done');
    expect(pausedAt).toBeLessThan(total);
    await expect(page.locator('[data-text="progress"]').textContent()).resolves.toMatch(
      /Сохранено \d+ из \d+ страниц · [\d,]+ МБ из [\d,]+ МБ/u,
    );

    await setNetwork(context, server, true);
    await page
      .locator('archive-saver[data-state="saved"]')
      .waitFor({ timeout: 150_000 })
      .catch(async (error: unknown) => {
        const saver = page.locator('archive-saver');
        const state = await saver.evaluate((element) =>
          JSON.stringify({ ...(element as HTMLElement).dataset }),
        );
        throw new Error(`${String(error)}\nsaver ${state}: ${await saver.innerText()}`);
      });
    expect(await saverNumber('done')).toBe(total);
    expect(await cacheEntries(page, ':pages')).toBe(total);
    // The search index and the pages' fragments are saved with the pages, the index first.
    expect(searchFiles.filter((url) => url.includes('/fragment/')).length).toBe(
      packedFragments(outDir).reduce((packs, { pack }) => packs.add(pack), new Set<string>()).size,
    );
    expect(await cacheEntries(page, ':search')).toBe(searchFiles.length);
    await page.locator('offline-status[data-saved="true"]').waitFor({ state: 'attached' });
    // Saving hundreds of pages on a shared, busy machine can take longer than a single page test.
  }, 180_000);

  it('opens any saved document and finds it by search without a network', async () => {
    await setNetwork(context, server, false);
    await page.goto(`${server.url}doc/generated-00250/`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Материал 251/u);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('Материал 251')}`);
    const result = page
      .locator('[data-search-result], pagefind-results a', { hasText: 'Материал 251:' })
      .first();
    await result.click();
    await page.waitForURL(/\/doc\/generated-00250\/(?:\?highlight=.*)?$/u);
    await setNetwork(context, server, true);
  });

  it('shows a document of a newer deploy without keeping it, and search finds it, while the previous worker serves', async () => {
    deploy = holdBackDeploy(server, outDir, () => {
      // Dated after every other document, with a word no other has.
      writeFileSync(
        join(seeds, 'generated-00300.txt'),
        ' date 2021-01-15 Над Челябинском пролетел метеорит\n\nЯркий метеорит видели жители трёх областей.\n\nЧелябинск, Анна Волкова\n',
      );
      const site = buildFixtureSite('offline-large', seeds, env);
      if (site.status !== 0) throw new Error(site.output);
    });
    const saved = await cacheEntries(page, ':pages');

    await page.goto(`${server.url}doc/generated-00300/`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/метеорит/u);
    expect(await cacheEntries(page, ':pages')).toBe(saved);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('метеорит')}`);
    await page.locator(searchResults, { hasText: 'Над Челябинском' }).first().waitFor();
    expect(await controllingBuild(page, '/')).toBe(deploy.previous);
    // The step builds the 300-document site again: on a busy machine as long as the first build, which
    // has the hooks' 120 s.
  }, 120_000);

  it('takes over after fetching only what the deploy changed, with progress, keeping the rest of the saved archive', async () => {
    await page.goto(`${server.url}offline/`);
    await page.locator('archive-saver[data-state="saved"]').waitFor();
    // Every text the save control shows while the new build's worker refreshes the archive.
    await page.evaluate(() => {
      const progress = document.querySelector('archive-saver [data-text="progress"]');
      const texts: string[] = [];
      Object.assign(window, { progressTexts: texts });
      if (progress) {
        new MutationObserver(() => texts.push(progress.textContent ?? '')).observe(progress, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }
    });
    const fetched = await takeDeploy(page, server, outDir, deploy, 120_000);
    expect(fetched).toContain('doc/generated-00300/index.html');
    expect(await cacheEntries(page, ':pages')).toBe(pageCountOf(outDir));
    const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
    expect(texts.some((text) => /^Обновляется сохранённый архив: \d+ из \d+ · /u.test(text))).toBe(true);
    await page.locator('archive-saver[data-state="saved"]').waitFor();
    await expect(page.locator('[data-text="estimate"]').textContent()).resolves.toBe(
      `Сохранены все ${pageCountOf(outDir)} страниц архива.`,
    );
    await page.locator('offline-status[data-saved="true"]').waitFor({ state: 'attached' });
    // The worker refreshes and checks every changed page and pack: as long as the save above, at worst.
  }, 180_000);

  it('reads the new document, the unchanged ones and search without a network after the update', async () => {
    await setNetwork(context, server, false);
    const before = server.requests.length;
    await page.goto(`${server.url}doc/generated-00010/`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Материал 11/u);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('метеорит')}`);
    await page.locator(searchResults, { hasText: 'Над Челябинском' }).first().click();
    await page.waitForURL(/\/doc\/generated-00300\/(?:\?highlight=.*)?$/u);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/метеорит/u);
    expect(server.requests.length).toBe(before);
    await setNetwork(context, server, true);
  });

  it('frees the space again', async () => {
    await page.goto(`${server.url}offline/`);
    await page.locator('archive-saver[data-state="saved"]').waitFor();
    await page.getByRole('button', { name: 'Освободить место' }).click();
    await page.locator('archive-saver[data-state="idle"]').waitFor();
    expect(await cacheEntries(page, ':pages')).toBe(0);
    expect(await cacheEntries(page, ':search')).toBe(0);
    await page.locator('offline-status[data-saved="false"]').waitFor({ state: 'attached' });
  });
});
