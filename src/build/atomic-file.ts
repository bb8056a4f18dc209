import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { rethrowFault } from './build-stop.ts';

// Unique per writer, so two processes or threads never write through the same temporary file, and a
// file is either its old or its new version: a build killed mid-write leaves only a stray temp file.
const temporary = (path: string): string => `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;

/** Whether a name is one of the temporary files `writeAtomic` writes (left behind by a killed build). */
export const isTemporary = (name: string): boolean => /\.\d+-[0-9a-f]{8}\.tmp$/u.test(name);

/** Writes a file through a temporary file of its own and a rename, so it is never seen half written. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = temporary(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    rethrowFault(error, 'write', path);
  }
}

/** `writeAtomic`, synchronously (on a thread of its own, an async write costs more than it saves). */
export function writeAtomicSync(path: string, data: string | Uint8Array): void {
  const temp = temporary(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    rethrowFault(error, 'write', path);
  }
}
