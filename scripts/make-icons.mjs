// Renders the app icons in public/icons/ from public/favicon.svg with the system's Chromium.
// Run again after changing the favicon: `node scripts/make-icons.mjs`.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
// Maskable icons may be cropped to a circle: the mark keeps to the middle 60 %, the colour fills the rest.
const maskable = svg
  .replace(/<rect[^>]*\/>/u, '<rect width="32" height="32" fill="#9c2f1a"/>')
  .replace(/<path /u, '<path transform="translate(6.4 6.4) scale(0.6)" ');
const icons = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-maskable-512.png', size: 512, source: maskable },
  { file: 'apple-touch-icon.png', size: 180, source: maskable },
];

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
mkdirSync('public/icons', { recursive: true });
try {
  for (const { file, size, source } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const image = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${image}" width="${size}" height="${size}">`,
    );
    await page.screenshot({ path: `public/icons/${file}`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
