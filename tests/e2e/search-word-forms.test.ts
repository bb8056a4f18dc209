import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpSeeds } from '../../scripts/bench/real-corpus.ts';
import { wordFormRecall } from '../../scripts/bench/search-word-forms.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { openSearch, searchResults, searchStatus } from '../support/search-page.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// Real Russian text no one here wrote: every fifth page of LibreOffice's Russian help (424 pages),
// read from Debian's `libreoffice-help-ru` where the tests run, never committed.
const root = resolve('tests/.output/word-forms');
const seeds = join(root, 'seeds');
let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rmSync(seeds, { recursive: true, force: true });
  for (const seed of helpSeeds().filter((_, at) => at % 5 === 0)) {
    const path = join(seeds, seed.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, seed.text);
  }
  site = buildFixtureSite('word-forms', seeds);
  if (site.status !== 0) throw new Error(`word-forms build failed:\n${site.output}`);
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// The number of documents the status line says were found.
async function foundCount(): Promise<number> {
  const status = (await searchStatus(page).textContent()) ?? '';
  return Number(/\d[\d\s]*/u.exec(status)?.[0].replace(/\s/gu, '') ?? 0);
}

// The first loaded result whose link carries a form of the word other than the one typed.
const otherForm = (typed: string, stem: string): Promise<string | undefined> =>
  searchResults(page).evaluateAll(
    (links, { typed, stem }) =>
      links
        .map((link) => link.getAttribute('href') ?? '')
        .find((href) =>
          new URL(href, location.href).searchParams
            .getAll('highlight')
            .some((word) => word.toLowerCase().startsWith(stem) && word.toLowerCase() !== typed),
        ),
    { typed, stem },
  );

describe('every form of a word finds the same documents', () => {
  it('finds with the dictionary form of 40 adjectives and 20 nouns at least 98 % of what their other forms find', async () => {
    const measured = await wordFormRecall(server.url, site.outDir);
    expect(measured.adjectives.words).toBeGreaterThanOrEqual(40);
    expect(measured.nouns.words).toBeGreaterThanOrEqual(20);
    expect(measured.words.map(({ word }) => word)).toEqual(
      expect.arrayContaining(['новый', 'большой', 'который', 'другой', 'край', 'сценарий']),
    );
    const below = measured.words.filter(({ recall }) => recall < 0.98);
    expect(below.map(({ word, found, union }) => `${word} ${found}/${union}`)).toEqual([]);
  }, 300_000);

  it('finds on the search page by «большой» every document «большого» finds, and marks its other forms', async () => {
    await openSearch(page, server.url, { q: 'большого' });
    const genitive = await foundCount();
    expect(genitive).toBeGreaterThan(10);
    await openSearch(page, server.url, { q: 'большой' });
    expect(await foundCount()).toBeGreaterThanOrEqual(genitive);
    await expect.poll(() => otherForm('большой', 'больш'), { timeout: 15_000 }).toBeDefined();
    // The opened document marks the forms the result matched, the typed one or not.
    await page.goto(`${server.url}${(await otherForm('большой', 'больш')) ?? ''}`);
    await page.locator('mark.pagefind-highlight').first().waitFor();
    const marked = (await page.locator('mark.pagefind-highlight').allTextContents()).map((word) =>
      word.toLowerCase(),
    );
    expect(marked.some((word) => word.startsWith('больш') && word !== 'большой')).toBe(true);
  });

  it('finds in place, from any page, by «новый» every document «нового» finds', async () => {
    await openSearch(page, server.url, { q: 'нового' });
    const genitive = await foundCount();
    expect(genitive).toBeGreaterThan(10);
    await page.goto(`${server.url}/`);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'search-dialog-q');
    await page.keyboard.type('новый');
    const status = page.locator('search-dialog dialog [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/\d/u);
    const inPlace = Number(/\d+/u.exec((await status.textContent()) ?? '')?.[0]);
    expect(inPlace).toBeGreaterThanOrEqual(genitive);
  });
});
