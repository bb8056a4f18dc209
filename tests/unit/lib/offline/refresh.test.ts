import { describe, expect, it } from 'vitest';
import type { ArchivePage } from '../../../../src/lib/offline/plan.ts';
import {
  isRetryDue,
  planRefresh,
  planSeeding,
  staleEntries,
  type SavedState,
} from '../../../../src/lib/offline/refresh.ts';

const page = (name: string, revision: string): ArchivePage => ({
  url: `/doc/${name}/`,
  title: name,
  bytes: 10,
  revision,
  size: 30,
});
// The deploy: `a` unchanged, `b` changed, `c` new, `gone` removed; one list page, changed.
const pages: ArchivePage[] = [
  page('a', 'a1'),
  page('b', 'b2'),
  page('c', 'c1'),
  { ...page('list', 'l2'), url: '/page/2/' },
];
// Fragments of a, b and c, and an index file outside the shell.
const searchFiles = [
  ...['a', 'b', 'c'].map((name) => ({
    url: `/pagefind/fragment/${name}.pf_fragment`,
    bytes: 5,
    revision: name,
    size: 9,
  })),
  { url: '/pagefind/index/ru_2.pf_index', bytes: 50, revision: 'i2', size: 90 },
];
const nothing: SavedState = {
  pages: [],
  precachedPages: [],
  search: new Set(),
  precachedSearch: new Set(),
  whole: false,
};

describe('refreshing a saved archive after a deploy', () => {
  it('fetches again only the pages read before whose revision changed, and nothing for search', () => {
    const plan = planRefresh(pages, searchFiles, {
      ...nothing,
      pages: [
        { url: '/doc/a/', revision: 'a1' },
        { url: '/doc/b/', revision: 'b1' },
        { url: '/doc/gone/', revision: 'g1' },
      ],
      search: new Set(['/pagefind/fragment/a.pf_fragment']),
    });
    expect(plan).toEqual({
      adoptPages: [],
      adoptSearch: [],
      fetchPages: [{ url: '/doc/b/', revision: 'b2', bytes: 10 }],
      fetchSearch: [],
      whole: false,
    });
  });

  it('brings a whole saved archive up to date: new pages and the search files it lacks', () => {
    const plan = planRefresh(pages, searchFiles, {
      ...nothing,
      pages: [
        { url: '/doc/a/', revision: 'a1' },
        { url: '/doc/b/', revision: 'b1' },
        { url: '/page/2/', revision: 'l1' },
      ],
      search: new Set(['/pagefind/fragment/a.pf_fragment', '/pagefind/fragment/b.pf_fragment']),
      whole: true,
    });
    expect(plan.fetchPages.map((entry) => entry.url)).toEqual(['/doc/b/', '/doc/c/', '/page/2/']);
    expect(plan.fetchSearch).toEqual([
      { url: '/pagefind/fragment/c.pf_fragment', bytes: 5, revision: 'c', size: 9 },
      { url: '/pagefind/index/ru_2.pf_index', bytes: 50, revision: 'i2', size: 90 },
    ]);
    expect(plan.whole).toBe(true);
  });

  it("takes over the pages and fragments the previous build's worker precached, and keeps the archive whole", () => {
    const plan = planRefresh(pages, searchFiles, {
      ...nothing,
      precachedPages: [
        { url: '/index.html', revision: 'h1' },
        { url: '/doc/a/index.html', revision: 'a1' },
        { url: '/doc/b/index.html', revision: 'b1' },
      ],
      precachedSearch: new Set(['/pagefind/fragment/a.pf_fragment', '/pagefind/index/ru_2.pf_index']),
    });
    expect(plan.adoptPages).toEqual([
      { from: { url: '/doc/a/index.html', revision: 'a1' }, to: { url: '/doc/a/', revision: 'a1' } },
    ]);
    expect(plan.fetchPages.map((entry) => entry.url)).toEqual(['/doc/b/', '/doc/c/', '/page/2/']);
    expect(plan.adoptSearch).toEqual(['/pagefind/fragment/a.pf_fragment', '/pagefind/index/ru_2.pf_index']);
    expect(plan.whole).toBe(true);
  });

  it('reads nothing into a whole archive that the shell alone was precached for', () => {
    const plan = planRefresh(pages, searchFiles, {
      ...nothing,
      precachedPages: [{ url: '/index.html', revision: 'h1' }],
    });
    expect(plan.whole).toBe(false);
    expect(plan.fetchPages).toEqual([]);
  });
});

describe('moving copies into the precache of an archive that now fits the budget', () => {
  it('takes the pages held at the precached revision and the search files held by name', () => {
    const seeds = planSeeding(
      [
        { url: '/doc/a/index.html', revision: 'a1' },
        { url: '/doc/b/index.html', revision: 'b2' },
        { url: '/pagefind/fragment/a.pf_fragment', revision: null },
        { url: '/_astro/site.css', revision: null },
      ],
      [
        { url: '/doc/a/', revision: 'a1' },
        { url: '/doc/b/', revision: 'b1' },
      ],
      new Set(['/pagefind/fragment/a.pf_fragment']),
    );
    expect(seeds).toEqual([
      { url: '/doc/a/index.html', from: '/doc/a/?archive-revision=a1', cache: 'pages' },
      { url: '/pagefind/fragment/a.pf_fragment', from: '/pagefind/fragment/a.pf_fragment', cache: 'search' },
    ]);
  });
});

describe('what a new build drops when it takes over', () => {
  const held = {
    pages: [
      { url: '/doc/a/', revision: 'a1' },
      { url: '/doc/b/', revision: 'b1' },
      { url: '/doc/b/', revision: 'b2' },
      { url: '/doc/gone/', revision: 'g1' },
    ],
    search: new Set([
      '/pagefind/fragment/a.pf_fragment',
      '/pagefind/fragment/gone.pf_fragment',
      '/pagefind/index/ru_1.pf_index',
      '/pagefind/index/ru_2.pf_index',
    ]),
  };

  it('drops pages at an old revision, pages that are gone and search files nothing names any more', () => {
    expect(staleEntries('on-demand', pages, searchFiles, [], held)).toEqual({
      pages: [
        { url: '/doc/b/', revision: 'b1' },
        { url: '/doc/gone/', revision: 'g1' },
      ],
      search: ['/pagefind/fragment/gone.pf_fragment', '/pagefind/index/ru_1.pf_index'],
    });
  });

  it('keeps the older copy of a page whose copy of the new build is not stored', () => {
    const failed = { ...held, pages: held.pages.filter((key) => key.revision !== 'b2') };
    expect(staleEntries('on-demand', pages, searchFiles, [], failed).pages).toEqual([
      { url: '/doc/gone/', revision: 'g1' },
    ]);
  });

  it('drops every runtime copy of what it precaches', () => {
    const stale = staleEntries(
      'precache',
      pages,
      [],
      [{ url: '/pagefind/fragment/a.pf_fragment', revision: null }],
      held,
    );
    expect(stale.pages).toEqual(held.pages);
    expect(stale.search).toContain('/pagefind/fragment/a.pf_fragment');
  });
});

describe('fetching again what an update left', () => {
  it('runs at once the first time, then waits five minutes between retries', () => {
    const now = 1_000_000_000;
    expect(isRetryDue(undefined, now)).toBe(true);
    expect(isRetryDue(now - 60_000, now)).toBe(false);
    expect(isRetryDue(now - 5 * 60_000, now)).toBe(true);
  });
});
