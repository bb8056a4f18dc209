import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { writeDateSpanSeeds } from '../support/date-span.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import {
  headerShape,
  layoutShifts,
  overlaps,
  recordLayoutShifts,
  showEveryStatus,
  type HeaderShape,
} from '../support/geometry.ts';
import { PAGE_TYPES, readingUrl } from '../support/reading.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const pageTypes = { ...PAGE_TYPES, offline: '/offline/' };
let browser: Browser;
let span: StaticServer;
let spanDir: string;

beforeAll(async () => {
  // Documents dated 0001-01-01, 9999-11-30 and 9999-12-31, and one in every year from 1926 to 2025.
  const site = buildFixtureSite('date-span', writeDateSpanSeeds('tests/.output/date-span-seeds'));
  if (site.status !== 0) throw new Error(`date-span build failed:\n${site.output}`);
  spanDir = site.outDir;
  span = await serveStatic(site.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await span?.close();
});

async function open(width: number, record = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  if (record) await recordLayoutShifts(context);
  return { context, page: await context.newPage() };
}

describe('the header', () => {
  // Each page is opened once with every state of the offline status shown, then measured at each width.
  async function measure(widths: readonly number[]): Promise<Record<string, Record<number, HeaderShape>>> {
    const { context, page } = await open(widths[0] ?? 1280);
    const shapes: Record<string, Record<number, HeaderShape>> = {};
    try {
      for (const [name, path] of Object.entries(pageTypes)) {
        await page.goto(`${readingUrl()}${path}`);
        await showEveryStatus(page, context);
        shapes[name] = {};
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          shapes[name][width] = await headerShape(page);
        }
      }
    } finally {
      await context.close();
    }
    return shapes;
  }

  it('is one row at most 72 px tall from 1024 px up on every page, whatever the offline status shows', async () => {
    const shapes = await measure([1024, 1280, 1920]);
    for (const [name, byWidth] of Object.entries(shapes))
      for (const [width, shape] of Object.entries(byWidth)) {
        expect(shape.rows, `${name} at ${width}`).toBe(1);
        expect(shape.height, `${name} at ${width}`).toBeLessThanOrEqual(72);
        expect(shape.covering, `${name} at ${width}`).toEqual([]);
      }
  });

  it('is one row at most 120 px tall on a 320 or 390 px phone, the sections in a menu', async () => {
    const shapes = await measure([320, 390]);
    for (const [name, byWidth] of Object.entries(shapes))
      for (const [width, shape] of Object.entries(byWidth)) {
        expect(shape.rows, `${name} at ${width}`).toBe(1);
        expect(shape.height, `${name} at ${width}`).toBeLessThanOrEqual(120);
        expect(shape.covering, `${name} at ${width}`).toEqual([]);
      }
    const { context, page } = await open(390);
    try {
      await page.goto(`${readingUrl()}/`);
      // The sections are one tap away, in a menu that needs no script.
      await page.locator('.menu-button').click();
      await expect(page.getByRole('link', { name: 'Места и авторы' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('the offline status', () => {
  it.each([390, 1280])('moves nothing on any page when it appears at %i px (CLS 0)', async (width) => {
    const { context, page } = await open(width, true);
    try {
      // Not the offline page: its own lists fill in after it loads.
      for (const [name, path] of Object.entries(PAGE_TYPES)) {
        await page.goto(`${readingUrl()}${path}`);
        await page.evaluate(() => document.fonts.ready);
        await showEveryStatus(page, context);
        expect(await layoutShifts(page), name).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});

describe('every width', () => {
  it('never scrolls sideways at 320 px, long words and long place names included', async () => {
    const { context, page } = await open(320);
    const spanPages = ['/', '/archive/', '/doc/last-day/', '/doc/last-november/', '/directory/'];
    const places = ['/place/sankt-peterburg-petropavlovsk-kamchatskiy-yuzhno-sakhalinsk/'];
    try {
      const addresses = [
        ...Object.values(pageTypes).map((path) => `${readingUrl()}${path}`),
        ...[...spanPages, ...places].map((path) => `${span.url}${path}`),
      ];
      for (const address of addresses) {
        await page.goto(address);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, address).toBeLessThanOrEqual(320);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the timeline', () => {
  const charts = [
    // The first year has two months of five; then one month, then a year page of two months.
    ['fixtures', '/archive/'],
    ['reading', '/archive/'],
    ['reading', '/archive/2023/'],
    ['reading', '/archive/2024/'],
    // A hundred years between two breaks, 0001 and 9999 at its ends.
    ['span', '/archive/'],
    ['span', '/archive/9999/'],
  ] as const;

  it('never overlaps its labels at any width from 320 to 1920 px', async () => {
    const { context, page } = await open(320);
    try {
      for (const [site, path] of charts) {
        await page.goto(
          `${{ span: span.url, reading: readingUrl(), fixtures: inject('siteUrl') }[site]}${path}`,
        );
        for (const width of [320, 390, 768, 1024, 1280, 1920]) {
          await page.setViewportSize({ width, height: 800 });
          const found = await overlaps(page, '.timeline .labels text', '.timeline .labels');
          expect(found, `${site} ${path} at ${width}`).toEqual([]);
        }
      }
    } finally {
      await context.close();
    }
  });

  it('names its span in correct Russian', async () => {
    const { context, page } = await open(1280);
    try {
      await page.goto(`${readingUrl()}/archive/`);
      expect(await page.locator('.timeline svg[role="img"]').getAttribute('aria-label')).toBe(
        'Материалы по месяцам с июня 2023 по январь 2025: всего 8 материалов, больше всего за месяц — 3.',
      );
      expect(await page.locator('.timeline rect[data-month="2024-11"] title').textContent()).toBe(
        'Ноябрь 2024: 2 материала',
      );
    } finally {
      await context.close();
    }
  });
});

describe('documents from 0001-01-01 to 9999-12-31', () => {
  it('build, and the archive costs what its months with documents cost, not its span', () => {
    const archive = readFileSync(resolve(spanDir, 'archive/index.html'), 'utf8');
    // 0001-01, 100 Januaries, 9999-11 and 9999-12, and the two breaks between them.
    expect(archive.match(/<rect/gu)).toHaveLength(105);
    expect(Buffer.byteLength(archive)).toBeLessThan(60_000);
    expect(archive).toContain('Нет материалов с февраля 1 по декабрь 1925');
    expect(readFileSync(resolve(spanDir, 'doc/last-day/index.html'), 'utf8')).toContain('31 декабря 9999');
  });

  it('states each document’s own language in its structured data, as its page does', async () => {
    const { context, page } = await open(1280);
    try {
      await page.goto(`${span.url}/doc/english/`);
      const data = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      );
      expect([await page.locator('html').getAttribute('lang'), data.inLanguage]).toEqual(['en', 'en']);
    } finally {
      await context.close();
    }
  });

  it('sets emoji in a system colour emoji font, never a webfont', async () => {
    const { context, page } = await open(1280);
    try {
      await page.goto(`${span.url}/doc/last-day/`);
      expect(await page.locator('h1').textContent()).toContain('🎄');
      const stacks = await page.evaluate(() =>
        ['h1', '.byline', '.body', '.site-header'].map(
          (selector) => getComputedStyle(document.querySelector(selector) as Element).fontFamily,
        ),
      );
      for (const stack of stacks)
        expect(stack).toMatch(/"Apple Color Emoji".*"Segoe UI Emoji".*"Noto Color Emoji"/u);
      const css = await page.evaluate(() =>
        [...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
          .join('\n'),
      );
      expect(css).not.toMatch(/@font-face[^}]*Emoji/u);
    } finally {
      await context.close();
    }
  });
});
