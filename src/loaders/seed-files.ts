import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { BuildStop } from '../build/build-stop.ts';

/** What a seeds folder holds: the documents to read, and every other entry, which is skipped. */
export interface SeedsFolder {
  /** `*.txt` files (any letter case), sorted, as `/`-separated paths inside the folder. */
  files: string[];
  /** Other files, hidden files and hidden folders (`.git/`), sorted. */
  ignored: string[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const MISSING: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'is not a folder',
  EACCES: 'cannot be read (permission denied)',
};

/**
 * Scans a folder recursively. A folder that does not exist stops the build in every mode: a
 * mistyped SEEDS_DIR must never publish an empty archive over the real one.
 */
export async function scanSeedsFolder(directory: string): Promise<SeedsFolder> {
  let entries;
  try {
    entries = await readdir(directory, { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const what = MISSING[code] ?? `cannot be read (${code || String(error)})`;
    // One line, as every stop of the build: no stack trace, no hint about browser APIs.
    throw new BuildStop(
      `seeds folder "${directory}" (${resolve(directory)}) ${what}: set SEEDS_DIR to the folder of documents`,
      { cause: error },
    );
  }
  const files: string[] = [];
  const ignored = new Set<string>();
  for (const entry of entries) {
    const path = relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/');
    const segments = path.split('/');
    const hidden = segments.findIndex((segment) => segment.startsWith('.'));
    if (hidden >= 0 && hidden < segments.length - 1) {
      ignored.add(`${segments.slice(0, hidden + 1).join('/')}/`);
    } else if (entry.isFile() && hidden < 0 && /\.txt$/iu.test(entry.name)) {
      files.push(path);
    } else if (!entry.isDirectory() || hidden >= 0) {
      ignored.add(entry.isDirectory() ? `${path}/` : path);
    }
  }
  return { files: files.sort(byCodePoint), ignored: [...ignored].sort(byCodePoint) };
}
