// Reads a run of a search bundle as Pagefind wrote it in the build cache: its entry file, and for
// each language its metadata, words, filters and fragments (`merge-bundle.ts` joins the runs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor, type CborValue } from '../../lib/search/cbor.ts';
import { chunkWords, type IndexWord } from '../../lib/search/index-chunks.ts';
import { asFilter, type Filter } from '../../lib/search/index-merge.ts';
import { withoutSignature } from '../../lib/search/pagefind-meta.ts';

/** A language of a bundle's entry file: its metadata's name, its WebAssembly and its pages. */
export interface EntryLanguage {
  hash: string;
  wasm?: string;
  page_count: number;
}

/** A bundle's `pagefind-entry.json`; what it holds besides its languages is kept as it is. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, EntryLanguage>;
  [other: string]: unknown;
}

/** One language of a run: its metadata's parts, its words in key order, its filters, and its fragments in page order. */
export interface RunLanguage {
  meta: CborValue[];
  words: IndexWord[];
  filters: Filter[];
  fragments: Uint8Array[];
}

const cbor = async (file: string): Promise<CborValue> =>
  decodeCbor(withoutSignature(gunzipSync(await readFile(file))));

const named = (value: CborValue, at: number, what: string): string => {
  const name = Array.isArray(value) ? value[at] : undefined;
  if (typeof name !== 'string') throw new Error(`pf_meta: ${what} has no name`);
  return name;
};

/** The entry file of the run in `folder`. */
export async function readEntry(folder: string): Promise<PagefindEntry> {
  return JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
}

/** The language whose metadata is `pagefind.<hash>.pf_meta` in the run in `folder`. */
export async function readRunLanguage(folder: string, hash: string): Promise<RunLanguage> {
  const meta = await cbor(join(folder, `pagefind.${hash}.pf_meta`));
  if (!Array.isArray(meta) || !Array.isArray(meta[1]) || !Array.isArray(meta[2]) || !Array.isArray(meta[3]))
    throw new Error('pf_meta: not Pagefind metadata (version, pages, chunks, filters, sorts)');
  const pages = meta[1] as CborValue[];
  const chunks = meta[2] as CborValue[];
  const filters = meta[3] as CborValue[];
  const words = await Promise.all(
    chunks.map(async (chunk) => {
      const file = join(folder, 'index', `${named(chunk, 2, 'an index chunk')}.pf_index`);
      return chunkWords(withoutSignature(gunzipSync(await readFile(file))));
    }),
  );
  return {
    meta,
    words: words.flat(),
    filters: await Promise.all(
      filters.map(async (filter) =>
        asFilter(await cbor(join(folder, 'filter', `${named(filter, 1, 'a filter')}.pf_filter`))),
      ),
    ),
    fragments: await Promise.all(
      pages.map((page) => readFile(join(folder, 'fragment', `${named(page, 0, 'a page')}.pf_fragment`))),
    ),
  };
}
