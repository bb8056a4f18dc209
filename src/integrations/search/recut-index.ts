// Cuts a bundle's word index, as Pagefind wrote it, into smaller chunks: a query loads one chunk
// per word and bundle, and Pagefind's chunks (20,000 word positions, 25 kB compressed and more)
// are most of what a search downloads at many bundles (docs/benchmarks.md).
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CborValue } from '../../lib/search/cbor.ts';
import { chunkOf, chunkRanges, chunkWords, cutIndex, type IndexCut } from '../../lib/search/index-chunks.ts';
import { withoutSignature, withSignature } from '../../lib/search/pagefind-meta.ts';

// About 10 kB compressed a chunk: 2.8 times Pagefind's count of chunks (567 for 201 in a bundle
// of 9,700 documents), which the file budget of static hosts allows (docs/benchmarks.md has the sizes measured).
const CUT: IndexCut = { chunkBytes: 24 * 1024, formBytes: 4 * 1024 };

// Pagefind names a chunk by the language and 7 characters of its hash, more only when two meet.
function chunkNames(language: string, chunks: readonly Uint8Array[]): string[] {
  const taken = new Set<string>();
  return chunks.map((bytes) => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    let length = 7;
    while (taken.has(`${language}_${hash.slice(0, length)}`)) length += 1;
    const name = `${language}_${hash.slice(0, length)}`;
    taken.add(name);
    return name;
  });
}

/**
 * Replaces the index chunks `chunks` (Pagefind's metadata entries: from, to, name) of the bundle in
 * `folder` with smaller ones (`CUT`); returns the metadata entries of the new ones.
 */
export async function recutIndex(folder: string, language: string, chunks: CborValue): Promise<CborValue[]> {
  if (!Array.isArray(chunks)) throw new Error('pf_meta: no index chunks');
  const files = chunks.map((chunk) => {
    const name = Array.isArray(chunk) ? chunk[2] : undefined;
    if (typeof name !== 'string') throw new Error('pf_meta: an index chunk has no name');
    return join(folder, 'index', `${name}.pf_index`);
  });
  const read = await Promise.all(files.map((file) => readFile(file)));
  const words = read.flatMap((bytes) => chunkWords(withoutSignature(gunzipSync(bytes))));
  const cut = cutIndex(words, CUT);
  const compressed = cut.map((chunk) => gzipSync(withSignature(chunkOf(chunk)), { level: 9 }));
  const names = chunkNames(language, compressed);
  await Promise.all(files.map((file) => rm(file)));
  await Promise.all(
    compressed.map((bytes, at) => writeFile(join(folder, 'index', `${names[at] as string}.pf_index`), bytes)),
  );
  return chunkRanges(cut).map(({ from, to }, at) => [from, to, names[at] as string]);
}
