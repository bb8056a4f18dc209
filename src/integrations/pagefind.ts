import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { detectLanguage } from '../lib/detect-language.ts';
import { documentPath } from '../lib/paths.ts';
import { toSearchRecord } from '../lib/search-record.ts';
import { DEFAULT_SHARD_SIZE, shardRanges } from '../lib/search-shards.ts';
import { readSeedDocuments } from '../loaders/seed-documents.ts';
import { progressCounter } from '../lib/progress.ts';
import { timePhase } from './build-phases.ts';

/** Options of the search integration. */
export interface SearchIntegrationOptions {
  /** Seeds folder, indexed directly by the dev server. */
  seedsDir: string;
  /** Language of documents, for Pagefind's stemming under `astro dev`. */
  lang: string;
  /** Index the built pages' HTML (default), or records made from the seeds (see docs/benchmarks.md). */
  indexFrom?: 'pages' | 'seeds';
  /** Pagefind's cap on fragment files per language; hosts limit file counts. */
  maxFragments?: number;
  /**
   * Sites with more document pages than this are indexed in shards of at most this many, one
   * Pagefind run and bundle each (`pagefind/`, `pagefind-1/`, …, the others listed in
   * `pagefind/shards.json`), so memory is bounded by one shard; the search page merges them.
   * Default `DEFAULT_SHARD_SIZE`; smaller sites get one bundle and an empty list.
   */
  shardSize?: number;
}

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

async function listPages(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('pagefind'))
    .sort();
}

// The marker of document pages (an attribute, never text: text on a page is escaped).
const indexedPage = /<[^>]*\sdata-pagefind-body[\s>=]/u;

// Pagefind indexes only the pages marked with data-pagefind-body once one page of its run has it:
// shards hold those alone (a shard of list pages would otherwise index their whole text), and
// their number decides whether the site is sharded. Synchronous reads: for tens of thousands of
// small files, awaiting each one leaves the CPU idle.
async function listIndexedPages(directory: string): Promise<string[]> {
  return (await listPages(directory)).filter((page) =>
    indexedPage.test(readFileSync(join(directory, page), 'utf8')),
  );
}

// One Pagefind service per shard, closed before the next starts, so only one index is in memory.
async function indexShards(
  directory: string,
  options: SearchIntegrationOptions,
  pages: string[],
  ranges: [number, number][],
  base: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const indexed = progressCounter((line) => logger.info(line), 'pages indexed', 5000);
  const bundles: string[] = [];
  for (const [shard, [start, end]] of ranges.entries()) {
    const config = options.maxFragments === undefined ? {} : { maxFragments: options.maxFragments };
    const { index, errors } = await pagefind.createIndex(config);
    failOn(errors, 'createIndex');
    if (!index) throw new Error('Pagefind returned no index');
    try {
      for (const page of pages.slice(start, end)) {
        const url = `${base}${page.replace(/index\.html$/u, '')}`;
        const added = await index.addHTMLFile({
          url,
          content: await readFile(join(directory, page), 'utf8'),
        });
        failOn(added.errors, 'addHTMLFile');
        indexed(pages.length);
      }
      const name = shard === 0 ? 'pagefind' : `pagefind-${shard}`;
      const written = await index.writeFiles({ outputPath: join(directory, name) });
      failOn(written.errors, 'writeFiles');
      if (shard > 0) bundles.push(`${base}${name}/`);
    } finally {
      await pagefind.close();
    }
  }
  await writeFile(join(directory, 'pagefind', 'shards.json'), JSON.stringify(bundles));
  logger.info(`indexed ${pages.length} pages in ${bundles.length + 1} shards`);
}

// Up to one shard's worth of document pages stays one bundle, indexed as before; the search page
// reads the (then empty) list of further bundles either way.
async function indexSite(
  directory: string,
  options: SearchIntegrationOptions,
  base: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const pages = options.indexFrom === 'seeds' ? [] : await listIndexedPages(directory);
  const ranges = shardRanges(pages.length, options.shardSize ?? DEFAULT_SHARD_SIZE);
  if (ranges.length > 1) return indexShards(directory, options, pages, ranges, base, logger);
  await indexBuiltSite(directory, options, base, logger);
  await writeFile(join(directory, 'pagefind', 'shards.json'), '[]');
}

async function indexBuiltSite(
  directory: string,
  options: SearchIntegrationOptions,
  base: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const started = performance.now();
  const config = options.maxFragments === undefined ? {} : { maxFragments: options.maxFragments };
  const { index, errors } = await pagefind.createIndex(config);
  failOn(errors, 'createIndex');
  if (!index) throw new Error('Pagefind returned no index');
  try {
    let pages = 0;
    if (options.indexFrom === 'seeds') {
      pages = await addSeedRecords(
        index,
        options,
        base,
        progressCounter((line) => logger.info(line), 'pages indexed', 5000),
      );
    } else {
      const added = await index.addDirectory({ path: directory });
      failOn(added.errors, 'addDirectory');
      pages = added.page_count;
    }
    const written = await index.writeFiles({ outputPath: join(directory, 'pagefind') });
    failOn(written.errors, 'writeFiles');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(`indexed ${pages} pages in ${seconds} s`);
  } finally {
    await pagefind.close();
  }
}

// The same documents the loader publishes (first file wins a slug), as records without page HTML.
async function addSeedRecords(
  index: pagefind.PagefindIndex,
  options: SearchIntegrationOptions,
  base: string,
  progress: (total?: number) => void,
): Promise<number> {
  let count = 0;
  for await (const { slug, seed } of readSeedDocuments(resolve(options.seedsDir))) {
    const added = await index.addCustomRecord(toSearchRecord(seed, documentPath(base, slug), options.lang));
    failOn(added.errors, 'addCustomRecord');
    count += 1;
    progress();
  }
  return count;
}

// Under `astro dev` there is no built HTML, so the index is made from the seeds themselves.
async function indexSeeds(options: SearchIntegrationOptions, base: string): Promise<Map<string, Uint8Array>> {
  const directory = resolve(options.seedsDir);
  const { index, errors } = await pagefind.createIndex({});
  failOn(errors, 'createIndex');
  if (!index) throw new Error('Pagefind returned no index');
  for await (const { slug, seed } of readSeedDocuments(directory)) {
    const language = detectLanguage([seed.title, ...seed.paragraphs].join('\n'), { fallback: options.lang });
    await index.addCustomRecord(toSearchRecord(seed, documentPath(base, slug), language));
  }
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.map((file) => [file.path.replace(/^\/+/u, ''), file.content]));
}

/** Builds the Pagefind index after the site is built, and serves a live one under `astro dev`. */
export function searchIntegration(options: SearchIntegrationOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'archive:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        let files: Promise<Map<string, Uint8Array>> | undefined;
        const seeds = resolve(options.seedsDir);
        server.watcher.on('all', (_event, path) => {
          if (resolve(path).startsWith(seeds)) files = undefined;
        });
        const prefix = `${base.replace(/\/$/u, '')}/pagefind/`;
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          files ??= indexSeeds(options, base).catch((error: unknown) => {
            logger.error(String(error));
            files = undefined;
            return new Map();
          });
          void files.then((map) => {
            const content = map.get(path.slice(prefix.length));
            if (!content) return next();
            const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : '';
            if (type) response.setHeader('Content-Type', type);
            response.end(content);
          });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await timePhase('search', () => indexSite(fileURLToPath(dir), options, base, logger));
      },
    },
  };
}
