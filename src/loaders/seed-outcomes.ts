import { resolve } from 'node:path';
import type { Problem } from '../lib/problems.ts';
import { readJson, writeJson } from './json-file.ts';

/**
 * What ingesting one seed file concluded, kept by the digest of its bytes so an unchanged file is
 * never decoded or parsed again: a document under its slug, with its encoding and warnings, or the
 * problems that kept it out.
 */
export type SeedOutcome =
  | { ok: true; slug: string; encoding: string; problems: Problem[]; names: DocumentNames }
  | { ok: false; problems: Problem[] };

/** A document's places and authors and the line of the dateline naming them, for the check of names. */
export interface DocumentNames {
  line: number;
  places: string[];
  authors: string[];
}

const outcomesPath = (cacheDir: string): string => resolve(cacheDir, 'archive-seeds.json');

/** The outcomes the last sync kept, by digest; none before the first sync or when the file is damaged. */
export async function readOutcomes(cacheDir: string): Promise<Map<string, SeedOutcome>> {
  const outcomes = await readJson<unknown>(outcomesPath(cacheDir), {});
  return typeof outcomes === 'object' && outcomes !== null && !Array.isArray(outcomes)
    ? new Map(Object.entries(outcomes as Record<string, SeedOutcome>))
    : new Map();
}

/** Keeps the outcomes of this sync's files (and only those) for the next one. */
export async function writeOutcomes(
  cacheDir: string,
  outcomes: ReadonlyMap<string, SeedOutcome>,
): Promise<void> {
  await writeJson(outcomesPath(cacheDir), Object.fromEntries(outcomes));
}
