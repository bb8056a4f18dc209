import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openPage, PAGE_TYPES, readingUrl } from '../support/reading.ts';

// Against the reading fixture, served under the base path /news/.
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});

afterAll(async () => {
  await browser.close();
});

const dialog = () => page.locator('search-dialog dialog');
const dialogResults = () => dialog().locator('[data-search-result]');
const active = () =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` : '';
  });
const activeText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

// Visible text boxes of a search, wherever they are on the page.
const visibleSearchBoxes = () =>
  page
    .locator('input[type="search"]')
    .evaluateAll((boxes) => boxes.filter((box) => (box as HTMLElement).checkVisibility()).length);

describe('searching in place from any page', () => {
  it('shows results as the reader types on an article page, without leaving it', async () => {
    const article = `${readingUrl()}/doc/ice-roads/`;
    await page.goto(article);
    await page.locator('article a').first().focus();
    const before = await activeText();
    await page.keyboard.press('/');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await active()).toBe('input#search-dialog-q');
    await page.keyboard.type('переговоры', { delay: 40 });
    await expect.poll(() => dialogResults().count()).toBe(3);
    expect(page.url()).toBe(article);
    await expect(dialog().locator('[role="status"]').textContent()).resolves.toBe('Найдено 3 результата');
    const titles = await dialogResults().allTextContents();
    // Headlines are typeset: short words hold on to the next one with a no-break space.
    expect(titles.map((title) => title.replaceAll('\u00a0', ' '))).toContain(
      'Песков прокомментировал переговоры с США',
    );
    // Each result links to its page under the base path, carrying the words to mark there.
    const href = await dialogResults().first().getAttribute('href');
    expect(href).toMatch(/^\/news\/doc\/talks-[a-z]+\/\?highlight=/u);

    await page.keyboard.press('ArrowDown');
    expect(await activeText()).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    expect(await activeText()).toBe(titles[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe('input#search-dialog-q');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(await activeText()).toBe(before);
    expect(page.url()).toBe(article);
  });

  it('opens a result with Enter, and all results on the search page with the query', async () => {
    await page.goto(`${readingUrl()}/archive/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('гололёд');
    await expect.poll(() => dialogResults().count()).toBe(3);
    const all = dialog().getByRole('link', { name: /Все результаты/u });
    await expect(all.getAttribute('href')).resolves.toBe(`/news/search/?q=${encodeURIComponent('гололёд')}`);
    await page.keyboard.press('ArrowDown');
    const first = await activeText();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/news\/doc\/ice-[a-z]+\/\?highlight=/u);
    await expect(page.locator('h1').textContent()).resolves.toBe(first);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('гололёд');
    await expect.poll(() => dialogResults().count()).toBe(3);
    await all.click();
    await page.waitForURL(/\/news\/search\/\?q=/u);
    await expect.poll(() => page.locator('main [data-search-result]').count()).toBe(3);
    await expect(page.locator('main input[type="search"]').inputValue()).resolves.toBe('гололёд');
  });

  it("opens from the header's search box, and gives the focus back to it on Esc", async () => {
    await page.goto(`${readingUrl()}/`);
    const header = page.locator('header form[role="search"] input[type="search"]');
    await header.click();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await page.keyboard.type('выставка');
    await expect.poll(() => dialogResults().allTextContents()).toEqual(['Открылась выставка живописи']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    // Focus is back in the header box, and getting it back does not open search again.
    await expect(page.evaluate(() => document.activeElement?.closest('header') !== null)).resolves.toBe(true);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await dialog().isVisible()).toBe(false);
    // A click on the box opens it again, and so does submitting the empty box.
    await header.click();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page
      .locator('header form[role="search"]')
      .evaluate((form) => (form as HTMLFormElement).requestSubmit());
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(page.url()).toBe(`${readingUrl()}/`);
    await page.keyboard.press('Escape');
  });

  it('submits the header box to the search page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${readingUrl()}/doc/ice-roads/`);
    await plain.locator('header input[type="search"]').fill('гололёд');
    await plain.locator('header input[type="search"]').press('Enter');
    await plain.waitForURL(/\/news\/search\/\?q=/u);
    expect(new URL(plain.url()).searchParams.get('q')).toBe('гололёд');
    await context.close();
  });

  it('has one search box on every page, the search page included', async () => {
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      await page.goto(`${readingUrl()}${path}`);
      expect({ type, boxes: await visibleSearchBoxes() }).toEqual({ type, boxes: 1 });
    }
    // The search page's box is its own, in the page; the shortcuts go to it.
    await page.goto(`${readingUrl()}/search/`);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await active()).toBe('input#search-query');
    expect(await page.locator('search-dialog').count()).toBe(0);
  });
});
