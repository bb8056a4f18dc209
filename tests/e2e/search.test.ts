import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  filterGroup,
  filterLabels,
  filterLegends,
  loadAllResults,
  openSearch,
  searchResults,
  searchStatus,
  valueCount,
} from '../support/search-page.ts';
import { launchBrowser } from '../support/browser.ts';
import { packedFragments, type PackedFragment } from '../support/fragment-packs.ts';
import { pagefindSearch } from '../support/pagefind-api.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
/** Page URL → where its fragment is packed on the site. */
const fragmentOf = new Map<string, PackedFragment>();
const pageErrors: string[] = [];

beforeAll(async () => {
  const site = buildFixtureSite('search', 'tests/fixtures/search-seeds');
  if (site.status !== 0) throw new Error(`search fixture build failed:\n${site.output}`);
  for (const fragment of packedFragments(site.outDir)) fragmentOf.set(fragment.data.url, fragment);
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const results = () => searchResults(page);
const status = () => searchStatus(page);
const box = () => page.locator('main [role="search"] input[type="search"]');

const search = (params: Record<string, string | string[]>) => openSearch(page, server.url, params);

// Result headlines are typeset like the pages' (no-break spaces after short words): read as words.
const titles = async () => (await results().allTextContents()).map((text) => text.replaceAll('\u00a0', ' '));

describe('searching the archive', () => {
  it('finds other word forms, ё written as е, in any letter case', async () => {
    await search({ q: 'переговоры' });
    expect(await titles()).toContain(
      'В Кремле рассказали о новых контактах России и США по итогам визита Дмитриева в Майами',
    );
    await search({ q: 'гололед' });
    expect(await titles()).toEqual(['Жёсткий гололёд в Петербурге']);
    await search({ q: 'ПЕСКОВ' });
    expect((await titles()).join()).toContain('В Кремле рассказали');
  });

  it('shows the headline, the date in Russian, the place and an excerpt with the match marked', async () => {
    await search({ q: 'гололёд' });
    const hit = page.locator('main .results li').first();
    await expect(hit.locator('time').textContent()).resolves.toBe('5 марта 2024');
    await expect(hit.locator('time').getAttribute('datetime')).resolves.toBe('2024-03-05');
    await expect(hit.locator('.place').textContent()).resolves.toBe('Санкт-Петербург');
    await expect(hit.locator('.excerpt mark').first().textContent()).resolves.toMatch(/^гололёд/iu);
  });

  it('announces the count with the Russian plural form in a live region', async () => {
    await search({ q: 'снегопад' });
    await expect(status().getAttribute('aria-live')).resolves.toBe('polite');
    await expect(status().textContent()).resolves.toBe('Найден 21 результат');
    await search({ q: 'снегопад', year: '2022' });
    await expect(status().textContent()).resolves.toBe('Найдено 2 результата');
    await search({ q: 'снегопад', year: '2021' });
    await expect(status().textContent()).resolves.toBe('Найдено 5 результатов');
    await search({ q: 'гололёд' });
    await expect(status().textContent()).resolves.toBe('Найден 1 результат');
  });

  it('offers year, place, author and language filters with counts, and applies them', async () => {
    await search({ q: 'снегопад' });
    const year = await filterGroup(page, 'Год');
    await expect(valueCount(year, '2023')).resolves.toBe('14');
    await expect(filterLegends(page)).resolves.toEqual(['Год', 'Место', 'Автор']);
    await year.getByLabel('2022').check();
    await expect.poll(() => status().textContent()).toBe('Найдено 2 результата');
    expect(new URL(page.url()).searchParams.getAll('year')).toEqual(['2022']);
    await page.locator('main fieldset', { hasText: 'Место' }).getByLabel('Казань').check();
    await expect.poll(() => results().count()).toBe(1);
    await search({ q: 'Dmitriev' });
    await expect(filterLabels(page, 'Язык')).resolves.toEqual([' Английский 1', ' Русский 1']);
  });

  it('sorts by relevance, newest first or oldest first', async () => {
    await search({ q: 'снегопад', sort: 'newest' });
    await loadAllResults(page);
    const newest = await page
      .locator('main .results time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    expect(newest).toHaveLength(10);
    expect(newest).toEqual([...newest].sort().reverse());
    await page.locator('main .more').click();
    await loadAllResults(page);
    await expect.poll(() => results().count()).toBe(20);
    await page.locator('main select[name="sort"]').selectOption('oldest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('oldest');
    await expect
      .poll(() => page.locator('main .results time').first().getAttribute('datetime'))
      .toBe('2021-02-02');
  });

  it('restores a search from its link and follows back and forward', async () => {
    await search({ q: 'снегопад', year: '2021', sort: 'oldest' });
    await expect(box().inputValue()).resolves.toBe('снегопад');
    await expect(page.locator('main select[name="sort"]').inputValue()).resolves.toBe('oldest');
    await expect(page.getByLabel('2021').isChecked()).resolves.toBe(true);
    await expect(status().textContent()).resolves.toBe('Найдено 5 результатов');
    await page.getByLabel('2021').uncheck();
    await expect.poll(() => status().textContent()).toBe('Найден 21 результат');
    await page.goBack();
    await expect.poll(() => status().textContent()).toBe('Найдено 5 результатов');
    await expect(page.getByLabel('2021').isChecked()).resolves.toBe(true);
    await page.goForward();
    await expect.poll(() => status().textContent()).toBe('Найден 21 результат');
  });

  it('writes the query to the address once the reader stops typing, not at every letter', async () => {
    await search({ q: 'гололёд' });
    await page.evaluate(() => {
      const state = window as unknown as { replaced: number };
      state.replaced = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        state.replaced += 1;
        replace(...args);
      };
    });
    await box().fill('');
    await box().focus();
    await page.keyboard.type('снегопад', { delay: 150 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 5_000 }).toBe('снегопад');
    await expect(page.evaluate(() => (window as unknown as { replaced: number }).replaced)).resolves.toBe(1);
  });

  it("keeps the space typed between two words at a reader's pace, and searches both", async () => {
    await search({ q: 'гололёд' });
    await box().fill('');
    await box().focus();
    // A pause after the space longer than the one that starts a search: the first word is searched.
    await page.keyboard.type('снегопад ', { delay: 150 });
    await page.waitForTimeout(300);
    await page.keyboard.type('москва', { delay: 150 });
    await expect(box().inputValue()).resolves.toBe('снегопад москва');
    await expect
      .poll(() => page.locator('main .results').getAttribute('data-query'), { timeout: 5_000 })
      .toBe('снегопад москва');
  });

  it('moves through results with the arrow keys, back with Esc, and opens one with Enter', async () => {
    await search({ q: 'снегопад', sort: 'oldest' });
    await box().focus();
    await page.keyboard.press('ArrowDown');
    await expect(
      page.evaluate(() => document.activeElement?.hasAttribute('data-search-result')),
    ).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    const second = await results().nth(1).textContent();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(second);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-query');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/doc\/snowfall-/u);
  });

  it('focuses search with / and Ctrl+K from any page', async () => {
    await page.goto(`${server.url}/doc/black-ice/`);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Control+k');
    await expect(
      page.evaluate(() => document.activeElement?.closest('[role="search"]') !== null),
    ).resolves.toBe(true);
    await page.goto(`${server.url}/search/`);
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-query');
  });

  it('highlights the searched words on the page a result opens', async () => {
    await search({ q: 'гололёд' });
    await results().first().click();
    await page.waitForURL(/\/doc\/black-ice\/\?highlight=/u);
    await page.locator('article mark.pagefind-highlight').first().waitFor();
    expect((await page.locator('article mark.pagefind-highlight').allTextContents()).join(' ')).toMatch(
      /гололёд/iu,
    );
    // Another word form: the query says «переговоры», the page also says «переговоров».
    await search({ q: 'переговоры' });
    await results().first().click();
    await page.locator('article mark.pagefind-highlight').first().waitFor();
    const marked = await page.locator('article mark.pagefind-highlight').allTextContents();
    expect(marked.map((text) => text.toLowerCase())).toContain('переговоров');
  });

  it('indexes exactly the text of a document: its body as content, its headline as title, no byline', async () => {
    await page.goto(`${server.url}/`);
    const found = (await pagefindSearch(page, ['гололёд', 'очистилась'])).map(([data]) => data);
    const text = (value: unknown) => String(value).replace(/\s+/gu, ' ');
    expect(found.map((data) => data?.url)).toEqual(['/doc/black-ice/', '/doc/ice-drift-over/']);
    const [ice, drift] = found;
    expect(text(ice?.content)).toBe(
      'В Петербурге ожидается сильный гололёд, дворники посыпают тротуары песком, а врачи просят горожан не торопиться на скользких улицах.',
    );
    expect(text(drift?.content)).toBe(
      'Ледоход на Неве закончился раньше срока: ледоход на Неве шёл девять дней, и Нева очистилась ото льда к концу апреля.',
    );
    expect(ice?.meta).toEqual({ title: 'Жёсткий гололёд в\u00a0Петербурге', date: '2024-03-05' });
    // A short headline also gives its number of words, which search reads instead of the headline.
    expect(ice?.filters).toEqual({
      year: ['2024'],
      place: ['Санкт-Петербург'],
      author: ['Иван Сидоров'],
      'headline-words': ['4'],
    });
    for (const data of found)
      expect(String(data?.excerpt)).not.toMatch(/Санкт-Петербург|Сидоров|Белова|2024|2023|мин/u);
  });

  it('ranks the document whose headline is the query first, then other headlines, then body text', async () => {
    await search({ q: 'Ледоход на Неве' });
    expect(await titles()).toEqual([
      'Ледоход на Неве',
      'Ледоход на Неве закончился раньше срока',
      'Весенний отчёт городских служб',
    ]);
  });

  it('loads no correction code for a query whose words the results found in other forms', async () => {
    const other = await browser.newPage();
    const loaded: string[] = [];
    other.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    // «переговорам» stands nowhere in the archive; «переговоров» and «переговоры» do.
    await openSearch(other, server.url, { q: 'переговорам' });
    await expect.poll(() => other.locator('main .results').getAttribute('data-query')).toBe('переговорам');
    await other.waitForLoadState('networkidle');
    await expect(other.locator('main .results').getAttribute('data-corrected')).resolves.toBeNull();
    expect(loaded.filter((path) => path.includes('typo-correction'))).toEqual([]);
    await other.close();
  });

  it('loads the fragments of the first screen of results only, however many headlines hold the query', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 500 } });
    await openSearch(other, server.url, { q: 'гололёд' });
    await other.waitForLoadState('networkidle');
    // Typed after another query: each of the 21 snowfall headlines holds the word, none is it.
    const packs: string[] = [];
    other.on('request', (request) => {
      if (request.url().endsWith('.pf_pack')) packs.push(request.headers()['range'] ?? 'whole');
    });
    await other.locator('main [role="search"] input[type="search"]').fill('снегопад');
    await expect.poll(() => other.locator('main .results').getAttribute('data-query')).toBe('снегопад');
    await expect.poll(() => other.locator('main [data-search-result]').count()).toBeGreaterThan(0);
    await other.waitForLoadState('networkidle');
    // Each fragment is two small reads: its two offsets in the pack's header, then its bytes.
    const ranges = packs.map((range) => /^bytes=(\d+)-(\d+)$/u.exec(range)?.slice(1).map(Number) ?? []);
    const offsets = ranges.filter(([first = 0, last = 0]) => last - first + 1 === 8);
    expect(offsets.length).toBeLessThanOrEqual(3);
    expect(ranges.length - offsets.length).toBeLessThanOrEqual(3);
    await other.close();
  });

  it('suggests an archive word for a query with a typo searched as typed', async () => {
    await search({ q: 'гплолёд', verbatim: '1' });
    await expect(status().textContent()).resolves.toBe('Ничего не найдено');
    const suggestion = page.locator('main .suggestion a');
    await expect.poll(() => suggestion.textContent()).toBe('гололёд');
    await suggestion.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('гололёд');
    await expect.poll(() => results().count()).toBeGreaterThan(0);
  });

  it('finds an English document from the Russian search page, each language stemmed its own way', async () => {
    await search({ q: 'negotiation' });
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await titles()).toEqual(['Dmitriev and Witkoff hold talks in Miami']);
    await search({ q: 'Dmitriev' });
    // The English report about him outranks a Russian page that names him once in Latin letters.
    expect(await titles()).toEqual([
      'Dmitriev and Witkoff hold talks in Miami',
      'Газеты пишут о поездке спецпредставителя',
    ]);
    await page.goto(`${server.url}/doc/miami-talks-en/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The site's own Russian header and footer stay marked as Russian on an English page.
    expect(await page.locator('body > header').getAttribute('lang')).toBe('ru');
    expect(await page.locator('body > footer').getAttribute('lang')).toBe('ru');
  });

  it('says so when the index cannot be loaded', async () => {
    const other = await browser.newPage();
    await other.route('**/pagefind/**', (route) => route.abort());
    await other.goto(`${server.url}/search/?q=снегопад`);
    await expect
      .poll(() => other.locator('main [role="status"]').textContent(), { timeout: 15_000 })
      .toContain('Поиск сейчас недоступен');
    await other.close();
  });

  it('explains itself without JavaScript and points to the archive by date', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${server.url}/search/?q=снегопад`);
    await expect(plain.locator('main input[type="search"]').isVisible()).resolves.toBe(false);
    const text = await plain.locator('main').innerText();
    expect(text).toContain('без JavaScript недоступен');
    await expect(
      plain.locator('main').getByRole('link', { name: 'по датам' }).getAttribute('href'),
    ).resolves.toBe('/');
    await context.close();
  });
});

