import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../../../src/lib/search/cbor.ts';
import { numberPages, withoutSignature, withSignature } from '../../../../src/lib/search/pagefind-meta.ts';

// Metadata shaped as Pagefind 1.6 writes it: version, pages, index chunks, filters, sorts, meta fields.
const meta: CborValue = [
  '1.6.0',
  [
    ['ru_2488a8a', 400, ''],
    ['ru_b21334c', 124, ''],
    ['ru_92ee5ac', 70_000, ''],
  ],
  [['01', '06', 'ru_3d4c624']],
  [['year', 'ru_9ddd505']],
  [['date', [0, 1, 2]]],
  ['date', 'title'],
];

describe('Pagefind metadata', () => {
  it('encodes CBOR back to the bytes it was decoded from', () => {
    const bytes = encodeCbor(meta);
    expect(decodeCbor(bytes)).toEqual(meta);
    expect(encodeCbor(decodeCbor(bytes))).toEqual(bytes);
  });

  it('writes the shortest heads, as Pagefind does', () => {
    expect([...encodeCbor(23)]).toEqual([0x17]);
    expect([...encodeCbor(24)]).toEqual([0x18, 24]);
    expect([...encodeCbor(256)]).toEqual([0x19, 1, 0]);
    expect([...encodeCbor(70_000)]).toEqual([0x1a, 0, 1, 0x11, 0x70]);
    expect([...encodeCbor(-1)]).toEqual([0x20]);
    expect([...encodeCbor('й')]).toEqual([0x62, 0xd0, 0xb9]);
    expect([...encodeCbor(new Uint8Array([7]))]).toEqual([0x41, 7]);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(() => decodeCbor(new Uint8Array([0xa1, 0x01, 0x02]))).toThrow(/major type 5/u);
    expect(() => decodeCbor(new Uint8Array([0x01, 0x02]))).toThrow(/after the CBOR value/u);
    expect(() => decodeCbor(new Uint8Array([0x1b, 0, 0, 0, 0, 0, 0, 0, 1]))).toThrow(/8-byte lengths/u);
    expect(decodeCbor(encodeCbor([-5, new Uint8Array([1, 2])]))).toEqual([-5, new Uint8Array([1, 2])]);
    expect(() => encodeCbor(1.5)).toThrow(/integer/u);
    expect(() => numberPages(['1.6.0'])).toThrow(/not Pagefind metadata/u);
  });

  it('keeps the signature Pagefind puts before its CBOR', () => {
    const signed = withSignature(new Uint8Array([1, 2]));
    expect(new TextDecoder().decode(signed.subarray(0, 12))).toBe('pagefind_dcd');
    expect([...withoutSignature(signed)]).toEqual([1, 2]);
    expect([...withoutSignature(new Uint8Array([1, 2]))]).toEqual([1, 2]);
  });

  it('names pages by their number in base 36 and drops the sort orders, keeping the rest', () => {
    const { meta: numbered, hashes } = numberPages(meta);
    expect(hashes).toEqual(['ru_2488a8a', 'ru_b21334c', 'ru_92ee5ac']);
    expect(numbered).toEqual([
      '1.6.0',
      [
        ['0', 400, ''],
        ['1', 124, ''],
        ['2', 70_000, ''],
      ],
      [['01', '06', 'ru_3d4c624']],
      [['year', 'ru_9ddd505']],
      [],
      ['date', 'title'],
    ]);
    const many = numberPages(['1.4.0', Array.from({ length: 40 }, (_, at) => [`h${at}`, 1]), [], [], []]);
    expect((many.meta as CborValue[][])[1]?.at(-1)).toEqual(['13', 1]);
  });
});
