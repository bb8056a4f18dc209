import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openPage, PAGE_TYPES, readingUrl } from '../support/reading.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});

afterAll(async () => {
  await browser.close();
});

// Headlines are typeset (no-break spaces after short words); the order is what these tests read.
const titles = async (): Promise<string[]> =>
  (await page.locator('.card h2').allTextContents()).map((text) => text.replaceAll('\u00a0', ' '));

describe('browsing the archive', () => {
  it('has exactly one h1, a skip link and a main landmark on every page type', async () => {
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      const response = await page.goto(`${readingUrl()}${path}`);
      expect(response?.status(), name).toBe(200);
      expect(await page.locator('h1').count(), name).toBe(1);
      expect(await page.locator('main#main').count(), name).toBe(1);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent), name).toBe(
        'Перейти к содержанию',
      );
    }
  });

  it('lists the newest documents first and pages through the rest, numbered from the oldest', async () => {
    await page.goto(`${readingUrl()}/`);
    expect(await titles()).toEqual([
      'Гололёд сковал дороги Петербурга',
      'Коммунальные службы борются с гололёдом',
    ]);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/news\/page\/3\/$/u);
    expect(await titles()).toEqual([
      'Синоптики обещают гололёд и снегопад',
      'В Кремле рассказали о переговорах в Майами',
    ]);
    expect(await page.locator('.pagination').textContent()).toContain('Страница 3');
    await page.goto(`${readingUrl()}/page/1/`);
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    expect(await titles()).toEqual([
      'Заголовок </script><script>alert(1)</script> в новостях',
      'Открылась выставка живописи',
    ]);
  });

  it('counts documents by year and draws a bar per month on the archive page', async () => {
    await page.goto(`${readingUrl()}/archive/`);
    const years = await page.locator('ul.years li').allTextContents();
    expect(years.map((text) => text.replace(/\s+/gu, ' ').trim())).toEqual([
      '2025 3 материала',
      '2024 4 материала',
      '2023 1 материал',
    ]);
    // June 2023, November and December 2024, January 2025: one bar for each month with documents.
    const bars = page.locator('.timeline svg rect[data-month]');
    expect(await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-month')))).toEqual([
      '2023-06',
      '2024-11',
      '2024-12',
      '2025-01',
    ]);
    expect(await page.locator('.timeline svg rect[data-month="2024-11"] title').textContent()).toBe(
      'Ноябрь 2024: 2 материала',
    );
    expect(await page.locator('.timeline svg[role="img"]').getAttribute('aria-label')).toContain(
      'всего 8 материалов',
    );
  });

  it('counts a year by month and pages through a month newest first', async () => {
    await page.goto(`${readingUrl()}/archive/2024/`);
    expect(await page.locator('h1').textContent()).toBe('2024 год');
    const months = (await page.locator('ul.months li').allTextContents()).map((text) =>
      text.replace(/\s+/gu, ' ').trim(),
    );
    expect(months).toEqual(['Декабрь 2024 2 материала', 'Ноябрь 2024 2 материала']);
    await page.getByRole('link', { name: 'Декабрь 2024' }).click();
    await page.waitForURL(/\/news\/archive\/2024\/12\/$/u);
    expect(await titles()).toEqual([
      'В Кремле рассказали о переговорах в Майами',
      'Песков прокомментировал переговоры с США',
    ]);
    await page.goto(`${readingUrl()}/archive/2025/01/`);
    expect(await page.locator('h1').textContent()).toBe('Январь 2025');
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/news\/archive\/2025\/01\/1\/$/u);
    expect(await titles()).toEqual([
      'Коммунальные службы борются с гололёдом',
      'Синоптики обещают гололёд и снегопад',
    ]);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/\/news\/archive\/2025\/01\/$/u);
  });

  it('lists every place and author from the datelines with counts', async () => {
    await page.goto(`${readingUrl()}/directory/`);
    const read = async (id: string) =>
      (await page.locator(`section[aria-labelledby="${id}-heading"] li`).allTextContents()).map((text) =>
        text.replace(/\s+/gu, ' ').trim(),
      );
    expect(await read('places')).toEqual(['Казань 1', 'Москва 3', 'Санкт-Петербург 3']);
    expect(await read('authors')).toEqual([
      'Иван Сидоров 2',
      'Мария Орлова 2',
      'Наталья Петрова 2',
      'Пётр Иванов 1',
    ]);
  });

  it('pages through the documents of a place and of an author', async () => {
    await page.goto(`${readingUrl()}/directory/`);
    await page.getByRole('link', { name: 'Москва' }).click();
    await page.waitForURL(/\/news\/place\/moskva\/$/u);
    expect(await page.locator('h1').textContent()).toBe('Место: Москва');
    expect(await titles()).toEqual([
      'В Кремле рассказали о переговорах в Майами',
      'Песков прокомментировал переговоры с США',
    ]);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/news\/place\/moskva\/1\/$/u);
    expect(await titles()).toEqual([
      'Песков прокомментировал переговоры с США',
      'Дмитриев доложил о переговорах',
    ]);
    await page.goto(`${readingUrl()}/author/mariya-orlova/`);
    expect(await titles()).toEqual([
      'Синоптики обещают гололёд и снегопад',
      'Заголовок </script><script>alert(1)</script> в новостях',
    ]);
  });

  it('describes the site and its search on the home page', async () => {
    await page.goto(`${readingUrl()}/`);
    const data = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
    ) as {
      potentialAction: { target: { urlTemplate: string } };
    };
    expect(data).toMatchObject({ '@type': 'WebSite', url: 'https://example.org/news/' });
    expect(data.potentialAction.target.urlTemplate).toBe(
      'https://example.org/news/search/?q={search_term_string}',
    );
    const feeds = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(feeds).toEqual(['/news/rss.xml', '/news/atom.xml', '/news/feed.json']);
  });

  it('marks the current section in the header navigation', async () => {
    await page.goto(`${readingUrl()}/archive/2024/`);
    expect(await page.locator('header nav a[aria-current="page"]').textContent()).toBe('Архив');
  });
});
