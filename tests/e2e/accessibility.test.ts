import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openPage, PAGE_TYPES, readingUrl } from '../support/reading.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  it.each(Object.entries(PAGE_TYPES))('finds no WCAG 2.2 AA violation on the %s page', async (_, path) => {
    const page = await openPage(browser, theme);
    try {
      await page.goto(`${readingUrl()}${path}`);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain(
        theme,
      );
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const found = results.violations.map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
      expect(found).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
