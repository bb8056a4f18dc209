import { faultLine, isMachineFault } from '../lib/build/fs-faults.ts';

/**
 * What stops a build with one line of its own and no stack trace: a fault of the machine (a full
 * disk, an unreadable file), another build holding the project, a seeds folder with nothing to build.
 */
export class BuildStop extends Error {
  override name = 'BuildStop';
}

/** The stop an error of the file system is when the machine failed; undefined for any other error. */
export function machineFault(error: unknown, action: 'read' | 'write', path?: string): BuildStop | undefined {
  const { code, path: where } = (error ?? {}) as NodeJS.ErrnoException;
  if (!isMachineFault(code) || code === undefined) return undefined;
  return new BuildStop(faultLine(action, path ?? where ?? '(unknown path)', code), { cause: error });
}

/** Rethrows a file-system error, as a `BuildStop` when the machine failed. */
export function rethrowFault(error: unknown, action: 'read' | 'write', path?: string): never {
  throw machineFault(error, action, path) ?? error;
}

/**
 * Ends a build on a `BuildStop` with its one line and exit code 1 (Astro would add a stack trace,
 * and hints for any message that mentions a document); other errors are given back to rethrow.
 */
export function exitOnStop(error: unknown, log: (line: string) => void): unknown {
  if (!(error instanceof BuildStop)) return error;
  log(error.message);
  process.exit(1);
}
