import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/paths.ts';
import { recordPhase, timePhase } from './build-phases.ts';
import { buildChunks } from './vocabulary-chunks.ts';
import { chunksInWorker, type ThreadResult } from './vocabulary-thread.ts';

/** Folder of the site that holds the vocabulary chunks for "did you mean". */
export const VOCABULARY_DIR = 'search-words';

/** Writes the archive's own words, split into small chunks the search page loads on a miss. */
export function searchVocabularyIntegration(options: { seedsDir: string }): AstroIntegration {
  let base = '/';
  let counting: { start: number; result: Promise<ThreadResult> } | undefined;
  return {
    name: 'archive:search-vocabulary',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        const prefix = withBase(base, `${VOCABULARY_DIR}/`);
        let chunks: Promise<Map<string, string>> | undefined;
        server.watcher.on('all', () => (chunks = undefined));
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          chunks ??= buildChunks(options.seedsDir);
          void chunks.then((map) => {
            response.setHeader('Content-Type', 'application/json');
            response.end(map.get(path.slice(prefix.length)) ?? '[]');
          }, next);
        });
      },
      // Counting reads and parses every seed again: a worker thread does it while pages render.
      'astro:build:start': () => {
        counting = { start: Date.now(), result: chunksInWorker(options.seedsDir) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = counting?.start;
        const result = await timePhase('vocabulary', async () => {
          const result = await (counting?.result ?? chunksInWorker(options.seedsDir));
          if ('error' in result) throw result.error;
          const out = join(fileURLToPath(dir), VOCABULARY_DIR);
          await rm(out, { recursive: true, force: true });
          await mkdir(out, { recursive: true });
          let bytes = 0;
          for (const [name, text] of result.chunks) {
            await writeFile(join(out, name), text);
            bytes += Buffer.byteLength(text);
          }
          logger.info(`${result.chunks.size} vocabulary chunks, ${(bytes / 1024).toFixed(1)} kB`);
          return result;
        });
        if (started !== undefined)
          recordPhase({ name: 'vocabulary (parallel)', start: started, end: result.end });
      },
    },
  };
}
