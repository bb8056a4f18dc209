import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/integrations/output/build-report.ts';
import { changedFiles, distFiles, servedPath } from '../support/dist-files.ts';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { generateSeeds } from '../support/generate-seeds.ts';

// 24 generated documents, one a day from 2020-01-01, five to a list page; then one more, a day
// after the newest, as an archive grows.
const seeds = resolve('tests/.output/rebuild-seeds');
const env = { PAGE_SIZE: '5' };
const added = 'generated-00024';

// Not yet the same across clean builds, and owned by other parts of the build (listed so the test
// names what remains; empty once they are): none.
const OTHERS: RegExp[] = [];

interface Build {
  site: FixtureSite;
  files: Map<string, Buffer>;
  report: BuildReport | undefined;
}

let builds: Record<'first' | 'second' | 'unchanged' | 'grown' | 'fresh' | 'shrunk', Build>;

function build(name: string, cache: 'clear' | 'keep', settings: Record<string, string> = {}): Build {
  const site = buildFixtureSite(name, seeds, { ...env, ...settings }, [], { cache });
  if (site.status !== 0) throw new Error(`build ${name} failed:\n${site.output}`);
  const report = existsSync(site.buildReport)
    ? (JSON.parse(readFileSync(site.buildReport, 'utf8')) as BuildReport)
    : undefined;
  return { site, files: distFiles(site.outDir), report };
}

function report(which: keyof typeof builds): BuildReport {
  const written = builds[which].report;
  if (!written) throw new Error(`the ${which} build wrote no build report`);
  return written;
}

// Pages with a cache key: every dynamic route (documents, numbered lists, years, months, names).
const keyed = /^\/(?:doc|page|place|author|archive\/\d{4})\//u;

beforeAll(() => {
  rmSync(seeds, { recursive: true, force: true });
  generateSeeds(seeds, 24);
  const first = build('rebuild-a', 'clear');
  const second = build('rebuild-b', 'clear');
  // Build settings that change no page (where reports go, how many threads) differ from the last build's.
  const unchanged = build('rebuild-b', 'keep', {
    SEARCH_REPORT: resolve('tests/.output/rebuild-b/search-index-again.json'),
    INGEST_REPORT: resolve('tests/.output/rebuild-b/ingest-again.json'),
    SYNC_THREADS: '1',
  });
  const text =
    ' date 2020-01-25 Материал 25: переговоры о бюджете города\n\nДепутаты обсудили бюджет города.\n\nМосква, Наталья Петрова\n';
  writeFileSync(join(seeds, `${added}.txt`), text);
  const grown = build('rebuild-b', 'keep');
  const fresh = build('rebuild-a', 'clear');
  rmSync(join(seeds, `${added}.txt`));
  const shrunk = build('rebuild-b', 'keep');
  builds = { first, second, unchanged, grown, fresh, shrunk };
}, 600_000);

describe('building the same archive again', () => {
  it('gives the same bytes from two clean builds, apart from what others still own', () => {
    const differing = changedFiles(builds.first.files, builds.second.files);
    expect(builds.first.files.size).toBeGreaterThan(60);
    expect(differing.filter((path) => !OTHERS.some((pattern) => pattern.test(path)))).toEqual([]);
  });

  it('parses no seed and renders no page with a key when no document changed, whatever the reports and threads, and changes no byte', () => {
    const { sync, pages, rendered } = report('unchanged');
    expect(sync).toEqual({ files: 24, reused: 24, parsed: 0, rendered: 0 });
    expect(rendered.filter((path) => keyed.test(path))).toEqual([]);
    expect(pages.reused).toBe(pages.listed - rendered.length);
    const differing = changedFiles(builds.second.files, builds.unchanged.files);
    expect(differing.filter((path) => !OTHERS.some((pattern) => pattern.test(path)))).toEqual([]);
  });
});

describe('building after one added document', () => {
  it('gives the bytes a clean build of the grown archive gives', () => {
    const differing = changedFiles(builds.fresh.files, builds.grown.files);
    expect(differing.filter((path) => !OTHERS.some((pattern) => pattern.test(path)))).toEqual([]);
  });

  it('parses and renders the new seed alone', () => {
    expect(report('grown').sync).toEqual({ files: 25, reused: 24, parsed: 1, rendered: 1 });
  });

  it('renders exactly the pages that changed, and no page that did not', () => {
    const changed = new Set(
      changedFiles(builds.unchanged.files, builds.grown.files)
        .filter((file) => file.endsWith('.html'))
        .map(servedPath),
    );
    const rendered = report('grown').rendered.filter((path) => keyed.test(path));
    expect(rendered.filter((path) => !changed.has(path))).toEqual([]);
    expect([...changed].filter((path) => keyed.test(path) && !rendered.includes(path))).toEqual([]);
  });

  it('renders no document page but the new one and those that now link to it', () => {
    const documents = report('grown').rendered.filter((path) => path.startsWith('/doc/'));
    expect(documents).toContain(`/doc/${added}/`);
    for (const path of documents.filter((path) => path !== `/doc/${added}/`)) {
      const html = builds.grown.files.get(`${path.slice(1)}index.html`)?.toString('utf8') ?? '';
      expect(html, path).toContain(`/doc/${added}/`);
    }
    // The newest before it gains a "newer" link; the other 23 may at most list it as related.
    expect(documents).toContain('/doc/generated-00023/');
    expect(documents.length).toBeLessThan(8);
  });

  it('changes only the newest numbered page of each list', () => {
    const changed = changedFiles(builds.unchanged.files, builds.grown.files).map(servedPath);
    expect(changed.filter((path) => path.startsWith('/page/'))).toEqual(['/page/4/', '/page/5/']);
    const numbered = /^\/(place|author)\/([^/]+)\/(\d+)\/$/u;
    for (const path of changed) {
      const match = numbered.exec(path);
      if (!match) continue;
      const newest = Math.max(
        ...[...builds.grown.files.keys()]
          .map((file) => numbered.exec(servedPath(file)))
          .filter((other) => other?.[1] === match[1] && other?.[2] === match[2])
          .map((other) => Number(other?.[3] ?? 0)),
      );
      expect(Number(match[3]), path).toBeGreaterThanOrEqual(newest - 1);
    }
  });
});

describe('building after a document is deleted', () => {
  it('gives the bytes a clean build of what is left gives, with no page of the deleted one', () => {
    expect(report('shrunk').sync).toEqual({ files: 24, reused: 24, parsed: 0, rendered: 0 });
    expect(builds.shrunk.files.has(`doc/${added}/index.html`)).toBe(false);
    const differing = changedFiles(builds.first.files, builds.shrunk.files);
    expect(differing.filter((path) => !OTHERS.some((pattern) => pattern.test(path)))).toEqual([]);
  });
});
