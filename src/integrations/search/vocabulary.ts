import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { withBase } from '../../lib/site/paths.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import type { DevRecords } from '../dev-records.ts';
import { background, offThread } from '../../build/off-thread.ts';
import { buildChunks } from './vocabulary-chunks.ts';

/** Folder of the site that holds the vocabulary chunks for "did you mean". */
export const VOCABULARY_DIR = 'search-words';

/** Counting started beside the render, and when it started. */
export interface VocabularyCounting {
  start: number;
  result: Promise<{ value: Map<string, string>; end: number }>;
}

/**
 * Starts counting the archive's own words on a thread while pages render: the words come from the
 * loader's records and the words it kept with each, never from the seeds.
 */
export function startVocabulary(cacheDir: string, records: readonly DocumentRecord[]): VocabularyCounting {
  const module = new URL('./vocabulary-thread.ts', import.meta.url);
  return {
    start: Date.now(),
    result: background(offThread<Map<string, string>>(module, { cacheDir, records })),
  };
}

/**
 * Writes the chunks the search page loads on a miss into `VOCABULARY_DIR` of the output folder, and
 * gives the files written (output-relative), all of which the search page needs offline.
 */
export async function writeVocabulary(
  outDir: string,
  chunks: ReadonlyMap<string, string>,
  logger: AstroIntegrationLogger,
): Promise<string[]> {
  const out = join(outDir, VOCABULARY_DIR);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  let bytes = 0;
  for (const [name, text] of chunks) {
    await writeFile(join(out, name), text);
    bytes += Buffer.byteLength(text);
  }
  logger.info(`${chunks.size} vocabulary chunks, ${(bytes / 1024).toFixed(1)} kB`);
  return [...chunks.keys()].map((name) => `${VOCABULARY_DIR}/${name}`);
}

type ServerSetup = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0];

/** Serves the vocabulary chunks under `astro dev`, counted again after every sync. */
export function serveDevVocabulary(
  { server }: Pick<ServerSetup, 'server'>,
  base: string,
  cacheDir: string,
  records: DevRecords,
): void {
  const prefix = withBase(base, `${VOCABULARY_DIR}/`);
  const chunks = records.follow((list) => buildChunks(cacheDir, list));
  server.middlewares.use((request, response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    if (!path.startsWith(prefix)) return next();
    chunks().then((map) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(map.get(path.slice(prefix.length)) ?? '[]');
    }, next);
  });
}
