import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { ingestSeed } from '../lib/ingest.ts';
import { documentPath } from '../lib/paths.ts';
import { toSearchRecord } from '../lib/search-record.ts';
import { listSeedFiles } from '../loaders/seed-files.ts';
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
}

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
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
  const directory = resolve(options.seedsDir);
  const files = await listSeedFiles(directory);
  const seen = new Set<string>();
  for (const file of files) {
    const result = ingestSeed(file, await readFile(join(directory, file)));
    if (!result.ok || seen.has(result.slug)) continue;
    seen.add(result.slug);
    const added = await index.addCustomRecord(
      toSearchRecord(result.seed, documentPath(base, result.slug), options.lang),
    );
    failOn(added.errors, 'addCustomRecord');
    progress(files.length);
  }
  return seen.size;
}

// Under `astro dev` there is no built HTML, so the index is made from the seeds themselves.
async function indexSeeds(options: SearchIntegrationOptions, base: string): Promise<Map<string, Uint8Array>> {
  const directory = resolve(options.seedsDir);
  const { index, errors } = await pagefind.createIndex({});
  failOn(errors, 'createIndex');
  if (!index) throw new Error('Pagefind returned no index');
  for (const file of await listSeedFiles(directory)) {
    const result = ingestSeed(file, await readFile(join(directory, file)));
    if (!result.ok) continue;
    await index.addCustomRecord(toSearchRecord(result.seed, documentPath(base, result.slug), options.lang));
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
        await timePhase('search', () => indexBuiltSite(fileURLToPath(dir), options, base, logger));
      },
    },
  };
}
