import { describe, expect, it } from 'vitest';
import {
  fragmentRange,
  headerBytes,
  packFragments,
  packPlace,
  PACK_PAGES,
} from '../../../../src/lib/search/fragment-packs.ts';

const fragment = (size: number, fill: number) => new Uint8Array(size).fill(fill);

describe('fragment packs', () => {
  it('packs fragments of consecutive pages, each found again by its place and the header', () => {
    const fragments = Array.from({ length: 10 }, (_, at) => fragment(at + 1, at));
    const packs = packFragments(fragments, 4);
    expect(packs).toHaveLength(3);
    fragments.forEach((expected, page) => {
      const { pack, slot } = packPlace(page, 4);
      const bytes = packs[pack];
      if (!bytes) throw new Error(`no pack ${pack}`);
      const { start, end } = fragmentRange(bytes.subarray(0, headerBytes(4)), slot);
      expect(bytes.subarray(start, end)).toEqual(expected);
    });
  });

  it('gives the last pack no slot past its pages', () => {
    const [last] = packFragments([fragment(3, 1)], 4);
    if (!last) throw new Error('no pack');
    expect(last).toHaveLength(headerBytes(4) + 3);
    expect(() => fragmentRange(last.subarray(0, headerBytes(4)), 1)).toThrow(/no fragment at slot 1/u);
    expect(() => fragmentRange(last.subarray(0, 8), 4)).toThrow(/no slot 4/u);
  });

  it('costs a reader a small header: four bytes a page of a pack', () => {
    expect(PACK_PAGES).toBe(64);
    expect(headerBytes(PACK_PAGES)).toBe(260);
    expect(packPlace(130)).toEqual({ pack: 2, slot: 2 });
  });
});
