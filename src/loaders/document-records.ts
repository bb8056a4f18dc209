import { resolve } from 'node:path';
import type { ArchiveDocument } from '../schemas/document.ts';
import { readJson, writeJson } from './json-file.ts';

/**
 * What the build's integrations (search index, vocabulary, offline list) read of one document:
 * the loader's record, without what only pages need. Its body is `<cacheDir>/archive-bodies/<digest>.html`,
 * its words for the vocabulary `<cacheDir>/archive-words/<digest>.json` (`readWords`).
 */
export interface DocumentRecord extends Pick<
  ArchiveDocument,
  'title' | 'headline' | 'date' | 'places' | 'authors' | 'lang'
> {
  /** The document's slug: its address is `/doc/<id>/`. */
  id: string;
  /** Content digest of the seed (with the parser's version): names the rendered body. */
  digest: string;
}

/** Where the loader publishes the records of the last sync, inside a cache folder. */
export function recordsPath(cacheDir: string): string {
  return resolve(cacheDir, 'archive-records.json');
}

const byDateThenId = (a: DocumentRecord, b: DocumentRecord): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Writes every record, oldest first (ties by id), replacing the previous list in one step. */
export async function writeRecords(cacheDir: string, records: readonly DocumentRecord[]): Promise<void> {
  await writeJson(recordsPath(cacheDir), [...records].sort(byDateThenId));
}

/** Reads the records the loader published, oldest first; none when no sync has run. */
export async function readRecords(cacheDir: string): Promise<DocumentRecord[]> {
  return readJson<DocumentRecord[]>(recordsPath(cacheDir), []);
}
