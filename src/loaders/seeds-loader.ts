import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { countWords, excerpt } from '../lib/excerpt.ts';
import { ingestSeed, INGEST_VERSION } from '../lib/ingest.ts';
import type { Problem } from '../lib/problems.ts';
import { progressCounter } from '../lib/progress.ts';
import { createRenderer } from '../lib/render-html.ts';
import { reportIngest } from './ingest-report.ts';
import { listSeedFiles } from './seed-files.ts';

/** Options of the seeds loader. */
export interface SeedsLoaderOptions {
  /** Folder holding the seed `*.txt` files, relative to the project root. */
  directory: string;
}

const READ_BATCH = 64;

async function loadAll(directory: string, context: LoaderContext): Promise<void> {
  const { store, parseData, generateDigest, logger } = context;
  const render = createRenderer();
  const files = await listSeedFiles(directory);
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  const synced = progressCounter((line) => logger.info(line), 'documents synced', 5000);

  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => readFile(resolve(directory, file))));
    for (const [index, file] of batch.entries()) {
      synced(files.length);
      const bytes = contents[index] as Buffer;
      const result = ingestSeed(file, bytes);
      problems.push(...result.problems);
      if (!result.ok) continue;
      const owner = owners.get(result.slug);
      if (owner !== undefined) {
        const reason = `same URL slug "${result.slug}" as ${owner}; rename one of the two files`;
        problems.push({ file, line: 1, reason, severity: 'error' });
        continue;
      }
      owners.set(result.slug, file);
      const digest = generateDigest(`${INGEST_VERSION}\n${file}\n${bytes.toString('latin1')}`);
      if (store.get(result.slug)?.digest === digest) continue;
      const { seed } = result;
      const data = await parseData({
        id: result.slug,
        data: {
          title: seed.title,
          date: seed.date,
          places: seed.places,
          authors: seed.authors,
          description: excerpt(seed.paragraphs[0] ?? seed.title, 200),
          words: countWords([seed.title, ...seed.paragraphs]),
          source: file,
        },
      });
      store.set({ id: result.slug, data, digest, rendered: { html: render(seed.paragraphs) } });
    }
  }
  for (const id of store.keys()) if (!owners.has(id)) store.delete(id);
  await reportIngest(owners.size, problems, logger);
}

/** Loads every seed document from a folder into the content layer, skipping unchanged files. */
export function seedsLoader(options: SeedsLoaderOptions): Loader {
  if (!options.directory) throw new Error('seedsLoader: `directory` is required');
  const directory = resolve(options.directory);
  return {
    name: 'seeds-loader',
    load: async (context) => {
      await loadAll(directory, context);
      const { watcher } = context;
      if (!watcher) return;
      watcher.add(directory);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onChange = (path: string): void => {
        if (!resolve(path).startsWith(directory) || !/\.txt$/iu.test(path)) return;
        clearTimeout(pending);
        pending = setTimeout(() => void loadAll(directory, context), 50);
      };
      watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
    },
  };
}
