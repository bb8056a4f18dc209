import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openPage, readingUrl } from '../support/reading.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const pageBackground = (page: Awaited<ReturnType<typeof openPage>>): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

describe('light and dark themes', () => {
  it('follows the system until the reader chooses', async () => {
    const light = await openPage(browser, 'light');
    const dark = await openPage(browser, 'dark');
    await light.goto(`${readingUrl()}/doc/ice-roads/`);
    await dark.goto(`${readingUrl()}/doc/ice-roads/`);
    expect(await pageBackground(light)).toBe('rgb(253, 252, 248)');
    expect(await pageBackground(dark)).toBe('rgb(23, 23, 26)');
    expect(await light.getByRole('button', { name: 'Тёмная тема' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(await dark.getByRole('button', { name: 'Тёмная тема' }).getAttribute('aria-pressed')).toBe('true');
    await light.context().close();
    await dark.context().close();
  });

  it('switches with the toggle and remembers the choice on the next page', async () => {
    const page = await openPage(browser, 'light');
    await page.goto(`${readingUrl()}/`);
    const toggle = page.getByRole('button', { name: 'Тёмная тема' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await pageBackground(page)).toBe('rgb(23, 23, 26)');
    await page.goto(`${readingUrl()}/archive/`);
    expect(await pageBackground(page)).toBe('rgb(23, 23, 26)');
    await page.getByRole('button', { name: 'Тёмная тема' }).click();
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
    expect(await pageBackground(page)).toBe('rgb(253, 252, 248)');
    await page.context().close();
  });

  it('applies a remembered theme before the body is parsed, so the page never flashes', async () => {
    const page = await openPage(browser, 'light');
    await page.goto(`${readingUrl()}/`);
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody =
          document.documentElement.dataset['theme'];
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    expect(
      await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody),
    ).toBe('dark');
    await page.context().close();
  });

  it('keeps the page readable without JavaScript, following the system theme', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${readingUrl()}/doc/ice-roads/`);
    expect(await pageBackground(page)).toBe('rgb(23, 23, 26)');
    expect(await page.getByRole('button', { name: 'Тёмная тема' }).count()).toBe(0);
    await context.close();
  });
});
