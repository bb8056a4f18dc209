import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { siteConfig } from '../site-config.ts';

// Rendered bodies live beside Astro's content store, not in it: the store is held in memory and
// bundled into the build whole, and bodies are most of its weight (docs/benchmarks.md).
const FOLDER = 'archive-bodies';

/** The folder holding each document's rendered body, inside a cache folder. */
export function bodiesDir(cacheDir: string): string {
  return resolve(cacheDir, FOLDER);
}

/** Where the body of the document with this content digest is kept. */
export function bodyPath(directory: string, digest: string): string {
  return join(directory, `${digest}.html`);
}

/** Makes the bodies folder, once per sync rather than once per body. */
export async function makeBodiesDir(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
}

/**
 * Writes one rendered body into a folder made by `makeBodiesDir`. Synchronously: it runs on a derive
 * thread of its own, where an async write is three trips through the I/O pool for a 4 kB file.
 */
export function writeBody(directory: string, digest: string, html: string): void {
  writeFileSync(bodyPath(directory, digest), html);
}

/** Whether the body of this digest has been written. */
export function hasBody(directory: string, digest: string): boolean {
  return existsSync(bodyPath(directory, digest));
}

/** The rendered body HTML of a content entry, as its loader wrote it. */
export function readBody(directory: string, entry: { id: string; digest?: number | string }): string {
  if (entry.digest === undefined) throw new Error(`document ${entry.id} has no digest`);
  try {
    return readFileSync(bodyPath(directory, String(entry.digest)), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`the rendered body of ${entry.id} is missing (${code}); build again`, { cause: error });
  }
}

/** Deletes the bodies of documents that are gone or changed. */
export async function pruneBodies(directory: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(directory).catch(() => []);
  const stale = names.filter((name) => name.endsWith('.html') && !keep.has(name.slice(0, -5)));
  await Promise.all(stale.map((name) => rm(join(directory, name), { force: true })));
  return stale.length;
}

/** The rendered body HTML of a document of this site's content collection. */
export function documentBody(entry: { id: string; digest?: number | string }): string {
  return readBody(bodiesDir(siteConfig.cacheDir), entry);
}
