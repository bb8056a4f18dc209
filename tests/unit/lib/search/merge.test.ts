import { describe, expect, it } from 'vitest';
import {
  archiveWeights,
  inverseFrequency,
  mergeCounts,
  mergeRanked,
} from '../../../../src/lib/search/merge.ts';

const hit = (id: string, score: number, date = '') => ({ id, score, date });

describe('merging language indexes', () => {
  it('orders by score for relevance', () => {
    const merged = mergeRanked([[hit('a', 3), hit('b', 1)], [hit('c', 2)]], 'relevance');
    expect(merged.map((one) => one.id)).toEqual(['a', 'c', 'b']);
  });

  it('orders by date for newest and oldest, ties by score', () => {
    const lists = [
      [hit('a', 1, '2024-01-01'), hit('b', 1, '2022-01-01')],
      [hit('c', 1, '2023-01-01'), hit('d', 5, '2024-01-01')],
    ];
    expect(mergeRanked(lists, 'newest').map((one) => one.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(mergeRanked(lists, 'oldest').map((one) => one.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('adds up filter counts', () => {
    expect(
      mergeCounts([
        { year: { 2024: 2 }, lang: { ru: 2 } },
        { year: { 2024: 1, 2025: 1 }, lang: { en: 2 } },
      ]),
    ).toEqual({
      year: { 2024: 3, 2025: 1 },
      lang: { ru: 2, en: 2 },
    });
  });

  it('weighs a word by its rarity in the whole archive, not in one small index', () => {
    // One English page names him often; one of 24 Russian pages names him once.
    const [english, russian] = archiveWeights([
      { pages: 1, matching: 1 },
      { pages: 24, matching: 1 },
    ]) as [number, number];
    expect(2.5 * english).toBeGreaterThan(5.1 * russian);
    expect(russian).toBeLessThan(1);
  });

  it('leaves a single index and indexes without matches alone', () => {
    expect(archiveWeights([{ pages: 10, matching: 3 }])).toEqual([1]);
    expect(
      archiveWeights([
        { pages: 10, matching: 0 },
        { pages: 5, matching: 2 },
      ])[0],
    ).toBe(1);
    expect(inverseFrequency(10, 10)).toBeGreaterThan(0);
  });
});
