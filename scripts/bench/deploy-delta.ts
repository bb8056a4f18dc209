// What a deploy that adds one document costs: the files of dist/ it changes, and what a reader
// who saved the whole archive downloads afterwards (scripts/bench/reader-update.ts).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { syntheticSeed, type SyntheticSeed } from './corpus.ts';

/** One file of a built site: a digest of its bytes, its size and what a compressing host sends for it. */
export interface BuiltEntry {
  digest: string;
  bytes: number;
  gzipBytes: number;
}

/** Bytes and files of one kind of output. */
export interface KindFigures {
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** What a deploy changed in dist/: files added, changed and removed, with bytes, by kind. */
export interface DistDelta {
  files: number;
  added: number;
  changed: number;
  removed: number;
  /** Bytes of the added and changed files (their new versions). */
  bytes: number;
  gzipBytes: number;
  removedBytes: number;
  byKind: Record<string, KindFigures>;
}

// Text types a host compresses; Pagefind's own files are gzipped already.
const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|svg|webmanifest|xml|txt)$/u;

/** Reads every file of a built site. */
export async function snapshotDist(directory: string): Promise<Map<string, BuiltEntry>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = new Map<string, BuiltEntry>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path);
    files.set(path.slice(directory.length + 1), {
      digest: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
      gzipBytes: COMPRESSIBLE.test(path) ? gzipSync(content, { level: 6 }).length : content.length,
    });
  }
  return files;
}

/** What a file of the output is, for the figures. */
export function kindOf(path: string): string {
  if (path === 'sw.js') return 'service worker';
  if (path.startsWith('offline/') && path.endsWith('.json')) return 'offline lists';
  if (/^pagefind(?:-[a-z0-9]+)?\/fragment\//u.test(path)) return 'search fragments';
  if (/^pagefind(?:-[a-z0-9]+)?\/(?:index|filter)\/|\.pf_meta$/u.test(path)) return 'search index';
  if (/^pagefind(?:-[a-z0-9]+)?\//u.test(path)) return 'search entry and runtime';
  if (path.startsWith('search-words/')) return 'search vocabulary';
  if (path.startsWith('doc/') && path.endsWith('.html')) return 'document pages';
  if (path.endsWith('.html')) return 'list pages';
  if (/\.(?:xml|txt)$|^feed\.json$/u.test(path)) return 'feeds and sitemap';
  return 'assets';
}

function add(figures: Record<string, KindFigures>, kind: string, entry: BuiltEntry): void {
  const into = (figures[kind] ??= { files: 0, bytes: 0, gzipBytes: 0 });
  into.files += 1;
  into.bytes += entry.bytes;
  into.gzipBytes += entry.gzipBytes;
}

/** Compares two snapshots of dist/. */
export function distDelta(before: ReadonlyMap<string, BuiltEntry>, after: ReadonlyMap<string, BuiltEntry>): DistDelta {
  const delta: DistDelta = { files: after.size, added: 0, changed: 0, removed: 0, bytes: 0, gzipBytes: 0, removedBytes: 0, byKind: {} };
  for (const [path, entry] of after) {
    const old = before.get(path);
    if (old?.digest === entry.digest) continue;
    if (old) delta.changed += 1;
    else delta.added += 1;
    delta.bytes += entry.bytes;
    delta.gzipBytes += entry.gzipBytes;
    add(delta.byKind, kindOf(path), entry);
  }
  for (const [path, entry] of before) {
    if (after.has(path)) continue;
    delta.removed += 1;
    delta.removedBytes += entry.bytes;
  }
  return delta;
}

/** The document a one-document deploy adds to a corpus of `docs`: dated in 2026, after all others. */
export function addedDocument(docs: number): SyntheticSeed {
  return syntheticSeed(docs, { years: [2026, 2026] });
}
