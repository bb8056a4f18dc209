import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

/** Address of the reading fixture site (with its `/news` base path, no trailing slash). */
export const readingUrl = (): string => inject('readingUrl');

/** Every page type of the site, by a path under the base path. */
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  'list page': '/page/2/',
  document: '/doc/ice-roads/',
  archive: '/archive/',
  year: '/archive/2024/',
  month: '/archive/2025/01/',
  'month page 1': '/archive/2025/01/1/',
  directory: '/directory/',
  place: '/place/moskva/',
  author: '/author/ivan-sidorov/',
  search: '/search/',
  'not found': '/404.html',
};

/** Opens a fresh page in a colour scheme. */
export async function openPage(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ colorScheme });
  return context.newPage();
}
