import { printable } from '../seed/problems.ts';

// Failures of the machine rather than of a document: a full disk, a file the build may not read or
// write, a failing device, too many open files. The build stops on them; a document whose own
// bytes are wrong is a problem of that document, and the rest of the archive builds.
const MACHINE: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files (raise `ulimit -n`)',
  ENFILE: 'too many open files in the system',
  ENOMEM: 'out of memory',
  EBUSY: 'resource busy',
  ESTALE: 'stale file handle',
};

/** Whether a file-system error code is the machine's failure (disk, permissions, limits), not a document's. */
export function isMachineFault(code: string | undefined): boolean {
  return code !== undefined && Object.hasOwn(MACHINE, code);
}

/** The one line a build stops with when a file cannot be read or written: the path and the system's error. */
export function faultLine(action: 'read' | 'write', path: string, code: string): string {
  const meaning = MACHINE[code];
  return `cannot ${action} ${printable(path)}: ${code}${meaning ? ` (${meaning})` : ''}`;
}
