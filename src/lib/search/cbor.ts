/** A CBOR value as Pagefind's files hold it: integers, text, byte strings and arrays. */
export type CborValue = number | string | Uint8Array | CborValue[];

/** A CBOR item's head: its major type and its argument (a number, or a length). */
export interface CborHead {
  major: number;
  value: number;
}

/** Reads the subset of CBOR Pagefind writes (definite lengths) item by item, from `at` on. */
export class CborCursor {
  at = 0;
  readonly bytes: Uint8Array;
  readonly #view: DataView;

  // No parameter properties: the search threads load this file with Node's type stripping.
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The head of the next item; a text or byte string's content follows it. */
  head(): CborHead {
    const first = this.#view.getUint8(this.at);
    this.at += 1;
    const info = first & 31;
    if (info < 24) return { major: first >> 5, value: info };
    const size = 2 ** (info - 24);
    if (size > 4) throw new Error(`CBOR: ${size}-byte lengths are not supported`);
    const view = this.#view;
    const value =
      size === 1 ? view.getUint8(this.at) : size === 2 ? view.getUint16(this.at) : view.getUint32(this.at);
    this.at += size;
    return { major: first >> 5, value };
  }

  /** The next `length` bytes, a string's content. */
  take(length: number): Uint8Array {
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }

  /** Steps over the next item, nested arrays included, without decoding it. */
  skip(): void {
    const { major, value } = this.head();
    if (major === 2 || major === 3) this.at += value;
    else if (major === 4) for (let left = value; left > 0; left -= 1) this.skip();
    else if (major > 4) throw new Error(`CBOR: major type ${major} is not supported`);
  }
}

/** Decodes the subset of CBOR Pagefind writes (definite lengths; integers, text, bytes, arrays). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const cursor = new CborCursor(bytes);
  const item = (): CborValue => {
    const { major, value } = cursor.head();
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 2) return cursor.take(value).slice();
    if (major === 3) return new TextDecoder().decode(cursor.take(value));
    if (major === 4) return Array.from({ length: value }, item);
    throw new Error(`CBOR: major type ${major} is not supported`);
  };
  const value = item();
  if (cursor.at !== bytes.length) throw new Error('CBOR: bytes after the CBOR value');
  return value;
}

/** The shortest head of an item of type `major` with argument `count`, as Pagefind's encoder writes it. */
export function cborHead(major: number, count: number): number[] {
  if (count < 24) return [(major << 5) | count];
  if (count < 0x100) return [(major << 5) | 24, count];
  if (count < 0x10000) return [(major << 5) | 25, count >> 8, count & 0xff];
  return [(major << 5) | 26, count >>> 24, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff];
}

/** Encodes a value as CBOR with the shortest heads, as Pagefind's encoder does. */
export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  const item = (next: CborValue): void => {
    if (typeof next === 'number') {
      if (!Number.isInteger(next) || Math.abs(next) > 0xffffffff)
        throw new Error(`CBOR: ${next} is not a 32-bit integer`);
      out.push(...(next >= 0 ? cborHead(0, next) : cborHead(1, -1 - next)));
    } else if (typeof next === 'string') {
      const text = new TextEncoder().encode(next);
      out.push(...cborHead(3, text.length), ...text);
    } else if (next instanceof Uint8Array) {
      out.push(...cborHead(2, next.length), ...next);
    } else {
      out.push(...cborHead(4, next.length));
      next.forEach(item);
    }
  };
  item(value);
  return Uint8Array.from(out);
}
