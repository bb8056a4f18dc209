import { describe, expect, it } from 'vitest';
import {
  archivePages,
  fileRole,
  isHashedSearchFile,
  isSearchEntryFile,
  knownRoles,
  pageUrl,
  planOffline,
  searchFilesByBundle,
  type BuiltFile,
} from '../../../../src/lib/offline/plan.ts';
import { searchFileKind } from '../../../../src/lib/search/files.ts';

// The roles the search step gives its files (here, every file of a `pagefind…/` folder).
const searchRoles = (paths: readonly string[]) =>
  knownRoles(
    paths
      .filter((path) => path.startsWith('pagefind'))
      .map((path) => ({ path, ...searchFileKind(path.slice(path.indexOf('/') + 1)) })),
    [],
  );
const role = (path: string) => fileRole(path, searchRoles([path]));

const files: BuiltFile[] = [
  { path: 'index.html', bytes: 1000 },
  { path: 'search/index.html', bytes: 1000 },
  { path: 'offline/index.html', bytes: 1000 },
  { path: '404.html', bytes: 500 },
  { path: '_astro/site.Ab12.css', bytes: 2000 },
  { path: 'pagefind/pagefind.js', bytes: 3000 },
  { path: 'pagefind/pagefind-entry.json', bytes: 100 },
  { path: 'pagefind/wasm.ru.pagefind', bytes: 5000 },
  { path: 'pagefind/index/ru_1.pf_index', bytes: 4000 },
  { path: 'pagefind/pagefind-ui.js', bytes: 9000 },
  { path: 'doc/a/index.html', bytes: 700, revision: 'a1', size: 2100 },
  { path: 'doc/b/index.html', bytes: 800, revision: 'b1' },
  { path: 'page/2/index.html', bytes: 600 },
  { path: 'pagefind/fragment/ru_a.pf_fragment', bytes: 300, revision: 'fa', size: 600 },
  { path: 'pagefind/fragment/ru_b.pf_fragment', bytes: 200 },
  { path: 'rss.xml', bytes: 4000 },
  { path: 'sw.js', bytes: 9000 },
];
const shellBytes = 1000 + 1000 + 1000 + 500 + 2000 + 3000 + 100 + 5000 + 4000;
const archiveBytes = 700 + 800 + 600 + 300 + 200;
const known = searchRoles(files.map((file) => file.path));

describe('offline plan', () => {
  it('sorts the shell, the search runtime, pages, fragments and files left out', () => {
    expect(role('search/index.html')).toBe('shell');
    expect(role('pagefind/filter/ru_1.pf_filter')).toBe('shell');
    expect(role('pagefind/pagefind.ru_1.pf_meta')).toBe('shell');
    expect(role('pagefind/pagefind-modular-ui.css')).toBe('none');
    expect(role('pagefind/pagefind-component-ui.js')).toBe('none');
    expect(role('doc/a/index.html')).toBe('page');
    expect(role('pagefind/fragment/ru_a.pf_fragment')).toBe('fragment');
    expect(role('pagefind/index/ru_1.pf_index')).toBe('index');
    expect(role('workbox-1234.js')).toBe('none');
    expect(role('sitemap-index.xml')).toBe('none');
  });

  it('precaches folders the search page needs with the shell', () => {
    const shell = knownRoles([], ['search-words/ru.json']);
    expect(fileRole('search-words/ru.json')).toBe('none');
    expect(fileRole('search-words/ru.json', shell)).toBe('shell');
    const plan = planOffline([{ path: 'search-words/ru.json', bytes: 10 }], 0, shell);
    expect(plan).toMatchObject({ shellBytes: 10, precache: ['search-words/ru.json'] });
  });

  it('precaches the whole archive when it fits the budget', () => {
    const plan = planOffline(files, shellBytes + archiveBytes, known);
    expect(plan).toMatchObject({ mode: 'precache', shellBytes, archiveBytes });
    expect(plan.precache).toContain('doc/a/index.html');
    expect(plan.precache).toContain('pagefind/fragment/ru_b.pf_fragment');
    expect(plan.precache).not.toContain('pagefind/pagefind-ui.js');
  });

  it('precaches only the shell and search runtime when the archive is over budget', () => {
    const plan = planOffline(files, shellBytes + archiveBytes - 1, known);
    expect(plan.mode).toBe('on-demand');
    expect(plan.precache).toContain('pagefind/index/ru_1.pf_index');
    expect(plan.precache).toContain('index.html');
    expect(plan.precache.some((path) => path.startsWith('doc/') || path.includes('fragment'))).toBe(false);
    expect(plan.searchFiles).toEqual([]);
  });

  it('leaves the search index to be fetched as searched when the shell would pass the budget with it', () => {
    const plan = planOffline(files, shellBytes - 1, known);
    expect(plan).toMatchObject({
      mode: 'on-demand',
      shellBytes: shellBytes - 4000,
      archiveBytes: archiveBytes + 4000,
      searchFiles: ['pagefind/index/ru_1.pf_index'],
    });
    expect(plan.precache).not.toContain('pagefind/index/ru_1.pf_index');
    expect(plan.precache).toContain('pagefind/pagefind.js');
  });

  it('lists the fragments and the index files left out of the shell by bundle, for the archive to save', () => {
    const bundled = [
      ...files,
      { path: 'pagefind-k2/fragment/ru_group_1.pf_fragment', bytes: 900 },
      { path: 'pagefind-k2/index/ru_5.pf_index', bytes: 800 },
    ];
    const plan = { searchFiles: ['pagefind/index/ru_1.pf_index'] };
    const lists = searchFilesByBundle('/news/', bundled, plan, searchRoles(bundled.map((file) => file.path)));
    expect([...lists]).toEqual([
      [
        'pagefind-k2/',
        [{ url: '/news/pagefind-k2/fragment/ru_group_1.pf_fragment', bytes: 900, revision: '', size: 900 }],
      ],
      [
        'pagefind/',
        [
          { url: '/news/pagefind/index/ru_1.pf_index', bytes: 4000, revision: '', size: 4000 },
          { url: '/news/pagefind/fragment/ru_a.pf_fragment', bytes: 300, revision: 'fa', size: 600 },
          { url: '/news/pagefind/fragment/ru_b.pf_fragment', bytes: 200, revision: '', size: 200 },
        ],
      ],
    ]);
  });

  it('turns output paths into page URLs under the base path', () => {
    expect(pageUrl('/', 'index.html')).toBe('/');
    expect(pageUrl('/archive/', 'doc/a/index.html')).toBe('/archive/doc/a/');
    expect(pageUrl('/archive', '404.html')).toBe('/archive/404.html');
  });

  it('lists pages with their titles, sizes and revisions, in URL order', () => {
    const titles = new Map([
      ['/archive/doc/b/', 'Б'],
      ['/archive/doc/a/', 'А'],
    ]);
    expect(archivePages('/archive/', files, titles)).toEqual([
      { url: '/archive/doc/a/', title: 'А', bytes: 700, revision: 'a1', size: 2100 },
      { url: '/archive/doc/b/', title: 'Б', bytes: 800, revision: 'b1', size: 800 },
      { url: '/archive/page/2/', title: null, bytes: 600, revision: '', size: 600 },
    ]);
  });
});

