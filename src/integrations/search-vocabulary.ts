import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/paths.ts';
import { countWordsInto, vocabularyChunks } from '../lib/vocabulary.ts';
import { readSeedDocuments } from '../loaders/seed-documents.ts';
import { timePhase } from './build-phases.ts';

/** Folder of the site that holds the vocabulary chunks for "did you mean". */
export const VOCABULARY_DIR = 'search-words';

// Above this many documents, words seen once are mostly typos and names: leave them out.
const RARE_WORDS_FROM = 1000;

async function buildChunks(seedsDir: string): Promise<Map<string, string>> {
  const directory = resolve(seedsDir);
  const counts = new Map<string, number>();
  let documents = 0;
  for await (const { seed } of readSeedDocuments(directory)) {
    documents += 1;
    countWordsInto([seed.title, ...seed.paragraphs].join('\n'), counts);
  }
  const chunks = vocabularyChunks(counts, documents >= RARE_WORDS_FROM ? 2 : 1);
  return new Map([...chunks].map(([key, entries]) => [`${key}.json`, JSON.stringify(entries)]));
}

/** Writes the archive's own words, split into small chunks the search page loads on a miss. */
export function searchVocabularyIntegration(options: { seedsDir: string }): AstroIntegration {
  let base = '/';
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
      'astro:build:done': async ({ dir, logger }) => {
        await timePhase('vocabulary', async () => {
          const out = join(fileURLToPath(dir), VOCABULARY_DIR);
          await rm(out, { recursive: true, force: true });
          await mkdir(out, { recursive: true });
          const chunks = await buildChunks(options.seedsDir);
          let bytes = 0;
          for (const [name, text] of chunks) {
            await writeFile(join(out, name), text);
            bytes += (await stat(join(out, name))).size;
          }
          logger.info(`${chunks.size} vocabulary chunks, ${(bytes / 1024).toFixed(1)} kB`);
        });
      },
    },
  };
}
