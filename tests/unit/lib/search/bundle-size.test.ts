import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUNDLE_SIZE,
  matchesQueryWords,
  parseBundleSize,
  planLanguages,
} from '../../../../src/lib/search/bundle-size.ts';

describe('reading the shard size setting', () => {
  it('takes the default when unset and a positive integer otherwise', () => {
    expect(parseBundleSize(undefined)).toBe(DEFAULT_BUNDLE_SIZE);
    expect(parseBundleSize(' ')).toBe(DEFAULT_BUNDLE_SIZE);
    expect(parseBundleSize('3')).toBe(3);
    expect(() => parseBundleSize('0')).toThrow(/SEARCH_SHARD_SIZE/u);
    expect(() => parseBundleSize('many')).toThrow(/SEARCH_SHARD_SIZE/u);
  });
});

describe('planning the language indexes of several bundles', () => {
  it('groups bundles by language, largest language first, skipping bundles without it', () => {
    const plans = planLanguages([
      { bundle: '/pagefind/', languages: {} },
      { bundle: '/pagefind-1/', languages: { ru: 5 } },
      { bundle: '/pagefind-2/', languages: { en: 1, ru: 3 } },
      { bundle: '/pagefind-3/', languages: { en: 0, ru: 4 } },
    ]);
    expect(plans).toEqual([
      {
        language: 'ru',
        pages: 12,
        bundles: [
          { bundle: '/pagefind-1/', shard: 1, pages: 5 },
          { bundle: '/pagefind-2/', shard: 2, pages: 3 },
          { bundle: '/pagefind-3/', shard: 3, pages: 4 },
        ],
      },
      { language: 'en', pages: 1, bundles: [{ bundle: '/pagefind-2/', shard: 2, pages: 1 }] },
    ]);
  });

  it('opens a language from the entry bundle when that bundle holds it', () => {
    const [ru, en] = planLanguages(
      [
        { bundle: '/pagefind-a/', languages: { ru: 5, en: 1 } },
        { bundle: '/pagefind/', languages: { ru: 2 } },
      ],
      '/pagefind/',
    );
    expect(ru?.bundles).toEqual([
      { bundle: '/pagefind/', shard: 1, pages: 2 },
      { bundle: '/pagefind-a/', shard: 0, pages: 5 },
    ]);
    expect(en?.bundles).toEqual([{ bundle: '/pagefind-a/', shard: 0, pages: 1 }]);
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

  it('counts the words of the headline, which Pagefind searches as the title', () => {
    expect(matchesQueryWords('гололёд город', content, [3], 'Гололёд в Петербурге')).toBe(true);
    expect(matchesQueryWords('гололёд', content, [], 'Гололёд в Петербурге')).toBe(true);
    expect(matchesQueryWords('снегопад', content, [], 'Гололёд в Петербурге')).toBe(false);
  });

  it('cannot tell without locations, for an exact phrase or for an empty query', () => {
    expect(matchesQueryWords('снегопад', content, [])).toBeNull();
    expect(matchesQueryWords('"снегопад накрыл"', content, [1, 2])).toBeNull();
    expect(matchesQueryWords('  ', content, [1])).toBeNull();
  });
});
