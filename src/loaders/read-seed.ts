import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Problem } from '../lib/seed/problems.ts';
import { checkSize } from '../lib/seed/size-limit.ts';
import { machineFault } from '../build/build-stop.ts';

/** A seed file's bytes, or the problem that kept it from being read. */
export type ReadResult = { bytes: Buffer } | { problem: Problem };

/**
 * Reads one seed file, checking its size first so a stray huge file is never loaded into memory. A
 * file gone or not a file is that file's problem; a failure of the machine (permissions, a failing
 * disk, too many open files) is thrown as a `BuildStop`: the document must not vanish from the site.
 */
export async function readSeed(directory: string, file: string, maxBytes: number): Promise<ReadResult> {
  const path = resolve(directory, file);
  try {
    const tooLarge = checkSize(file, (await stat(path)).size, maxBytes);
    return tooLarge ? { problem: tooLarge } : { bytes: await readFile(path) };
  } catch (error) {
    const fault = machineFault(error, 'read', path);
    if (fault) throw fault;
    const reason = `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return { problem: { file, line: 1, reason, severity: 'error' } };
  }
}
