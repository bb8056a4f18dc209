import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicy, REFERRER_POLICY } from '../../src/lib/site/content-security.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveWithHeaders } from '../support/headers-server.ts';
import { waitForServiceWorker } from '../support/offline-browser.ts';
import { searchResults } from '../support/search-page.ts';
import type { StaticServer } from '../support/static-server.ts';

// Every page type of the fixture site, the search page with an answer, and hostile pages.
const FIXTURE_PAGES = [
  '/',
  '/page/1/',
  '/doc/kremlin-negotiations/',
  '/archive/',
  '/archive/2025/',
  '/archive/2025/12/',
  '/directory/',
  '/place/moskva/',
  '/author/natalya-petrova/',
  `/search/?q=${encodeURIComponent('переговоры')}`,
  '/offline/',
  '/404.html',
];
const HOSTILE_PAGES = ['/doc/entity-script/', '/doc/not-characters/', '/directory/', '/place/name/'];

let browser: Browser;
let fixtureHeaders: StaticServer;
let hostileHeaders: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtureHeaders = await serveWithHeaders(inject('siteDir'));
  hostileHeaders = await serveWithHeaders(inject('hostileDir'));
});

afterAll(async () => {
  await browser?.close();
  await fixtureHeaders?.close();
  await hostileHeaders?.close();
});

async function* htmlFiles(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) yield join(entry.parentPath, entry.name);
  }
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A browser context that records every policy violation and every console line about one. */
async function watchedContext(): Promise<{ context: BrowserContext; violations: string[] }> {
  const context = await browser.newContext();
  const violations: string[] = [];
  await context.addInitScript(() => {
    window.addEventListener('securitypolicyviolation', (event) => {
      const seen = ((window as unknown as { violations?: string[] }).violations ??= []);
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/iu.test(message.text())) violations.push(message.text());
  });
  context.on('weberror', (error) => violations.push(`page error: ${error.error().message}`));
  return { context, violations };
}

type Delivery = 'meta' | 'header';

// Opens a page and checks that the policy is in force on it, as a tag or as a header.
async function openWithPolicy(page: Page, url: string, delivery: Delivery): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  const policy =
    delivery === 'meta'
      ? await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')
      : ((await response?.allHeaders()) ?? {})['content-security-policy'];
  expect(policy, url).toBe(contentSecurityPolicy(delivery));
}

// Loads a page under the policy and collects the violations it reported.
async function visit(page: Page, url: string, delivery: Delivery, violations: string[]): Promise<void> {
  await openWithPolicy(page, url, delivery);
  // The search page has done its work (worker, WebAssembly, index) once results are shown.
  if (url.includes('/search/?q=')) await searchResults(page).first().waitFor();
  await page.waitForLoadState('networkidle');
  const seen = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
  violations.push(...seen.map((violation) => `${url}: ${violation}`));
}

describe('the security policy of every page', () => {
  it('stands first in the head of every built page, with the referrer policy', async () => {
    const policy = contentSecurityPolicy();
    let pages = 0;
    for (const site of [inject('siteDir'), inject('readingDir'), inject('hostileDir')]) {
      for await (const file of htmlFiles(site)) {
        const html = await readFile(file, 'utf8');
        const head = /<head>(.*?)<\/head>/su.exec(html)?.[1] ?? '';
        expect(head.startsWith('<meta charset="utf-8">'), file).toBe(true);
        expect(head, file).toContain(
          `<meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"><meta name="referrer" content="${REFERRER_POLICY}">`,
        );
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThan(60);
  });

  it('allows each inline script and style a page holds by its hash, and no page has inline handlers', async () => {
    const policy = contentSecurityPolicy();
    for await (const file of htmlFiles(inject('siteDir'))) {
      const html = await readFile(file, 'utf8');
      for (const [, tag = '', attributes = '', body = ''] of html.matchAll(
        /<(script|style)\b([^>]*)>(.*?)<\/\1>/gsu,
      )) {
        if (/\bsrc=|application\/ld\+json/u.test(attributes)) continue;
        expect(policy, `${file}: inline ${tag}`).toContain(sha256(body));
      }
      expect(html, file).not.toMatch(/<[a-z][^>]*\son[a-z]+=/u);
    }
  });

  it('is sent as a header, with frame-ancestors, by hosts that read _headers', async () => {
    const response = await fetch(`${fixtureHeaders.url}/doc/kremlin-negotiations/`);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header'));
    expect(response.headers.get('referrer-policy')).toBe(REFERRER_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const css = await readdir(join(inject('siteDir'), '_astro'));
    const asset = await fetch(`${fixtureHeaders.url}/_astro/${css[0]}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const worker = await fetch(`${fixtureHeaders.url}/sw.js`);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  for (const delivery of ['meta', 'header'] as const) {
    it(`logs no violation on any page type, with the policy as ${delivery}`, async () => {
      const fixture = delivery === 'meta' ? inject('siteUrl') : fixtureHeaders.url;
      const hostile = delivery === 'meta' ? inject('hostileUrl') : hostileHeaders.url;
      const { context, violations } = await watchedContext();
      const page = await context.newPage();
      for (const path of FIXTURE_PAGES) await visit(page, `${fixture}${path}`, delivery, violations);
      for (const path of HOSTILE_PAGES) await visit(page, `${hostile}${path}`, delivery, violations);
      await context.close();
      expect(violations).toEqual([]);
    });

    it(`keeps search, the theme toggle, the service worker and offline reading working (${delivery})`, async () => {
      const site = delivery === 'meta' ? inject('siteUrl') : fixtureHeaders.url;
      const { context, violations } = await watchedContext();
      const page = await context.newPage();
      await openWithPolicy(page, `${site}/search/?q=${encodeURIComponent('Кремле')}`, delivery);
      await searchResults(page).first().waitFor();
      await page.goto(`${site}/doc/kremlin-negotiations/?highlight=${encodeURIComponent('Кремле')}`);
      await page.locator('mark.pagefind-highlight').first().waitFor();
      const toggle = page.getByRole('button', { name: 'Тёмная тема' });
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      await waitForServiceWorker(page);
      await page.goto(`${site}/offline/`);
      await page.locator('archive-saver[data-state="saved"]').waitFor();
      await context.setOffline(true);
      await page.goto(`${site}/doc/hard-wraps/`);
      expect(await page.locator('h1').textContent()).not.toBe('');
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      await context.close();
      expect(violations).toEqual([]);
    });
  }
});
