import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openPage, readingUrl } from '../support/reading.ts';

const NBSP = '\u00a0';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});

afterAll(async () => {
  await browser.close();
});

describe('reading a document', () => {
  it('shows headline, Russian date, place, author and reading time with the right plural', async () => {
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('Гололёд сковал дороги Петербурга');
    const byline = page.locator('.byline');
    expect(await byline.locator('time').textContent()).toBe('20 января 2025');
    expect(await byline.locator('time').getAttribute('datetime')).toBe('2025-01-20');
    expect(await byline.getByRole('link', { name: 'Санкт-Петербург' }).getAttribute('href')).toBe(
      '/news/place/sankt-peterburg/',
    );
    expect(await byline.getByRole('link', { name: 'Иван Сидоров' }).getAttribute('href')).toBe(
      '/news/author/ivan-sidorov/',
    );
    expect(await byline.textContent()).toContain('1 минута чтения');
  });

  it('sets the headline with the body’s typography wherever it is shown, and as written in the title', async () => {
    const typeset = `В${NBSP}Кремле рассказали о${NBSP}переговорах в${NBSP}Майами`;
    const written = 'В Кремле рассказали о переговорах в Майами';
    await page.goto(`${readingUrl()}/doc/talks-miami/`);
    expect(await page.locator('h1').textContent()).toBe(typeset);
    expect(await page.title()).toBe(`${written} — Архив новостей`);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(written);
    await page.goto(`${readingUrl()}/doc/talks-peskov/`);
    expect(await page.locator('a[rel="next"] span:not(.hint)').textContent()).toBe(typeset);
    expect(await page.locator('[data-related]').allTextContents()).toContain(typeset);
    for (const list of ['/page/3/', '/archive/2024/12/', '/place/moskva/']) {
      await page.goto(`${readingUrl()}${list}`);
      expect(await page.locator('.card h2').allTextContents(), list).toContain(typeset);
    }
  });

  it('sets the body in Russian typography with non-breaking spaces after short words', async () => {
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    const body = (await page.locator('.body').textContent()) ?? '';
    expect(body).toContain(`В${NBSP}Петербурге`);
    expect(body).toContain(`и${NBSP}пешеходов`);
    expect(await page.locator('.body').evaluate((element) => getComputedStyle(element).hyphens)).toBe('auto');
  });

  it('sets paragraphs apart and keeps the measure readable, whatever order styles load in', async () => {
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    const layout = await page.locator('.body').evaluate((body) => {
      const second = body.querySelector('p + p');
      const em = parseFloat(getComputedStyle(body).fontSize);
      return {
        gap: second ? parseFloat(getComputedStyle(second).marginBlockStart) / em : 0,
        measure: body.getBoundingClientRect().width / em,
      };
    });
    expect(layout.gap).toBeGreaterThanOrEqual(0.75);
    expect(layout.measure).toBeLessThanOrEqual(40);
  });

  it('links the documents most alike in text, never unrelated ones', async () => {
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    const related = await page
      .locator('[data-related]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(related.slice(0, 2).sort()).toEqual(['/news/doc/ice-forecast/', '/news/doc/ice-services/']);
    expect(related).not.toContain('/news/doc/exhibition/');
    // The talks share only «сообщили» with it: too little to call them related.
    expect(related).not.toContain('/news/doc/talks-miami/');
    await page.goto(`${readingUrl()}/doc/talks-miami/`);
    const talks = await page
      .locator('[data-related]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(talks.slice(0, 2).sort()).toEqual(['/news/doc/talks-peskov/', '/news/doc/talks-report/']);
  });

  it('walks to the previous and next documents by date', async () => {
    await page.goto(`${readingUrl()}/doc/ice-services/`);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/\/news\/doc\/ice-forecast\/$/u);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/news\/doc\/ice-services\/$/u);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/news\/doc\/ice-roads\/$/u);
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
  });

  it('states canonical and Open Graph meta with absolute addresses under the base path, and a card that reuses them', async () => {
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    const url = 'https://example.org/news/doc/ice-roads/';
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(url);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(url);
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'Гололёд сковал дороги Петербурга',
    );
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary');
    // The card takes its title and description from Open Graph: they are stated once.
    expect(await page.locator('meta[name^="twitter:"]').count()).toBe(1);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^В Петербурге/u);
  });

  it('describes the document as a NewsArticle that no headline can break out of', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${readingUrl()}/doc/budget-script-headline/`);
    const data = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) =>
        scripts.map((script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>),
      );
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Заголовок </script><script>alert(1)</script> в новостях',
      datePublished: '2024-11-02',
      url: 'https://example.org/news/doc/budget-script-headline/',
      author: [{ '@type': 'Person', name: 'Мария Орлова' }],
      locationCreated: [{ '@type': 'Place', name: 'Казань' }],
    });
    expect(await page.locator('h1').textContent()).toContain('</script>');
    expect(dialogs).toEqual([]);
  });

  it('prints without site chrome and with the address after each link', async () => {
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.site-footer').isVisible()).toBe(false);
      expect(await page.locator('nav.neighbours').isVisible()).toBe(false);
      expect(await page.locator('.source').textContent()).toBe('https://example.org/news/doc/ice-roads/');
      expect(await page.locator('.source').isVisible()).toBe(true);
      const after = await page
        .locator('[data-related]')
        .first()
        .evaluate((link) => getComputedStyle(link, '::after').content);
      expect(after).toMatch(/^" \(https:\/\/example\.org\/news\/doc\/ice-[a-z]+\/\)"$/u);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.locator('.source').isVisible()).toBe(false);
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/doc/talks-peskov/', '/', '/archive/', '/directory/']) {
      await page.goto(`${readingUrl()}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
