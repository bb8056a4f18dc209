import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { orderedPipe } from '../lib/ordered-pipe.ts';
import { withBase } from '../lib/paths.ts';
import { shardCapacity } from '../lib/search-shards.ts';

/** Where and how the shards of one build are indexed. */
export interface ShardedIndexOptions {
  /** Folder the bundles are written to (`pagefind/`, `pagefind-1/`, …). */
  directory: string;
  /** The site's base path, which bundle URLs in `shards.json` start with. */
  base: string;
  /** Most document pages in one bundle. */
  shardSize: number;
  /** Pagefind's cap on fragment files per language. */
  maxFragments?: number | undefined;
  /** Called after each page is indexed. */
  progress?: () => void;
}

/** Feeds rendered pages to Pagefind's service as they come, one bundle per shard. */
export interface ShardedIndexer {
  /** How many document pages are expected, for even shard sizes (0 when unknown). */
  expect: (pages: number) => void;
  /** Queues one page; resolves at once unless Pagefind is far behind. */
  add: (url: string, content: string) => Promise<void>;
  /** Writes the last shard and `pagefind/shards.json`; resolves with pages and bundles written. */
  finish: () => Promise<{ pages: number; bundles: number }>;
}

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

// Pages sent to Pagefind's service before waiting for its answers: enough to keep it busy.
const IN_FLIGHT = 32;
// Pages waiting for the service before rendering waits for it; a few MB of HTML.
const QUEUE_LIMIT = 500;

/**
 * Starts an indexer: one Pagefind service per shard, written and closed when the shard is full,
 * so at most one shard's index is in memory. The service runs in its own process, so it indexes
 * on another core while Astro renders.
 */
export function shardedIndexer(options: ShardedIndexOptions): ShardedIndexer {
  let expected = 0;
  let index: pagefind.PagefindIndex | undefined;
  let shard = 0;
  let inShard = 0;
  let pages = 0;
  const bundles: string[] = [];
  const inFlight = new Set<Promise<void>>();
  // The first error of a page in flight, thrown by the next step (a rejected promise nobody awaits
  // yet would end the process).
  let failure: Error | undefined;
  const check = (): void => {
    if (failure) throw failure;
  };

  async function open(): Promise<pagefind.PagefindIndex> {
    const config = options.maxFragments === undefined ? {} : { maxFragments: options.maxFragments };
    const created = await pagefind.createIndex(config);
    failOn(created.errors, 'createIndex');
    if (!created.index) throw new Error('Pagefind returned no index');
    return created.index;
  }

  async function writeShard(): Promise<void> {
    if (!index) return;
    await Promise.all(inFlight);
    check();
    const name = shard === 0 ? 'pagefind' : `pagefind-${shard}`;
    try {
      const written = await index.writeFiles({ outputPath: join(options.directory, name) });
      failOn(written.errors, 'writeFiles');
    } finally {
      await pagefind.close();
      index = undefined;
    }
    if (shard > 0) bundles.push(withBase(options.base, `${name}/`));
    shard += 1;
    inShard = 0;
  }

  async function consume({ url, content }: { url: string; content: string }): Promise<void> {
    index ??= await open();
    const sent: Promise<void> = index.addHTMLFile({ url, content }).then(
      (added) => {
        inFlight.delete(sent);
        if (added.errors.length > 0)
          failure ??= new Error(`Pagefind addHTMLFile ${url}: ${added.errors.join('; ')}`);
        options.progress?.();
      },
      (error: unknown) => {
        inFlight.delete(sent);
        failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
    inFlight.add(sent);
    inShard += 1;
    pages += 1;
    if (inShard >= shardCapacity(expected, options.shardSize, shard)) await writeShard();
    else if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    check();
  }

  const pipe = orderedPipe(consume, QUEUE_LIMIT);
  return {
    expect: (count) => {
      expected = count;
    },
    add: (url, content) => pipe.push({ url, content }),
    finish: async () => {
      try {
        await pipe.close();
        // A site with no document pages still gets an (empty) bundle the search page can load.
        if (!index && shard === 0) index = await open();
        await writeShard();
      } finally {
        if (index) await pagefind.close();
      }
      await writeFile(join(options.directory, 'pagefind', 'shards.json'), JSON.stringify(bundles));
      return { pages, bundles: bundles.length + 1 };
    },
  };
}
