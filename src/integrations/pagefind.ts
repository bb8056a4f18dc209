import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { detectLanguage } from '../lib/detect-language.ts';
import { ingestSeed } from '../lib/ingest.ts';
import { documentPath } from '../lib/paths.ts';
import { toSearchRecord } from '../lib/search-record.ts';
import { listSeedFiles } from '../loaders/seed-files.ts';

/** Options of the search integration. */
export interface SearchIntegrationOptions {
  /** Seeds folder, indexed directly by the dev server. */
  seedsDir: string;
  /** Language of documents, for Pagefind's stemming under `astro dev`. */
  lang: string;
}

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

async function indexBuiltSite(directory: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  failOn(errors, 'createIndex');
  if (!index) throw new Error('Pagefind returned no index');
  try {
    const added = await index.addDirectory({ path: directory });
    failOn(added.errors, 'addDirectory');
    const written = await index.writeFiles({ outputPath: join(directory, 'pagefind') });
    failOn(written.errors, 'writeFiles');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(`indexed ${added.page_count} pages in ${seconds} s`);
  } finally {
    await pagefind.close();
  }
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
    const text = [result.seed.title, ...result.seed.paragraphs].join('\n');
    const language = detectLanguage(text, { fallback: options.lang });
    await index.addCustomRecord(toSearchRecord(result.seed, documentPath(base, result.slug), language));
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
        await indexBuiltSite(fileURLToPath(dir), logger);
      },
    },
  };
}
