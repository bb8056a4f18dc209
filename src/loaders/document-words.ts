import { resolve } from 'node:path';
import { digestFolder, type DigestFolder } from './digest-folder.ts';

/** A document's words for the "did you mean" vocabulary: lower-case word → times it occurs. */
export type WordCounts = Record<string, number>;

/** The folder holding each document's words (`<digest>.json`), inside a cache folder. */
export function wordsDir(cacheDir: string): string {
  return resolve(cacheDir, 'archive-words');
}

/** The words folder at `directory` (as `wordsDir` gives it). */
export function wordsFolder(directory: string): DigestFolder {
  return digestFolder(directory, '.json');
}

/** The words of the document with this digest, as its loader wrote them. */
export function readWords(cacheDir: string, digest: string): WordCounts {
  return JSON.parse(wordsFolder(wordsDir(cacheDir)).read(digest)) as WordCounts;
}
