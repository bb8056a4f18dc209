import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser.close();
});

describe('reading and searching the archive in a browser', () => {
  it('opens the home page and follows a link to a document', async () => {
    await page.goto(`${siteUrl}/`);
    await page.getByRole('link', { name: /В Кремле рассказали/u }).click();
    await page.waitForURL(/\/doc\/kremlin-negotiations\/$/u);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /В\sКремле рассказали/u,
    );
  });

  it('finds a document by another word form from the header search box', async () => {
    await page.goto(`${siteUrl}/doc/hard-wraps/`);
    await page.locator('header [role="search"] input[type="search"]').click();
    // The text says «Кремле» and «Кремля», never «кремль».
    await page.keyboard.type('кремль');
    const inPlace = page.locator('search-dialog [data-search-result]', { hasText: 'В Кремле рассказали' });
    await inPlace.first().waitFor();
    // Enter in the box: every result, on the search page.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/u);
    const result = page.locator('main [data-search-result]', { hasText: 'В Кремле рассказали' });
    await result.first().waitFor();
    expect(await result.count()).toBeGreaterThan(0);
  });

  it('folds ё into е and finds other cases of a noun', async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent('гололеда')}`);
    await page.locator('main [data-search-result]', { hasText: 'Жёсткий гололёд' }).first().waitFor();
    const titles = await page.locator('main [data-search-result]').allTextContents();
    expect(titles.join(' ')).not.toContain('В Кремле');
  });

  it('finds a person by name while typing on the search page', async () => {
    await page.goto(`${siteUrl}/search/`);
    await page.locator('main [role="search"] input[type="search"]').pressSequentially('Песков');
    await page.locator('main [data-search-result]', { hasText: 'В Кремле рассказали' }).first().waitFor();
    // The address takes the query once the reader stops typing.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Песков');
  });

  it('runs no script that came from a document', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${siteUrl}/doc/literal-markup/`);
    await expect(page.locator('article').textContent()).resolves.toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
  });
});
