import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeAtomic } from './atomic-file.ts';
import { rethrowFault } from './build-stop.ts';

/** Writes a value as JSON, never seen half written (see `writeAtomic`). */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) =>
    rethrowFault(error, 'write', path),
  );
  await writeAtomic(path, JSON.stringify(value));
}

/**
 * Reads a cache file written by `writeJson`: `missing` when there is none, or when it is not JSON
 * (hand-edited, or damaged on disk), which is then made again, with a warning. A failure of the
 * machine (permissions, a failing disk) stops the build.
 */
export async function readJson<T>(
  path: string,
  missing: T,
  warn: (line: string) => void = console.warn,
): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missing;
    rethrowFault(error, 'read', path);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    warn(`the cache file ${path} is damaged: discarded, it is made again`);
    return missing;
  }
}
