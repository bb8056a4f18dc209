/** A CBOR value as Pagefind's metadata holds it: integers, text, byte strings and arrays. */
export type CborValue = number | string | Uint8Array | CborValue[];

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

/** Decodes the subset of CBOR Pagefind writes (definite lengths; integers, text, bytes, arrays). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = 2 ** (info - 24);
    if (size > 4) throw new Error(`pf_meta: ${size}-byte lengths are not supported`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : view.getUint32(at);
    at += size;
    return value;
  };
  const item = (): CborValue => {
    const head = view.getUint8(at);
    at += 1;
    const major = head >> 5;
    const value = length(head & 31);
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 2 || major === 3) {
      const slice = bytes.subarray(at, at + value);
      at += value;
      return major === 2 ? slice.slice() : new TextDecoder().decode(slice);
    }
    if (major === 4) return Array.from({ length: value }, item);
    throw new Error(`pf_meta: CBOR major type ${major} is not supported`);
  };
  const value = item();
  if (at !== bytes.length) throw new Error('pf_meta: bytes after the CBOR value');
  return value;
}

/** Encodes a value as CBOR with the shortest heads, as Pagefind's encoder does. */
export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  const head = (major: number, count: number): void => {
    if (count < 24) out.push((major << 5) | count);
    else if (count < 0x100) out.push((major << 5) | 24, count);
    else if (count < 0x10000) out.push((major << 5) | 25, count >> 8, count & 0xff);
    else out.push((major << 5) | 26, count >>> 24, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff);
  };
  const item = (next: CborValue): void => {
    if (typeof next === 'number') {
      if (!Number.isInteger(next) || Math.abs(next) > 0xffffffff)
        throw new Error(`pf_meta: ${next} is not a 32-bit integer`);
      if (next >= 0) head(0, next);
      else head(1, -1 - next);
    } else if (typeof next === 'string') {
      const text = new TextEncoder().encode(next);
      head(3, text.length);
      out.push(...text);
    } else if (next instanceof Uint8Array) {
      head(2, next.length);
      out.push(...next);
    } else {
      head(4, next.length);
      next.forEach(item);
    }
  };
  item(value);
  return Uint8Array.from(out);
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
export function numberPages(meta: CborValue): { meta: CborValue; hashes: string[] } {
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
