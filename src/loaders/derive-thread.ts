import { ingestSeed } from '../lib/seed/ingest.ts';
import type { DocumentFields } from '../schemas/document.ts';
import { bodiesFolder, wordsFolder, type SeedOutcome } from '../build/build-cache.ts';
import { BuildStop } from '../build/build-stop.ts';
import { deriveDocument } from './derive-document.ts';

/** One seed file's bytes, read and digested by the sync. */
export interface SeedBytes {
  file: string;
  digest: string;
  bytes: Uint8Array;
}

/** One batch of changed seed files for a worker thread, and where their bodies, words and terms go. */
export interface DeriveTask {
  bodies: string;
  words: string;
  terms: string;
  fallbackLang: string;
  seeds: SeedBytes[];
}

/** What ingestion concluded about one file, and for a document its fields, or why it could not be rendered. */
export interface DerivedSeed {
  outcome: SeedOutcome;
  fields?: DocumentFields;
  error?: string;
  /** The machine failed writing its body or words (a full disk): the build stops with this line. */
  fault?: string;
}

/**
 * Decodes, parses and derives a batch of seed files, writing each document's body, words and terms under
 * its digest (runs in a worker thread, or inline).
 */
export default async function deriveBatch(task: DeriveTask): Promise<DerivedSeed[]> {
  const bodies = bodiesFolder(task.bodies);
  const words = wordsFolder(task.words);
  const terms = wordsFolder(task.terms);
  return task.seeds.map(({ file, digest, bytes }): DerivedSeed => {
    // The sync read no file over the size limit: it is checked there, once, before reading.
    const result = ingestSeed(file, bytes);
    if (!result.ok) return { outcome: { ok: false, problems: result.problems } };
    const { slug, encoding, problems, seed } = result;
    const names = { line: result.datelineLine ?? 1, places: seed.places, authors: seed.authors };
    const outcome: SeedOutcome = { ok: true, slug, encoding, problems, names };
    // One document that trips the renderer is reported; the rest of the batch still builds.
    try {
      const derived = deriveDocument({ file, seed: result.seed }, task.fallbackLang);
      bodies.write(digest, derived.html);
      words.write(digest, JSON.stringify(derived.words));
      terms.write(digest, JSON.stringify(derived.terms));
      return { outcome, fields: derived.fields };
    } catch (error) {
      if (error instanceof BuildStop) return { outcome, fault: error.message };
      return { outcome, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
