import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('siteDir');
// Typography binds short words to the next one with a non-breaking space.
const NBSP = '\u00a0';
const page = (path: string) => readFile(join(dist, path), 'utf8');

describe('building the fixture archive', () => {
  it('renders one page per readable document under /doc/<file-name>/', async () => {
    const html = await page('doc/kremlin-negotiations/index.html');
    expect(html).toContain('<html lang="ru"');
    expect(html).toMatch(/<h1[^>]*>В\u00a0Кремле рассказали о\u00a0новых контактах/u);
    expect(html).toMatch(/<time datetime="2025-12-26"[^>]*>26 декабря 2025<\/time>/u);
    expect(html).toContain('Наталья Петрова');
    // The search index is made from the records, not read from pages: no page carries its markup.
    expect(html).not.toContain('data-pagefind');
  });

  it('joins hard-wrapped lines and keeps the dateline out of the body', async () => {
    const html = await page('doc/hard-wraps/index.html');
    expect(html).toContain(
      `<p>В${NBSP}Петербурге ожидается сильный гололёд: строки этого абзаца разорваны переносами.</p>`,
    );
    expect(html).not.toContain('<p>Санкт-Петербург, Иван Сидоров</p>');
    expect(html).toContain('Иван Сидоров');
  });

  it('prints markup-looking text literally and never as HTML', async () => {
    const html = await page('doc/literal-markup/index.html');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toMatch(/<b onclick/u);
    expect(html).toContain(`<p>*звёздочки* и${NBSP}# решётка</p>`);
    expect(html).toContain(`<p>1. не${NBSP}список</p>`);
    expect(html).toContain('[ссылка](javascript:alert(1))');
  });

  it('lists the problems of unreadable documents and builds the rest', async () => {
    const report = JSON.parse(await readFile(inject('siteReport'), 'utf8')) as {
      documents: number;
      problems: { file: string; line: number; reason: string }[];
    };
    expect(report.documents).toBe(5);
    expect(report.problems.map((problem) => problem.file).sort()).toEqual([
      'empty.txt',
      'impossible-date.txt',
      'no-header.txt',
    ]);
    expect(inject('siteBuildOutput')).toContain(
      'impossible-date.txt:1: error: date 2025-13-45 does not exist',
    );
    expect(inject('siteBuildOutput')).toContain('5 documents, 3 problems');
  });

  it('shows the newest documents on the home page and numbers the list pages from the oldest', async () => {
    const home = await page('index.html');
    const titles = [...home.matchAll(/<h2[^>]*><a [^>]*>([^<]+)<\/a>/gu)].map((match) =>
      match[1]?.replaceAll(NBSP, ' '),
    );
    expect(titles).toEqual([
      'В Кремле рассказали о новых контактах России и США по итогам визита Дмитриева в Майами',
      'Жёсткий гололёд в Петербурге',
      'Текст, который выглядит как разметка',
    ]);
    expect(home).toContain('href="/page/1/"');
    expect(await page('page/1/index.html')).toContain(`Заголовок с${NBSP}табуляцией`);
  });

  it('marks no element for a component style: styles select their component by its own class', async () => {
    for (const file of ['doc/kremlin-negotiations/index.html', 'index.html', 'search/index.html']) {
      const html = await page(file);
      expect(html).not.toContain('data-astro-cid-');
      expect(html).not.toMatch(/\bastro-[a-z0-9]{8}\b/u);
      expect(html).toContain('<header class="site-header"');
    }
  });

  it('carries search in place as an empty host that the script fills when search first opens', async () => {
    const html = await page('doc/kremlin-negotiations/index.html');
    expect(html).toMatch(/<search-dialog [^>]*data-page="[^"]*\/search\/"[^>]*><\/search-dialog>/u);
    expect(html).not.toContain('<dialog');
  });

  it('writes a search index with Russian stemming', async () => {
    const entry = JSON.parse(await page('pagefind/pagefind-entry.json')) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['ru']);
  });

  it('indexes the documents alone, beside the render, and says which bundles it indexed', () => {
    const output = inject('siteBuildOutput');
    // The fixture's build cache may already hold the bundle from an earlier run.
    expect(output).toMatch(
      /5 documents in 1 bundle: (?:1 indexed \(pagefind\/ 5 in [\d.]+ s, 1 of 1 runs indexed\), 0 reused|0 indexed, 1 reused)/u,
    );
    expect(output).toMatch(
      /build phases: .*render [\d.]+ s \([^)]*\) · render \(paths\) [\d.]+ s · search [\d.]+ s · search \(parallel\) [\d.]+ s · vocabulary [\d.]+ s · vocabulary \(parallel\) [\d.]+ s/u,
    );
  });
});
