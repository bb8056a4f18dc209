import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { loadAllResults, openSearch, searchResults, searchStatus } from '../support/search-page.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// Six documents about a bridge over a river: one whose headline is the phrase, two that hold its
// words together in the text (one in other word forms), and three short ones where the words lie
// scattered or in another order, which score higher word for word.
let server: StaticServer;
let browser: Browser;
let page: Page;
const fragments: Request[] = [];

beforeAll(async () => {
  const site = buildFixtureSite('search-phrases', 'tests/fixtures/phrase-seeds');
  if (site.status !== 0) throw new Error(`phrase fixture build failed:\n${site.output}`);
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (request) => {
    if (request.url().endsWith('.pf_fragment')) fragments.push(request);
  });
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const HEADLINE = 'Мост через реку';
const TOGETHER = ['Прогулка вдоль набережной', 'Рассказ экскурсовода'];
const SCATTERED = ['Городские новости недели', 'Заметки о погоде', 'Мост и парк после ремонта'];

// Result headlines are typeset (no-break spaces after short words): read as words.
const titles = async (list = searchResults(page)) =>
  (await list.allTextContents()).map((text) => text.replaceAll('\u00a0', ' '));

describe('searching for a phrase', () => {
  it('ranks documents holding the words together above those where they are scattered', async () => {
    fragments.length = 0;
    await openSearch(page, server.url, { q: 'мост через реку' });
    await loadAllResults(page);
    const found = await titles();
    expect(found).toHaveLength(6);
    expect(found[0]).toBe(HEADLINE);
    expect(found.slice(1, 3).sort()).toEqual(TOGETHER);
    expect(found.slice(3).sort()).toEqual(SCATTERED);
    // The order comes from the index's word positions: no more fragments than results shown.
    expect(fragments.length).toBeLessThanOrEqual(6);
  });

  it('keeps only the documents holding the phrase, in text or headline, in any word forms, for a query in quotes', async () => {
    for (const q of ['"мост через реку"', '«мост через реку»', '„Моста через реку“']) {
      await openSearch(page, server.url, { q });
      const found = await titles();
      expect(found[0]).toBe(HEADLINE);
      expect(found.slice(1).sort()).toEqual(TOGETHER);
      await expect(searchStatus(page).textContent()).resolves.toBe('Найдено 3 результата');
    }
  });

  it('keeps only the documents holding a quoted phrase in an order by date too', async () => {
    await openSearch(page, server.url, { q: '«мост через реку»', sort: 'newest' });
    expect(await titles()).toEqual([HEADLINE, 'Рассказ экскурсовода', 'Прогулка вдоль набережной']);
  });

  it('finds nothing for a quoted phrase whose words stand only apart or in another order', async () => {
    await openSearch(page, server.url, { q: '«через реку мост»' });
    await expect(searchStatus(page).textContent()).resolves.toBe('Ничего не найдено');
  });

  it('puts the phrase first in search in place too', async () => {
    await page.goto(`${server.url}/doc/weather-notes/`);
    await page.keyboard.press('/');
    const dialog = page.locator('search-dialog dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('мост через реку', { delay: 40 });
    const list = dialog.locator('[data-search-result]');
    await expect.poll(() => list.count()).toBe(6);
    const found = await titles(list);
    expect(found[0]).toBe(HEADLINE);
    expect(found.slice(1, 3).sort()).toEqual(TOGETHER);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('«моста через реку»', { delay: 40 });
    await expect.poll(async () => (await titles(list)).sort()).toEqual([HEADLINE, ...TOGETHER].sort());
  });
});
