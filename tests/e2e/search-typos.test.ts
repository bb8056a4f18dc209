import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { openSearch, searchResults, searchStatus } from '../support/search-page.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const site = buildFixtureSite('search-typos', 'tests/fixtures/search-seeds');
  if (site.status !== 0) throw new Error(`search fixture build failed:\n${site.output}`);
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

// Result headlines are typeset like the pages' (no-break spaces after short words): read as words.
const titlesIn = async (scope: string) =>
  (await page.locator(`${scope} [data-search-result]`).allTextContents()).map((text) =>
    text.replaceAll('\u00a0', ' '),
  );
const notice = (scope: string) => page.locator(`${scope} .suggestion`);

describe('typos on the search page', () => {
  it('shows the results of the corrected word at once, saying so, with a link to the words as typed', async () => {
    await openSearch(page, server.url, { q: 'гплолёд' });
    expect(await titlesIn('main')).toEqual(['Жёсткий гололёд в Петербурге']);
    await expect(notice('main').innerText()).resolves.toBe(
      'Показаны результаты по запросу «гололёд». Искать как написано: «гплолёд»',
    );
    // Heard by screen readers; the notice shows the same to the eye.
    await expect(searchStatus(page).textContent()).resolves.toBe('Найден 1 результат по запросу «гололёд»');
    await expect(searchStatus(page).locator('.visually-hidden').textContent()).resolves.toBe(
      ' по запросу «гололёд»',
    );
    // The address keeps what the reader typed.
    expect(new URL(page.url()).searchParams.get('q')).toBe('гплолёд');
    const asTyped = notice('main').getByRole('link', { name: 'гплолёд' });
    await asTyped.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('verbatim')).toBe('1');
    await expect.poll(() => searchStatus(page).textContent()).toBe('Ничего не найдено');
    expect(await searchResults(page).count()).toBe(0);
    await page.goBack();
    await expect.poll(() => titlesIn('main')).toEqual(['Жёсткий гололёд в Петербурге']);
  });

  it('corrects a swap of two letters in a headline query, keeping the other words and their case', async () => {
    await openSearch(page, server.url, { q: 'Леодход на Неве' });
    expect((await titlesIn('main'))[0]).toBe('Ледоход на Неве');
    await expect(notice('main').innerText()).resolves.toBe(
      'Показаны результаты по запросу «Ледоход на Неве». Искать как написано: «Леодход на Неве»',
    );
    await expect(notice('main').locator('b').allTextContents()).resolves.toEqual(['Ледоход']);
  });

  it('corrects a word that search answered only by a shorter word it begins with', async () => {
    // «пересоворы» alone would find «пересев», a document about crops.
    await openSearch(page, server.url, { q: 'пересоворы' });
    expect(await titlesIn('main')).toContain(
      'В Кремле рассказали о новых контактах России и США по итогам визита Дмитриева в Майами',
    );
    expect(await titlesIn('main')).not.toContain('Озимые пересеют до заморозков');
    await expect(notice('main').innerText()).resolves.toContain('по запросу «переговоры»');
  });

  it('corrects a word reading few fragments: one result of the words as typed, the corrected ones shown', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 500 } });
    const fragments: string[] = [];
    other.on('request', (request) => {
      const range = /^bytes=(\d+)-(\d+)$/u.exec(request.headers()['range'] ?? '');
      // A fragment's own bytes; the 8 bytes of its offsets in the pack's header are not counted.
      if (request.url().endsWith('.pf_pack') && range && Number(range[2]) - Number(range[1]) + 1 > 8)
        fragments.push(request.url());
    });
    await openSearch(other, server.url, { q: 'снегопвд' });
    await expect(other.locator('main .suggestion').innerText()).resolves.toContain('по запросу «снегопад»');
    await other.waitForLoadState('networkidle');
    expect(fragments.length).toBeLessThanOrEqual(4);
    await other.close();
  });

  it('leaves a query of archive words as it is, with no notice', async () => {
    await openSearch(page, server.url, { q: 'Ледоход на Неве' });
    expect((await titlesIn('main'))[0]).toBe('Ледоход на Неве');
    await expect(notice('main').isHidden()).resolves.toBe(true);
  });
});

describe('typos in place', () => {
  it('shows the corrected results in the dialog at once, and the words as typed on request', async () => {
    await page.goto(`${server.url}/doc/ice-drift/`);
    await page.keyboard.press('/');
    const dialog = 'search-dialog dialog';
    await expect.poll(() => page.locator(dialog).isVisible()).toBe(true);
    await page.keyboard.type('Леодход', { delay: 40 });
    await expect.poll(() => titlesIn(dialog)).toContain('Ледоход на Неве');
    await expect(notice(dialog).innerText()).resolves.toBe(
      'Показаны результаты по запросу «Ледоход». Искать как написано: «Леодход»',
    );
    await notice(dialog).getByRole('link', { name: 'Леодход' }).click();
    await expect
      .poll(() => page.locator(`${dialog} [role="status"]`).textContent())
      .toBe('Ничего не найдено');
    expect(await titlesIn(dialog)).toEqual([]);
    // The dialog stays open over the same page, its box holding the words as typed.
    expect(new URL(page.url()).pathname).toBe('/doc/ice-drift/');
    await expect(page.locator(`${dialog} input[type="search"]`).inputValue()).resolves.toBe('Леодход');
    await expect(page.locator(`${dialog} a.all`).getAttribute('href')).resolves.toBe(
      '/search/?q=%D0%9B%D0%B5%D0%BE%D0%B4%D1%85%D0%BE%D0%B4&verbatim=1',
    );
  });
});
