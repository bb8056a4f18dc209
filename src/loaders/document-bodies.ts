import { resolve } from 'node:path';
import { digestFolder, type DigestFolder } from './digest-folder.ts';

// Rendered bodies live beside Astro's content store, not in it: the store is held in memory and
// bundled into the build whole, and bodies are most of its weight (docs/benchmarks.md).
const FOLDER = 'archive-bodies';

/** The folder holding each document's rendered body, inside a cache folder. */
export function bodiesDir(cacheDir: string): string {
  return resolve(cacheDir, FOLDER);
}

/** The bodies folder at `directory` (as `bodiesDir` gives it). */
export function bodiesFolder(directory: string): DigestFolder {
  return digestFolder(directory, '.html');
}

/** Where the body of the document with this content digest is kept. */
export function bodyPath(directory: string, digest: string): string {
  return bodiesFolder(directory).path(digest);
}

/** The rendered body HTML of a content entry, as its loader wrote it. */
export function readBody(directory: string, entry: { id: string; digest?: number | string }): string {
  if (entry.digest === undefined) throw new Error(`document ${entry.id} has no digest`);
  try {
    return bodiesFolder(directory).read(String(entry.digest));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`the rendered body of ${entry.id} is missing (${code}); build again`, { cause: error });
  }
}
