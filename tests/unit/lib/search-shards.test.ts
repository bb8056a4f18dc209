import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARD_SIZE,
  matchesQueryWords,
  parseShardSize,
  planLanguages,
  shardCapacity,
  shardRanges,
} from '../../../src/lib/search-shards.ts';

describe('splitting pages into shards', () => {
  it('keeps a site of up to one shard in one bundle', () => {
    expect(shardRanges(0, 10)).toEqual([[0, 0]]);
    expect(shardRanges(10, 10)).toEqual([[0, 10]]);
  });

  it('makes as few shards as the size allows, of even sizes, covering every page once', () => {
    expect(shardRanges(10_202, 10_000)).toEqual([
      [0, 5101],
      [5101, 10_202],
    ]);
    const ranges = shardRanges(64, 5);
    expect(ranges).toHaveLength(13);
    expect(ranges.every(([start, end], at) => end - start <= 5 && start === (ranges[at - 1]?.[1] ?? 0))).toBe(
      true,
    );
    expect(ranges.at(-1)?.[1]).toBe(64);
  });

  it('refuses a shard size that is not a positive integer', () => {
    expect(() => shardRanges(10, 0)).toThrow(/positive integer/u);
    expect(() => shardRanges(10, 2.5)).toThrow(/positive integer/u);
  });
});

describe('filling shards as pages come', () => {
  it('gives the planned shards the even sizes of the expected page count', () => {
    const sizes = [0, 1].map((shard) => shardCapacity(10_202, 10_000, shard));
    expect(sizes).toEqual([5101, 10_000]);
    expect([0, 1, 2, 3, 4, 5].map((shard) => shardCapacity(25, 4, shard))).toEqual([4, 3, 4, 3, 4, 3]);
  });

  it('lets the last planned shard and any later one take a whole shard, so surplus pages still fit', () => {
    expect(shardCapacity(25, 4, 6)).toBe(4);
    expect(shardCapacity(25, 4, 7)).toBe(4);
    expect(shardCapacity(0, 4, 0)).toBe(4);
    expect(shardCapacity(3, 10, 0)).toBe(10);
  });
});

describe('reading the shard size setting', () => {
  it('takes the default when unset and a positive integer otherwise', () => {
    expect(parseShardSize(undefined)).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize(' ')).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize('3')).toBe(3);
    expect(() => parseShardSize('0')).toThrow(/SEARCH_SHARD_SIZE/u);
    expect(() => parseShardSize('many')).toThrow(/SEARCH_SHARD_SIZE/u);
  });
});

describe('planning the language indexes of several bundles', () => {
  it('groups bundles by language, largest language first, skipping bundles without it', () => {
    const plans = planLanguages([
      { bundle: '/pagefind/', languages: {} },
      { bundle: '/pagefind-1/', languages: { ru: { page_count: 5 } } },
      { bundle: '/pagefind-2/', languages: { en: { page_count: 1 }, ru: { page_count: 3 } } },
      { bundle: '/pagefind-3/', languages: { en: { page_count: 0 }, ru: { page_count: 4 } } },
    ]);
    expect(plans).toEqual([
      {
        language: 'ru',
        pages: 12,
        bundles: [
          { bundle: '/pagefind-1/', shard: 1 },
          { bundle: '/pagefind-2/', shard: 2 },
          { bundle: '/pagefind-3/', shard: 3 },
        ],
      },
      { language: 'en', pages: 1, bundles: [{ bundle: '/pagefind-2/', shard: 2 }] },
    ]);
  });
});

describe('telling a match of the query word from a shorter word Pagefind fell back to', () => {
  const content = 'Сильный снегопад накрыл город. С утра снег шёл без остановки.';

  it('accepts the word itself and its other forms', () => {
    expect(matchesQueryWords('снегопад', content, [1])).toBe(true);
    expect(matchesQueryWords('Снегопады', content, [1])).toBe(true);
    expect(matchesQueryWords('снегоп', content, [1])).toBe(true);
  });

  it('rejects a page matched only by a word the query word starts with', () => {
    expect(matchesQueryWords('снегопад', content, [4])).toBe(false);
    expect(matchesQueryWords('снегопадами', content, [6])).toBe(false);
  });

  it('needs every word of the query, spelled with ё or е alike', () => {
    expect(matchesQueryWords('снегопад город', content, [1, 3])).toBe(true);
    expect(matchesQueryWords('снегопад гололёд', content, [1, 3])).toBe(false);
    expect(matchesQueryWords('шел', content, [7])).toBe(true);
  });

  it('cannot tell without locations, for an exact phrase or for an empty query', () => {
    expect(matchesQueryWords('снегопад', content, [])).toBeNull();
    expect(matchesQueryWords('"снегопад накрыл"', content, [1, 2])).toBeNull();
    expect(matchesQueryWords('  ', content, [1])).toBeNull();
  });
});
