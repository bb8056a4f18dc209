import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuiltFile } from '../../lib/offline/plan.ts';
import { revisionFromDigest } from '../../lib/offline/revisions.ts';
import type { OutputState } from './output-manifest.ts';

// Transfer sizes are estimated at gzip level 1, nginx's default: 2.3 times faster than level 6 and
// within about 11 % of it, on the high side, so a budget is never exceeded by the estimate.
const FAST = { level: 1 };

// Text a server compresses; Pagefind's own files are already gzipped.
const compressible = /\.(?:html|css|js|mjs|json|svg|webmanifest|xml|txt)$/u;

/** A file's revision: the start of its SHA-256, as the service worker computes it for a page it fetches. */
export function revisionOf(content: Uint8Array | string): string {
  return revisionFromDigest(createHash('sha256').update(content).digest());
}

/** What a survey learnt of one file, with the size and modification time it had then. */
export interface KnownFile {
  size: number;
  mtimeMs: number;
  bytes: number;
  revision: string;
}

/** Every built file, and what is known of each for the next survey. */
export interface BuiltFiles {
  files: BuiltFile[];
  known: Map<string, KnownFile>;
}

/**
 * Every file of the built site (`present`: the output folder as the build listed it, with sizes
 * and modification times) with the bytes a reader downloads for it and the revision of its
 * content. A file whose size and modification time are those `known` gives is not read again: the
 * incremental build leaves unchanged pages and search bundles in place, untouched, so a rebuild
 * reads what it wrote, not the whole archive.
 */
export function listBuiltFiles(
  directory: string,
  present: OutputState,
  known: ReadonlyMap<string, KnownFile> = new Map(),
): BuiltFiles {
  const files: BuiltFile[] = [];
  const seen = new Map<string, KnownFile>();
  // Synchronous reads: for tens of thousands of small files, awaiting each one leaves the CPU idle.
  for (const [path, [size, mtimeMs]] of [...present].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = known.get(path);
    let file: KnownFile;
    if (before?.size === size && before.mtimeMs === mtimeMs) file = before;
    else {
      const content = readFileSync(join(directory, path));
      const bytes = compressible.test(path) ? gzipSync(content, FAST).length : content.length;
      file = { size, mtimeMs, bytes, revision: revisionOf(content) };
    }
    seen.set(path, file);
    files.push({ path, bytes: file.bytes, revision: file.revision });
  }
  return { files, known: seen };
}
