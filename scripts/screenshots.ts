// Screenshots of the article page in Chromium: light, dark, mobile and print.
// `npm run screenshots [-- <seeds folder> [<slug>]]`; defaults: `seeds` and its first document.
// Builds the folder into tests/.output/screenshots and writes PNG files to screenshots/.
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { buildFixtureSite } from '../tests/support/fixture-site.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const [seedsDir = 'seeds', wanted] = process.argv.slice(2);
const site = buildFixtureSite('screenshots', seedsDir);
if (site.status !== 0) {
  console.error(site.output);
  process.exit(1);
}
const slug = wanted ?? readdirSync(resolve(site.outDir, 'doc')).sort()[0];
if (!slug) throw new Error(`no documents in ${seedsDir}`);
const out = resolve('screenshots');
mkdirSync(out, { recursive: true });
const server = await serveStatic(site.outDir);
const browser = await launchBrowser();
const shots = [
  { name: 'light', colorScheme: 'light', width: 1280, height: 900, media: 'screen' },
  { name: 'dark', colorScheme: 'dark', width: 1280, height: 900, media: 'screen' },
  { name: 'mobile', colorScheme: 'light', width: 360, height: 780, media: 'screen' },
  { name: 'print', colorScheme: 'light', width: 794, height: 1123, media: 'print' },
] as const;
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      colorScheme: shot.colorScheme,
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.name === 'mobile' ? 2 : 1,
    });
    const page = await context.newPage();
    await page.emulateMedia({ media: shot.media });
    await page.goto(`${server.url}/doc/${slug}/`);
    await page.evaluate(() => document.fonts.ready);
    const path = resolve(out, `article-${shot.name}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(path);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
