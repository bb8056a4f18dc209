import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

/** One document as Pagefind receives it: its result URL and its search document. */
export interface IndexedDocument {
  url: string;
  html: string;
}

/** Pagefind's installed version, which decides the bytes it writes (part of every bundle's key). */
export function pagefindVersion(): string {
  // The package exports only its module, so its manifest is found beside it.
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

/**
 * Indexes `documents` in one Pagefind index, hands the index to `finish` (to write or read its
 * files) and deletes it. Documents go one at a time: Pagefind's service parses one page at a time
 * anyway, and pages sent together may be taken in any order, which would change the bytes written.
 */
export async function indexDocuments<T>(
  documents: Iterable<IndexedDocument>,
  finish: (index: pagefind.PagefindIndex) => Promise<T>,
): Promise<T> {
  const created = await pagefind.createIndex({});
  failOn(created.errors, 'createIndex');
  const { index } = created;
  if (!index) throw new Error('Pagefind returned no index');
  try {
    for (const { url, html } of documents) {
      const added = await index.addHTMLFile({ url, content: html });
      failOn(added.errors, `addHTMLFile ${url}`);
    }
    return await finish(index);
  } finally {
    await index.deleteIndex();
  }
}

/** Writes an index's bundle into `folder`. */
export async function writeBundle(index: pagefind.PagefindIndex, folder: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: folder });
  failOn(written.errors, 'writeFiles');
}

/** An index's bundle in memory, by path inside the bundle (the dev server's index). */
export async function bundleFiles(index: pagefind.PagefindIndex): Promise<Map<string, Uint8Array>> {
  const { errors, files } = await index.getFiles();
  failOn(errors, 'getFiles');
  return new Map(files.map((file) => [file.path.replace(/^\/+/u, ''), file.content]));
}

/** The documents of each language in a bundle, from the text of its `pagefind-entry.json`. */
export function languageCounts(entry: string): Record<string, number> {
  const { languages } = JSON.parse(entry) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(Object.entries(languages).map(([lang, { page_count }]) => [lang, page_count]));
}

/** Stops Pagefind's service process (it starts again on the next call). */
export function closePagefind(): Promise<null> {
  return pagefind.close();
}
