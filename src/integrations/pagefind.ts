import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { detectLanguage } from '../lib/detect-language.ts';
import { documentPath, documentsRoot, withBase } from '../lib/paths.ts';
import { toSearchRecord } from '../lib/search-record.ts';
import { DEFAULT_SHARD_SIZE } from '../lib/search-shards.ts';
import { readSeedDocuments } from '../loaders/seed-documents.ts';
import { progressCounter } from '../lib/progress.ts';
import { recordPhase, timePhase } from './build-phases.ts';
import { logWhileRendering, watchRenderedPages } from './rendered-pages.ts';
import type { ShardedIndexer } from './search-indexer.ts';
import { shardedIndexerOnThread } from './search-indexer-thread.ts';

/** Options of the search integration. */
export interface SearchIntegrationOptions {
  /** Seeds folder, indexed directly by the dev server. */
  seedsDir: string;
  /** Language of documents, for Pagefind's stemming under `astro dev`. */
  lang: string;
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

const withoutSlash = (path: string): string => path.replace(/\/+$/u, '');

// The marker of document pages (an attribute, never text: text on a page is escaped). Pagefind
// indexes only such pages, so list pages stay out of the index and shards count documents alone.
const indexedPage = /<[^>]*\sdata-pagefind-body[\s>=]/u;

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

/** Indexes document pages while the site renders, and serves a live index from the seeds under `astro dev`. */
export function searchIntegration(options: SearchIntegrationOptions): AstroIntegration {
  let base = '/';
  let outDir = '';
  let indexer: ShardedIndexer | undefined;
  let unwatch = (): void => {};
  let started: number | undefined;
  // Document paths Astro listed and has not rendered yet, without their last slash.
  let unrendered = new Set<string>();
  return {
    name: 'archive:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir);
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
      // Pages go to Pagefind while Astro renders the rest (src/integrations/rendered-pages.ts), so
      // its service indexes on the second core. Astro empties the output folder before rendering
      // starts (core/build/static-build.js, viteBuild), never after, so bundles written while
      // rendering stay.
      'astro:build:start': ({ logger, setPrerenderer }) => {
        const indexed = progressCounter(logWhileRendering(logger), 'pages indexed', 5000);
        indexer = shardedIndexerOnThread({
          directory: outDir,
          base,
          shardSize: options.shardSize ?? DEFAULT_SHARD_SIZE,
          maxFragments: options.maxFragments,
          progress: () => indexed(),
        });
        const { add, expect } = indexer;
        const documents = documentsRoot('/');
        const root = withBase(base, '');
        unwatch = watchRenderedPages(setPrerenderer, {
          paths: (paths) => {
            const listed = paths.filter((path) => path.startsWith(documents));
            unrendered = new Set(listed.map(withoutSlash));
            expect(listed.length);
          },
          page: ({ path, html }) => {
            // Stored without the base: the search page gives Pagefind the base as `baseUrl`.
            const url = path.startsWith(root) ? `/${path.slice(root.length)}` : path;
            unrendered.delete(withoutSlash(url));
            if (!indexedPage.test(html)) return;
            started ??= Date.now();
            return add(url, html);
          },
        });
      },
      'astro:build:done': async ({ logger }) => {
        unwatch();
        const done = await timePhase('search', async () => {
          if (!indexer) return undefined;
          // Pages Astro restored from its incremental build cache were never rendered: read them.
          for (const path of unrendered) {
            const html = await readFile(join(outDir, path, 'index.html'), 'utf8').catch(() => '');
            if (indexedPage.test(html)) await indexer.add(`${path}/`, html);
          }
          return indexer.finish();
        });
        if (started !== undefined)
          recordPhase({ name: 'search (parallel)', start: started, end: Date.now() });
        if (done) logger.info(`indexed ${done.pages} pages in ${done.bundles} shards`);
      },
    },
  };
}
