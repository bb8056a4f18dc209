import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shardedIndexer } from '../../../src/integrations/search-indexer.ts';
import { shardedIndexerOnThread } from '../../../src/integrations/search-indexer-thread.ts';

const page = (n: number) =>
  `<!doctype html><html lang="ru"><body><main data-pagefind-body><h1>Документ ${n}</h1><p>Снегопад номер ${n}.</p></main></body></html>`;

const pageCount = (folder: string): number => {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
};

let directory: string;
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe.each([
  ['on the build thread', shardedIndexer],
  ['on a thread of its own', shardedIndexerOnThread],
])('indexing pages as they are rendered, %s', (_where, makeIndexer) => {
  it('writes a bundle whenever a shard is full and lists the further bundles', async () => {
    directory = mkdtempSync(join(tmpdir(), 'indexer-'));
    const indexed: number[] = [];
    const indexer = makeIndexer({
      directory,
      base: '/archive/',
      shardSize: 2,
      progress: () => indexed.push(1),
    });
    indexer.expect(5);
    for (const n of [1, 2, 3, 4, 5]) await indexer.add(`/doc/${n}/`, page(n));
    await expect(indexer.finish()).resolves.toEqual({ pages: 5, bundles: 3 });
    expect(indexed).toHaveLength(5);
    expect(readdirSync(directory).sort()).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    expect(JSON.parse(readFileSync(join(directory, 'pagefind', 'shards.json'), 'utf8'))).toEqual([
      '/archive/pagefind-1/',
      '/archive/pagefind-2/',
    ]);
    // shardRanges(5, 2): 2, 1 and 2 pages, in the order they came.
    expect(['pagefind', 'pagefind-1', 'pagefind-2'].map((name) => pageCount(join(directory, name)))).toEqual([
      2, 1, 2,
    ]);
  });

  it('still writes one bundle, and an empty list, when no page came', async () => {
    directory = mkdtempSync(join(tmpdir(), 'indexer-'));
    const indexer = makeIndexer({ directory, base: '/', shardSize: 10 });
    await expect(indexer.finish()).resolves.toEqual({ pages: 0, bundles: 1 });
    expect(readFileSync(join(directory, 'pagefind', 'shards.json'), 'utf8')).toBe('[]');
  });
});

describe('the indexing thread', () => {
  it('reports a page Pagefind rejects at the next step', async () => {
    directory = mkdtempSync(join(tmpdir(), 'indexer-'));
    const indexer = shardedIndexerOnThread({ directory, base: '/', shardSize: 10 });
    await indexer.add('/doc/1/', page(1));
    await indexer.add('not a url at all', 42 as unknown as string);
    await expect(indexer.finish()).rejects.toThrow();
  });
});
