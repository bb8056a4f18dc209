import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { detectLanguage } from '../lib/detect-language.ts';
import { countWords, excerpt } from '../lib/excerpt.ts';
import { ingestSeed, INGEST_VERSION } from '../lib/ingest.ts';
import type { Problem } from '../lib/problems.ts';
import { progressCounter } from '../lib/progress.ts';
import { createRenderer } from '../lib/render-html.ts';
import { checkSize, DEFAULT_MAX_SEED_BYTES, parseSize } from '../lib/size-limit.ts';
import { termCounts } from '../lib/terms.ts';
import rehypeTypograf from '../plugins/rehype-typograf.ts';
import { siteConfig } from '../site-config.ts';
import { reportIngest, type IngestSummary } from './ingest-report.ts';
import { scanSeedsFolder } from './seed-files.ts';

/** Options of the seeds loader. */
export interface SeedsLoaderOptions {
  /** Folder holding the seed `*.txt` files, relative to the project root. */
  directory: string;
  /** Largest seed file in bytes (default: env `MAX_SEED_SIZE`, else 20 MB). */
  maxBytes?: number;
}

const READ_BATCH = 64;

/** A seed file's bytes, or the problem that kept it from being read. */
export type ReadResult = { bytes: Buffer } | { problem: Problem };

/** Reads one seed file, checking its size first so a stray huge file is never loaded into memory. */
export async function readSeed(directory: string, file: string, maxBytes: number): Promise<ReadResult> {
  const path = resolve(directory, file);
  try {
    const tooLarge = checkSize(file, (await stat(path)).size, maxBytes);
    return tooLarge ? { problem: tooLarge } : { bytes: await readFile(path) };
  } catch (error) {
    const reason = `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return { problem: { file, line: 1, reason, severity: 'error' } };
  }
}

async function loadAll(directory: string, maxBytes: number, context: LoaderContext): Promise<void> {
  const { store, parseData, generateDigest, logger } = context;
  const render = createRenderer([rehypeTypograf]);
  const { files, ignored } = await scanSeedsFolder(directory);
  const owners = new Map<string, string>();
  const summary: IngestSummary = { documents: 0, problems: [], ignored, legacyEncodings: {} };
  const problem = (file: string, reason: string): void => {
    summary.problems.push({ file, line: 1, reason, severity: 'error' });
  };
  const synced = progressCounter((line) => logger.info(line), 'documents synced', 5000);

  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => readSeed(directory, file, maxBytes)));
    for (const [index, file] of batch.entries()) {
      synced(files.length);
      const read = contents[index] as ReadResult;
      if ('problem' in read) {
        summary.problems.push(read.problem);
        continue;
      }
      const result = ingestSeed(file, read.bytes, { maxBytes });
      summary.problems.push(...result.problems);
      if (!result.ok) continue;
      const owner = owners.get(result.slug);
      if (owner !== undefined) {
        problem(file, `same URL slug "${result.slug}" as ${owner}; rename one of the two files`);
        continue;
      }
      const { seed } = result;
      const digest = generateDigest(`${INGEST_VERSION}\n${file}\n${read.bytes.toString('latin1')}`);
      if (store.get(result.slug)?.digest !== digest) {
        const texts = [seed.title, ...seed.paragraphs];
        try {
          const data = await parseData({
            id: result.slug,
            data: {
              title: seed.title,
              date: seed.date,
              places: seed.places,
              authors: seed.authors,
              description: excerpt(seed.paragraphs[0] ?? seed.title, 200),
              words: countWords(texts),
              source: file,
              terms: termCounts(texts),
              lang: detectLanguage(texts.join('\n'), { fallback: siteConfig.lang }),
            },
          });
          store.set({ id: result.slug, data, digest, rendered: { html: render(seed.paragraphs) } });
        } catch (error) {
          problem(file, `document does not fit the schema: ${(error as Error).message.split('\n')[0]}`);
          continue;
        }
      }
      owners.set(result.slug, file);
      if (result.encoding !== 'utf-8' && result.encoding !== 'ascii') {
        summary.legacyEncodings[file] = result.encoding;
      }
    }
  }
  for (const id of store.keys()) if (!owners.has(id)) store.delete(id);
  summary.documents = owners.size;
  await reportIngest(summary, logger);
}

/** The seed size limit from env `MAX_SEED_SIZE`, else 20 MB. */
export function maxBytesFromEnv(): number {
  const value = process.env['MAX_SEED_SIZE'];
  return value === undefined || value.trim() === '' ? DEFAULT_MAX_SEED_BYTES : parseSize(value);
}

/** Loads every seed document from a folder into the content layer, skipping unchanged files. */
export function seedsLoader(options: SeedsLoaderOptions): Loader {
  if (!options.directory) throw new Error('seedsLoader: `directory` is required');
  const directory = resolve(options.directory);
  const maxBytes = options.maxBytes ?? maxBytesFromEnv();
  return {
    name: 'seeds-loader',
    load: async (context) => {
      await loadAll(directory, maxBytes, context);
      const { watcher, logger } = context;
      if (!watcher) return;
      watcher.add(directory);
      let pending: ReturnType<typeof setTimeout> | undefined;
      // Reloads run one after another, so a slow pass never interleaves with the next.
      let queue = Promise.resolve();
      const reload = (): void => {
        queue = queue
          .then(() => loadAll(directory, maxBytes, context))
          .catch((error: unknown) => logger.error(String(error)));
      };
      const onChange = (path: string): void => {
        if (!resolve(path).startsWith(directory + sep) || !/\.txt$/iu.test(path)) return;
        clearTimeout(pending);
        pending = setTimeout(reload, 50);
      };
      watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
    },
  };
}
