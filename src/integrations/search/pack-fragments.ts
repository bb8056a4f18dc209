// Rewrites a bundle Pagefind wrote: its fragments go into packs of consecutive pages (a file per
// `PACK_PAGES` documents instead of one per document), its metadata names pages by number, and
// its word index is cut into smaller chunks (`recut-index.ts`).
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packFragments, PACK_PAGES } from '../../lib/search/fragment-packs.ts';
import { sharedWasm } from '../../lib/search/bundles.ts';
import { decodeCbor, encodeCbor, type CborValue } from '../../lib/search/cbor.ts';
import { numberPages, withoutSignature, withSignature } from '../../lib/search/pagefind-meta.ts';
import { recutIndex } from './recut-index.ts';

/** The packs of a bundle as its entry file lists them: pages per pack, and each language's packs in page order. */
export interface FragmentPacks {
  pages: number;
  languages: Record<string, string[]>;
}

interface Entry {
  languages: Record<string, { hash: string; wasm?: string }>;
  fragment_packs?: FragmentPacks;
}

const hashOf = (bytes: Uint8Array, length: number): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, length);

async function packLanguage(
  folder: string,
  language: string,
  metaHash: string,
): Promise<{ meta: string; packs: string[] }> {
  const metaFile = join(folder, `pagefind.${metaHash}.pf_meta`);
  const decoded = decodeCbor(withoutSignature(gunzipSync(await readFile(metaFile))));
  const { meta, hashes } = numberPages(decoded);
  meta[2] = await recutIndex(folder, language, meta[2] as CborValue);
  const fragmentFile = (hash: string): string => join(folder, 'fragment', `${hash}.pf_fragment`);
  const fragments = await Promise.all(hashes.map((hash) => readFile(fragmentFile(hash))));
  const packs = packFragments(fragments, PACK_PAGES).map((bytes) => ({
    bytes,
    name: `${language}_${hashOf(bytes, 10)}`,
  }));
  await Promise.all(
    packs.map(({ bytes, name }) => writeFile(join(folder, 'fragment', `${name}.pf_pack`), bytes)),
  );
  // Identical pages share a fragment: each file goes once.
  await Promise.all([...new Set(hashes)].map((hash) => rm(fragmentFile(hash))));
  const compressed = gzipSync(withSignature(encodeCbor(meta)), { level: 9 });
  const renamed = `${language}_${hashOf(compressed, 10)}`;
  await rm(metaFile);
  await writeFile(join(folder, `pagefind.${renamed}.pf_meta`), compressed);
  return { meta: renamed, packs: packs.map(({ name }) => name) };
}

/**
 * Packs the fragments of every language of the bundle in `folder` and names its pages by number
 * (`src/lib/search/pagefind-meta.ts`); the entry file names the new metadata, lists the packs and
 * names the entry bundle's WebAssembly as each language's (`sharedWasm`).
 */
export async function packBundle(folder: string): Promise<FragmentPacks> {
  const entryFile = join(folder, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as Entry;
  const packs: FragmentPacks = { pages: PACK_PAGES, languages: {} };
  for (const [language, index] of Object.entries(entry.languages)) {
    const packed = await packLanguage(folder, language, index.hash);
    index.hash = packed.meta;
    if (index.wasm !== undefined) index.wasm = sharedWasm(index.wasm);
    packs.languages[language] = packed.packs;
  }
  entry.fragment_packs = packs;
  await writeFile(entryFile, JSON.stringify(entry));
  return packs;
}

/** The packs a bundle's entry file lists, or none for a bundle whose fragments are Pagefind's own. */
export function entryPacks(entry: string): FragmentPacks | undefined {
  return (JSON.parse(entry) as Entry).fragment_packs;
}