describe('the search bundles of a large archive', () => {
  it('treats each bundle as the first: runtime in the shell, index apart, fragments with pages', () => {
    expect(role('pagefind-2019a/pagefind-entry.json')).toBe('shell');
    expect(role('pagefind-2019a/fragment/ru_a.pf_fragment')).toBe('fragment');
    expect(role('pagefind-3/pagefind-entry.json')).toBe('shell');
    expect(role('pagefind-3/pagefind.ru_1a.pf_meta')).toBe('shell');
    expect(role('pagefind-12/index/ru_9.pf_index')).toBe('index');
    expect(role('pagefind-12/filter/ru_9.pf_filter')).toBe('shell');
    expect(role('pagefind-2/fragment/ru_a.pf_fragment')).toBe('fragment');
    expect(role('pagefind-2/pagefind-component-ui.js')).toBe('none');
    expect(role('pagefind/shards.json')).toBe('shell');
  });

  it('takes the roles of search files from the search step, never from their paths', () => {
    expect(fileRole('pagefind/fragment/ru_a.pf_fragment')).toBe('none');
    expect(fileRole('pagefind/index/ru_1.pf_index')).toBe('none');
    expect(fileRole('pagefind-2/filter/ru_9.pf_filter')).toBe('none');
    expect(
      fileRole('pagefind/fragment/ru_a.pf_fragment', searchRoles(['pagefind/fragment/ru_a.pf_fragment'])),
    ).toBe('fragment');
  });

  it('leaves folders that only look like a bundle alone', () => {
    expect(fileRole('pagefind-x-y/fragment/a.pf_fragment')).toBe('none');
    expect(fileRole('pagefinder/fragment/a.pf_fragment')).toBe('none');
    expect(fileRole('pagefind-Key/fragment/a.pf_fragment')).toBe('none');
    expect(fileRole('doc/pagefind-2/index.html')).toBe('page');
  });

  it('tells the files named by their content from those that keep their name between builds', () => {
    for (const path of [
      'pagefind/index/ru_1.pf_index',
      'pagefind-k2/fragment/ru_a.pf_fragment',
      'pagefind/filter/ru_9.pf_filter',
      'pagefind-k2/pagefind.ru_1a.pf_meta',
    ]) {
      expect([path, isHashedSearchFile(path), isSearchEntryFile(path)]).toEqual([path, true, false]);
    }
    for (const path of [
      'pagefind/pagefind-entry.json',
      'pagefind/shards.json',
      'pagefind-k2/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/wasm.ru.pagefind',
    ]) {
      expect([path, isHashedSearchFile(path), isSearchEntryFile(path)]).toEqual([path, false, true]);
    }
    expect(isSearchEntryFile('search/index.html')).toBe(false);
    expect(isSearchEntryFile('pagefind-x-y/pagefind.js')).toBe(false);
  });
});
