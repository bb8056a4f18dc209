import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/paths.ts';
import { recordsPath } from '../loaders/document-records.ts';
import { recordPhase, timePhase } from './build-phases.ts';
import { background, offThread } from './off-thread.ts';
import { buildChunks } from './vocabulary-chunks.ts';

/** Folder of the site that holds the vocabulary chunks for "did you mean". */
export const VOCABULARY_DIR = 'search-words';

type Counting = Promise<{ value: Map<string, string>; end: number }>;

const counted = (cacheDir: string): Counting =>
  background(
    offThread<Map<string, string>>(new URL('./vocabulary-worker.ts', import.meta.url), { cacheDir }),
  );

/**
 * Writes the archive's own words, split into small chunks the search page loads on a miss. The
 * words come from the loader's records (`cacheDir`), never from the seeds.
 */
export function searchVocabularyIntegration(options: { cacheDir: string }): AstroIntegration {
  let base = '/';
  let counting: { start: number; result: Counting } | undefined;
  return {
    name: 'archive:search-vocabulary',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        const prefix = withBase(base, `${VOCABULARY_DIR}/`);
        // The loader rewrites the records after each sync: chunks follow the records file.
        let chunks: { version: number; map: Promise<Map<string, string>> } | undefined;
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          void stat(recordsPath(options.cacheDir))
            .then(
              (file) => file.mtimeMs,
              () => 0,
            )
            .then((version) => {
              if (chunks?.version !== version) chunks = { version, map: buildChunks(options.cacheDir) };
              return chunks.map;
            })
            .then((map) => {
              response.setHeader('Content-Type', 'application/json');
              response.end(map.get(path.slice(prefix.length)) ?? '[]');
            }, next);
        });
      },
      // The loader has synced before the build starts: a worker thread counts while pages render.
      'astro:build:start': () => {
        counting = { start: Date.now(), result: counted(options.cacheDir) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = counting?.start;
        const { end } = await timePhase('vocabulary', async () => {
          const result = await (counting?.result ?? counted(options.cacheDir));
          const out = join(fileURLToPath(dir), VOCABULARY_DIR);
          await rm(out, { recursive: true, force: true });
          await mkdir(out, { recursive: true });
          let bytes = 0;
          for (const [name, text] of result.value) {
            await writeFile(join(out, name), text);
            bytes += Buffer.byteLength(text);
          }
          logger.info(`${result.value.size} vocabulary chunks, ${(bytes / 1024).toFixed(1)} kB`);
          return result;
        });
        if (started !== undefined) recordPhase({ name: 'vocabulary (parallel)', start: started, end });
      },
    },
  };
}