describe('search results', () => {
  const hit = (title: string) => page.locator('main .results li', { hasText: title });

  it('shows as excerpt the body text alone: no headline, date, place or author in it', async () => {
    await search({ q: 'гололёд' });
    const result = hit('Жёсткий гололёд в Петербурге');
    const excerpt = (await result.locator('.excerpt').innerText()).replace(/\s+/gu, ' ');
    expect(excerpt).toBe(
      'В Петербурге ожидается сильный гололёд, дворники посыпают тротуары песком, а врачи просят горожан не торопиться на скользких улицах.',
    );
    await expect(result.locator('.meta > *').allTextContents()).resolves.toEqual([
      '5 марта 2024',
      'Санкт-Петербург',
      'Иван Сидоров',
    ]);
    await search({ q: 'снегопад номер' });
    for (const text of await page.locator('main .results .excerpt').allInnerTexts()) {
      expect(text).not.toMatch(/номер|накрыл|20\d\d|Казань|Москва|Томск|Иванов|Смирнова|\bru\b/u);
      expect(text).toMatch(/^Сильный снегопад продолжался всю ночь/u);
    }
  });

  it('suggests a correction beside results that matched only a shorter word, searched as typed', async () => {
    // «пересоворы» is no archive word: search falls back on «пересев», a document about crops.
    await search({ q: 'пересоворы', verbatim: '1' });
    expect(await titles()).toEqual(['Озимые пересеют до заморозков']);
    const suggestion = page.locator('main .suggestion a');
    await expect.poll(() => suggestion.textContent()).toBe('переговоры');
    await suggestion.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('переговоры');
    await expect
      .poll(() => titles())
      .toContain('В Кремле рассказали о новых контактах России и США по итогам визита Дмитриева в Майами');
    // A word the results found needs no correction.
    await expect(page.locator('main .suggestion').isHidden()).resolves.toBe(true);
  });

  it('shows a document holding «&#99999999;» as written, beside the other results', async () => {
    pageErrors.length = 0;
    await search({ q: 'Майами' });
    await expect.poll(() => titles()).toContain('Код &#99999999; и <mark>разметка</mark> в заголовке');
    expect(await titles()).toContain(
      'В Кремле рассказали о новых контактах России и США по итогам визита Дмитриева в Майами',
    );
    const excerpt = await hit('Код &#99999999;').locator('.excerpt').innerText();
    expect(excerpt).toContain('стоял код &#99999999;');
    expect(excerpt).toContain('<mark>не разметка</mark>');
    await expect(hit('Код &#99999999;').locator('mark').allTextContents()).resolves.toEqual(['Майами']);
    expect(await status().textContent()).toMatch(/^Найдено \d+ результат/u);
    expect(pageErrors).toEqual([]);
  });

  it('answers any query, however odd, with a count and never an error', async () => {
    pageErrors.length = 0;
    for (const q of ['"*(', '<script>alert(1)</script>', '\u0000🙂', 'а'.repeat(600), '&#99999999;']) {
      await search({ q });
      expect({ q, status: await status().textContent() }).toEqual({
        q,
        status: expect.stringMatching(/^(Ничего не найдено|Найден)/u) as unknown as string,
      });
    }
    expect(pageErrors).toEqual([]);
  });

  it('leaves out a result that cannot be loaded and shows the others', async () => {
    const other = await browser.newPage();
    const broken = fragmentOf.get('/doc/kremlin-negotiations/');
    if (!broken) throw new Error('no fragment of /doc/kremlin-negotiations/');
    // Only that fragment's bytes fail, and the whole pack a failed read falls back on: the pack
    // holds the others too.
    await other.route(`**${broken.pack}`, (route) => {
      const range = route.request().headers()['range'];
      return range === broken.range || range === undefined ? route.abort() : route.continue();
    });
    await openSearch(other, server.url, { q: 'Майами' });
    const shown = async () =>
      (await other.locator('main [data-search-result]').allTextContents()).map((text) =>
        text.replaceAll('\u00a0', ' '),
      );
    await expect.poll(shown).toContain('Код &#99999999; и <mark>разметка</mark> в заголовке');
    expect(await shown()).not.toContain(
      'В Кремле рассказали о новых контактах России и США по итогам визита Дмитриева в Майами',
    );
    await other.close();
  });

  it('gives the results the width of the column, with the filters open too', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await search({ q: 'снегопад' });
      await page.locator('main summary').click();
      await page.locator('main fieldset').first().waitFor();
      const [column, list] = await Promise.all(
        ['main', 'main .results'].map((selector) =>
          page.locator(selector).evaluate((element) => {
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          }),
        ),
      );
      expect(list).toBeCloseTo(column ?? 0, 0);
      // One line of date · place · author.
      const meta = page.locator('main .results .meta').first();
      const lineHeight = await meta.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
      expect((await meta.boundingBox())?.height).toBeLessThanOrEqual(lineHeight + 1);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
