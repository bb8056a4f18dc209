import { describe, expect, it } from 'vitest';
import { stemWord, termCounts } from '../../../../src/lib/document/terms.ts';

describe('termCounts', () => {
  it('counts word forms of one Russian word as one term', () => {
    const counts = termCounts(['Переговоры в Кремле.', 'Итоги переговоров, Кремль доволен.']);
    expect(counts[stemWord('переговоры')]).toBe(2);
    expect(counts[stemWord('Кремль')]).toBe(2);
  });

  it('folds ё into е and leaves out stop words and words shorter than three letters', () => {
    const counts = termCounts(['Гололёд и гололед, что было, как она']);
    expect(Object.keys(counts)).toEqual([stemWord('гололед')]);
    expect(counts[stemWord('гололед')]).toBe(2);
  });

  it('keeps only the most frequent terms, ties in alphabetical order', () => {
    const counts = termCounts(['яблоко яблоко груша слива'], 2);
    expect(Object.keys(counts)).toEqual([stemWord('яблоко'), stemWord('груша')]);
  });

  it('lower-cases words of other scripts without stemming them', () => {
    expect(termCounts(['NATO NATO'])).toEqual({ nato: 2 });
  });
});
