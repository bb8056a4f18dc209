import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Result links of the search page. */
export const searchResults = (page: Page) => page.locator('main [data-search-result]');

/** The search page's live status line. */
export const searchStatus = (page: Page) => page.locator('search-app [role="status"]');

/** Opens `/search/` with the given address state and waits until it has answered. */
export async function openSearch(
  page: Page,
  siteUrl: string,
  params: Record<string, string | string[]>,
): Promise<void> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of [value].flat()) query.append(key, one);
  await page.goto(`${siteUrl.replace(/\/$/u, '')}/search/?${query.toString()}`);
  await expect.poll(() => searchStatus(page).textContent(), { timeout: 15_000 }).not.toBe('');
}

/** Opens the filter panel and waits for one filter group. */
export async function filterGroup(page: Page, legend: string): Promise<Locator> {
  await page.locator('main summary').click();
  const group = page.locator('main fieldset', { hasText: legend });
  await group.waitFor();
  return group;
}

/** Opens the filter panel and returns the labels, with counts, of one filter group. */
export async function filterLabels(page: Page, legend: string): Promise<string[]> {
  return (await filterGroup(page, legend)).locator('label').allTextContents();
}

/** The count a filter group shows beside one of its values. */
export function valueCount(group: Locator, value: string): Promise<string | null> {
  return group.locator('label', { hasText: value }).locator('.count').textContent();
}

/** The legends of the filter groups the search page shows. */
export function filterLegends(page: Page): Promise<string[]> {
  return page.locator('main fieldset legend').allTextContents();
}

/**
 * Brings every result of the page into view in turn, so each loads its fragment (results load
 * as they come into view), and waits until none is left to load.
 */
export async function loadAllResults(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const deadline = performance.now() + 15_000;
    for (;;) {
      const slot = document.querySelector('main .results [data-pending]');
      if (!slot) return;
      if (performance.now() > deadline) throw new Error('results did not load');
      slot.scrollIntoView({ block: 'center' });
      while (slot.isConnected && slot.hasAttribute('data-pending') && performance.now() < deadline)
        await frame();
    }
  });
}
