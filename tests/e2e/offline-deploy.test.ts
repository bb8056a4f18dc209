import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { searchResults, setNetwork, waitForServiceWorker } from '../support/offline-browser.ts';
import {
  buildOf,
  controllingBuild,
  holdBackDeploy,
  servedFile,
  snapshot,
  takeDeploy,
  type HeldDeploy,
} from '../support/offline-deploy.ts';
import { serveOffline, type OfflineServer } from '../support/offline-server.ts';

const seeds = resolve('tests/.output/offline-deploy-seeds');
// The first build, as a stale cache in front of the host would serve it.
const previous = resolve('tests/.output/offline-deploy/previous');
// The fixture site as the global setup builds it, so the first build can be compared with that one.
const env = { PAGE_SIZE: '3' };
// A document dated after all others, with words no other document has.
const added = {
  file: 'meteorite.txt',
  url: 'doc/meteorite/',
  title: 'Над Челябинском пролетел метеорит',
  text: ' date 2026-01-15 Над Челябинском пролетел метеорит\n\nЯркий метеорит видели жители трёх областей.\n\nЧелябинск, Анна Смирнова\n',
};
let browser: Browser;
let context: BrowserContext;
let server: OfflineServer;
let page: Page;
let outDir: string;
let first: Map<string, string>;
let deploy: HeldDeploy;
// Output paths fetched by an install that failed, which the next one need not fetch again.
let tried: string[] = [];

beforeAll(async () => {
  rmSync(resolve('tests/.output/offline-deploy'), { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  rmSync(seeds, { recursive: true, force: true });
  cpSync('tests/fixtures/seeds', seeds, { recursive: true });
  const site = buildFixtureSite('offline-deploy', seeds, env);
  if (site.status !== 0) throw new Error(site.output);
  outDir = site.outDir;
  first = snapshot(outDir);
  server = await serveOffline(outDir);
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('the identity of a build', () => {
  it('comes from its content: no page carries it, and a clean build of the same documents has the same one', () => {
    const build = buildOf(outDir);
    const pages = [...first.keys()].filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const carrying = pages.filter((path) => readFileSync(join(outDir, path), 'utf8').includes(build));
    expect(carrying).toEqual([]);
    const global = snapshot(inject('siteDir'));
    expect([...first.keys()]).toEqual([...global.keys()]);
    expect([...first].filter(([path, digest]) => global.get(path) !== digest).map(([path]) => path)).toEqual(
      [],
    );
  });
});

describe('a deploy that adds a document to an archive precached whole', () => {
  it('shows the new document only with a search that finds it while the previous worker is in control', async () => {
    await page.goto(server.url);
    await waitForServiceWorker(page);
    deploy = holdBackDeploy(server, outDir, () => {
      cpSync(outDir, previous, { recursive: true });
      writeFileSync(join(seeds, added.file), added.text);
      const site = buildFixtureSite('offline-deploy', seeds, env);
      if (site.status !== 0) throw new Error(site.output);
    });

    await page.goto(`${server.url}${added.url}`);
    await expect(page.locator('h1').textContent()).resolves.toContain(added.title);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('метеорит')}`);
    await page.locator(searchResults, { hasText: added.title }).first().waitFor();
    expect(await controllingBuild(page, '/')).toBe(deploy.previous);
  });

  it('does not take over while the host serves a stale copy of a file it precaches', async () => {
    expect(deploy.changed).toContain('index.html');
    server.refuse(null);
    server.serveStale(/^\/(?:index\.html)?$/u, previous);
    const mark = server.requests.length;
    try {
      const state = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
        const worker = registration.installing;
        if (!worker) return 'no update';
        return new Promise<string>((done) => {
          const settle = (): void => {
            if (worker.state === 'redundant' || worker.state === 'activated') done(worker.state);
          };
          worker.addEventListener('statechange', settle);
          settle();
        });
      });
      expect(state).toBe('redundant');
      expect(await controllingBuild(page, '/')).toBe(deploy.previous);
      tried = server.requests.slice(mark).map((request) => servedFile(request, '/'));
    } finally {
      server.serveStale(null);
    }
  });

  it('fetches only what the deploy changed, keeps the rest and reads the new document and its search offline', async () => {
    const fetched = await takeDeploy(page, server, outDir, deploy);
    expect([...tried, ...fetched]).toContain(`${added.url}index.html`);
    const unchanged = [...first.keys()].find((path) => path.startsWith('doc/') && !deploy.changed.has(path));
    expect(unchanged).toBeDefined();

    await setNetwork(context, server, false);
    const before = server.requests.length;
    await page.goto(`${server.url}${unchanged?.replace(/index\.html$/u, '')}`);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('метеорит')}`);
    await page.locator(searchResults, { hasText: added.title }).first().click();
    await page.waitForURL(/\/doc\/meteorite\/(?:\?highlight=.*)?$/u);
    await expect(page.locator('h1').textContent()).resolves.toContain(added.title);
    expect(server.requests.length).toBe(before);
    await setNetwork(context, server, true);
  });
});
