import type { CborValue } from './cbor.ts';

// Pagefind prefixes the CBOR of its compressed files with this signature before gzip.
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/** The CBOR inside a Pagefind file's decompressed bytes, without its signature. */
export function withoutSignature(bytes: Uint8Array): Uint8Array {
  const signed = SIGNATURE.every((byte, at) => bytes[at] === byte);
  return signed ? bytes.subarray(SIGNATURE.length) : bytes;
}

/** Pagefind's signature followed by `bytes`, ready to be compressed. */
export function withSignature(bytes: Uint8Array): Uint8Array {
  const signed = new Uint8Array(SIGNATURE.length + bytes.length);
  signed.set(SIGNATURE);
  signed.set(bytes, SIGNATURE.length);
  return signed;
}

/** A page of Pagefind's metadata: its fragment's name first, then what the version adds. */
type MetaPage = [string, ...CborValue[]];

/**
 * Pagefind's metadata with every page named by its number in base 36 (`0`, `1`, … `7ap`) instead of
 * its fragment's hash, and without sort orders. Pages are numbered in the order they were added
 * (date order here), so the number is the date order and says where the fragment is packed; the
 * hashes (four fifths of the file) and the sort order (a fifth) need not be downloaded.
 * Returns the new metadata and the fragment hashes it replaced, in page order.
 */
export function numberPages(meta: CborValue): { meta: CborValue[]; hashes: string[] } {
  if (!Array.isArray(meta) || !Array.isArray(meta[1]) || !Array.isArray(meta[4]))
    throw new Error('pf_meta: not Pagefind metadata (version, pages, chunks, filters, sorts)');
  const pages = meta[1] as CborValue[];
  const hashes = pages.map((page) => {
    if (!Array.isArray(page) || typeof page[0] !== 'string') throw new Error('pf_meta: a page has no hash');
    return page[0];
  });
  const numbered = pages.map((page, at): MetaPage => {
    const [, ...rest] = page as MetaPage;
    return [at.toString(36), ...rest];
  });
  return { meta: [meta[0] as CborValue, numbered, ...meta.slice(2, 4), [], ...meta.slice(5)], hashes };
}
