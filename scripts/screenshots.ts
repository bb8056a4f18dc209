// Screenshots of every page type in Chromium: at 390, 768, 1280 and 1920 px, light and dark, and
// printed (print media on an A4-wide page).
// `npm run screenshots [-- <seeds folder>] [--only home,document] [--widths 390,1280] [--doc <slug>]`;
// the default folder is tests/fixtures/reading. Builds it into tests/.output/screenshots (PAGE_SIZE
// 5 unless set, so that lists have a second page) and writes PNG files to screenshots/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/support/browser.ts';
import { buildFixtureSite } from '../tests/support/fixture-site.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string' }, widths: { type: 'string' }, doc: { type: 'string' } },
});
const seedsDir = positionals[0] ?? 'tests/fixtures/reading';
const site = buildFixtureSite('screenshots', seedsDir, { PAGE_SIZE: process.env['PAGE_SIZE'] ?? '5' });
if (site.status !== 0) {
  console.error(site.output);
  process.exit(1);
}

const dirs = (path: string): string[] => {
  try {
    return readdirSync(resolve(site.outDir, path), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
};
// The year with the most months shows the most of a year page.
const year = dirs('archive').sort((a, b) => dirs(`archive/${b}`).length - dirs(`archive/${a}`).length)[0];
const month = year && dirs(`archive/${year}`)[0];
const doc = values.doc ?? dirs('doc')[0];
// A word of the document's headline, so that the search finds at least that document.
const headline = doc
  ? (/<title>([^<]*?) — /u.exec(readFileSync(resolve(site.outDir, 'doc', doc, 'index.html'), 'utf8'))?.[1] ??
    '')
  : '';
const word = headline.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] ?? 'архив';
const place = dirs('place')[0];
const author = dirs('author')[0];
const listPage = dirs('page')
  .map(Number)
  .sort((a, b) => b - a)
  .at(0);
const pages = [
  ['home', '/'],
  // List pages are numbered from the oldest: the highest number is the one after the home page.
  ['list-page', listPage === undefined ? undefined : `/page/${listPage}/`],
  ['document', doc && `/doc/${doc}/`],
  ['archive', '/archive/'],
  ['year', year && `/archive/${year}/`],
  ['month', month && `/archive/${year}/${month}/`],
  ['directory', '/directory/'],
  ['place', place && `/place/${place}/`],
  ['author', author && `/author/${author}/`],
  ['search', `/search/?q=${encodeURIComponent(word)}`],
  ['offline', '/offline/'],
  ['not-found', '/404.html'],
] as const;
const only = values.only?.split(',');
const widths = values.widths?.split(',').map(Number) ?? [390, 768, 1280, 1920];
const shots = [
  ...widths.flatMap((width) =>
    (['light', 'dark'] as const).map((theme) => ({ name: `${width}-${theme}`, width, theme, print: false })),
  ),
  { name: 'print', width: 794, theme: 'light' as const, print: true },
];

const out = resolve('screenshots');
mkdirSync(out, { recursive: true });
const server = await serveStatic(site.outDir);
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      colorScheme: shot.theme,
      viewport: { width: shot.width, height: shot.print ? 1123 : 900 },
    });
    const page = await context.newPage();
    if (shot.print) await page.emulateMedia({ media: 'print' });
    // As a returning reader sees it: the service worker installed, the status in the header.
    await page.goto(server.url);
    await page
      .locator('offline-status [data-saved]')
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => undefined);
    for (const [type, path] of pages) {
      if (path === undefined || (only && !only.includes(type))) continue;
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      if (type === 'search') await page.locator('[data-search-result]').first().waitFor({ timeout: 10_000 });
      await page.evaluate(() => document.fonts.ready);
      const file = resolve(out, `${type}-${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      // Search in place, as `/` opens it over a document with a word of its headline typed.
      if (type === 'document' && !shot.print) {
        await page.keyboard.press('/');
        await page.locator('search-dialog input[type="search"]').fill(word);
        await page.locator('search-dialog [data-search-result]').first().waitFor({ timeout: 10_000 });
        const dialog = resolve(out, `dialog-${shot.name}.png`);
        await page.screenshot({ path: dialog });
        console.log(dialog);
        await page.keyboard.press('Escape');
      }
      // Where the sections sit behind the menu button, the open menu too.
      if (type === 'home' && !shot.print && (await page.locator('.menu-button').isVisible())) {
        await page.locator('.menu-button').click();
        const menu = resolve(out, `${type}-${shot.name}-menu.png`);
        await page.screenshot({ path: menu });
        console.log(menu);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
