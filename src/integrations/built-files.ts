import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileRole, type BuiltFile } from '../lib/offline-plan.ts';
import { revisionFromDigest } from '../lib/offline-revisions.ts';
import { withBase } from '../lib/paths.ts';

// Transfer sizes are estimated at gzip level 1, nginx's default: 2.3 times faster than level 6 and
// within about 11 % of it, on the high side, so a budget is never exceeded by the estimate.
const FAST = { level: 1 };

// Text a server compresses; Pagefind's own files are already gzipped.
const compressible = /\.(?:html|css|js|mjs|json|svg|webmanifest|xml|txt)$/u;

/** A file's revision: the start of its SHA-256, as the service worker computes it for a page it fetches. */
export function revisionOf(content: Uint8Array | string): string {
  return revisionFromDigest(createHash('sha256').update(content).digest());
}

/** Every file of the built site with the bytes a reader downloads for it and the revision of its content. */
export async function listBuiltFiles(directory: string): Promise<BuiltFile[]> {
  const paths = (await readdir(directory, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(directory.length + 1)
        .replaceAll('\\', '/'),
    );
  const files: BuiltFile[] = [];
  // Synchronous reads: for tens of thousands of small files, awaiting each one leaves the CPU idle.
  for (const path of paths.sort()) {
    const content = readFileSync(join(directory, path));
    files.push({
      path,
      bytes: compressible.test(path) ? gzipSync(content, FAST).length : content.length,
      revision: revisionOf(content),
    });
  }
  return files;
}

interface FragmentData {
  url?: string;
  meta?: { title?: string };
}

/**
 * Page URL → title, from Pagefind's fragments of every bundle (gzipped JSON behind a signature). A
 * file holds one page's fragment, or, past `maxFragments`, a group of them by hash.
 */
export async function readTitles(
  directory: string,
  base: string,
  files: readonly BuiltFile[],
): Promise<Map<string, string | null>> {
  const titles = new Map<string, string | null>();
  for (const { path } of files) {
    if (fileRole(path) !== 'fragment') continue;
    const text = gunzipSync(readFileSync(join(directory, path)))
      .toString('utf8')
      .replace(/^pagefind_dcd/u, '');
    const data = JSON.parse(text) as FragmentData | Record<string, FragmentData>;
    const entries =
      typeof data.url === 'string'
        ? [data as FragmentData]
        : Object.values(data as Record<string, FragmentData>);
    for (const entry of entries)
      if (entry.url) titles.set(withBase(base, entry.url), entry.meta?.title ?? null);
  }
  return titles;
}
