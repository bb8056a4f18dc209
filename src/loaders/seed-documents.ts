import { ingestSeed } from '../lib/ingest.ts';
import type { ParsedSeed } from '../lib/parse-seed.ts';
import { listSeedFiles } from './seed-files.ts';
import { maxBytesFromEnv, readSeed } from './read-seed.ts';

/** One document the site publishes: its slug and what its seed says. */
export interface SeedDocument {
  slug: string;
  seed: ParsedSeed;
}

/**
 * Reads every document the loader would publish, by the loader's own rules (size limit, first file
 * in path order keeps a slug), for the work that runs beside the content layer: the dev search
 * index and the vocabulary.
 */
export async function* readSeedDocuments(directory: string): AsyncGenerator<SeedDocument> {
  const maxBytes = maxBytesFromEnv();
  const owners = new Set<string>();
  for (const file of await listSeedFiles(directory)) {
    const read = await readSeed(directory, file, maxBytes);
    if ('problem' in read) continue;
    const result = ingestSeed(file, read.bytes, { maxBytes });
    if (!result.ok || owners.has(result.slug)) continue;
    owners.add(result.slug);
    yield { slug: result.slug, seed: result.seed };
  }
}
