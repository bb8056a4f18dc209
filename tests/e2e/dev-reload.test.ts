import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkKey } from '../../src/lib/search/vocabulary.ts';
import { launchBrowser } from '../support/browser.ts';
import { pagefindSearch, type PagefindData } from '../support/pagefind-api.ts';

const root = resolve('tests/.output/dev');
const seeds = join(root, 'seeds');
let server: ChildProcess;
let base: string;
let log = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function fetchText(path: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

// Polls until the page satisfies the check; the dev server applies changes asynchronously.
async function until(
  path: string,
  check: (page: { status: number; text: string }) => boolean,
): Promise<string> {
  const deadline = Date.now() + 45_000;
  let last = { status: 0, text: '' };
  while (Date.now() < deadline) {
    last = await fetchText(path);
    if (check(last)) return last.text;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${path} never matched (last status ${last.status})\n${log.slice(-2000)}`);
}

const seed = (title: string, body: string) => ` date 2024-10-01 ${title}\n\n${body}\n`;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(seeds, { recursive: true });
  await writeFile(join(seeds, 'first.txt'), seed('Первый документ', 'Исходный текст.'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Astro's dev server serves no pages when it sees Vitest's variables, so they are left out.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$)/u.test(key)),
  );
  server = spawn('astro', ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    detached: true,
    env: {
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDS_DIR: seeds,
      ASTRO_CACHE_DIR: join(root, 'cache'),
      INGEST_REPORT: join(root, 'ingest.json'),
    },
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await until('/doc/first/', (page) => page.status === 200);
}, 120_000);

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
});

// Searches the dev server's index from a fresh page until the check holds (the index follows syncs).
async function searchUntil(
  query: string,
  check: (found: PagefindData[]) => boolean,
): Promise<PagefindData[]> {
  browser ??= await launchBrowser();
  const deadline = Date.now() + 45_000;
  let found: PagefindData[] = [];
  while (Date.now() < deadline) {
    // A plain file, not a page: the dev server reloads its pages when the content changes.
    const page = await browser.newPage();
    await page.goto(`${base}/robots.txt`);
    found = await pagefindSearch(page, [query], '/pagefind/', 10)
      .then((answers) => answers[0] ?? [])
      .catch(() => []);
    await page.close();
    if (check(found)) return found;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`search for ${query} never matched: ${JSON.stringify(found)}\n${log.slice(-2000)}`);
}

describe('the dev server', () => {
  it('publishes a seed added while it runs', async () => {
    await writeFile(join(seeds, 'second.txt'), seed('Второй документ', 'Добавлен на лету.'));
    expect(await until('/doc/second/', (page) => page.status === 200)).toContain('Добавлен на лету.');
  });

  it('suggests the words of a seed added while it runs', async () => {
    await writeFile(join(seeds, 'third.txt'), seed('Третий документ', 'Снегоуборщики вышли на улицы.'));
    const chunk = `/search-words/${chunkKey('снегоуборщики')}.json`;
    expect(await until(chunk, (page) => page.text.includes('снегоуборщики'))).toContain(
      '["снегоуборщики",1]',
    );
    await unlink(join(seeds, 'third.txt'));
    await until(chunk, (page) => page.status === 200 && !page.text.includes('снегоуборщики'));
  });

  it('searches the documents of the last sync, each indexed as its body text with its headline as title', async () => {
    const [added] = await searchUntil('лету', (found) => found.some((data) => data.url === '/doc/second/'));
    expect(added).toMatchObject({ content: 'Добавлен на лету.', meta: { title: 'Второй документ' } });
  });

  it('shows an edited seed without a restart', async () => {
    await writeFile(join(seeds, 'first.txt'), seed('Первый документ, исправленный', 'Новый текст.'));
    const text = await until('/doc/first/', (page) => page.text.includes('Новый текст.'));
    expect(text).toContain('Первый документ, исправленный');
    expect(text).not.toContain('Исходный текст.');
    const [edited] = await searchUntil('текст', (found) => found[0]?.content === 'Новый текст.');
    expect(edited?.meta['title']).toBe('Первый документ, исправленный');
  });

  it('drops a deleted seed', async () => {
    expect((await fetchText('/doc/second/')).status).toBe(200);
    await unlink(join(seeds, 'second.txt'));
    await until('/doc/second/', (page) => page.status === 404);
    expect((await fetchText('/')).text).not.toContain('Второй документ');
  });

  it('reports a seed broken while it runs and keeps serving the rest', async () => {
    await writeFile(join(seeds, 'broken.txt'), ' date 2025-13-45 Сломанный\n\nТекст.\n');
    await until(
      '/',
      (page) => page.status === 200 && log.includes('broken.txt:1: error: date 2025-13-45 does not exist'),
    );
    expect((await fetchText('/doc/first/')).status).toBe(200);
  });

  it('shows the results of a corrected typo at once on its search page', async () => {
    browser ??= await launchBrowser();
    const page = await browser.newPage();
    // «докуменр» is no archive word: the page searches «документ» and says so.
    await page.goto(`${base}/search/?q=${encodeURIComponent('докуменр')}`);
    const notice = page.locator('search-app .suggestion');
    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toBe('Показаны результаты по запросу «документ». Искать как написано: «докуменр»');
    await expect(page.locator('search-app [data-search-result]').allTextContents()).resolves.toContain(
      'Первый документ, исправленный',
    );
    await page.close();
  });
});
