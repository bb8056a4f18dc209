import { describe, expect, it } from 'vitest';
import { correctTypos, nearWords, typoCorrections } from '../../../../src/lib/search/typo-correction.ts';
import type { VocabularyEntry } from '../../../../src/lib/search/vocabulary.ts';

const words: VocabularyEntry[] = [
  ['программирования', 12],
  ['программирование', 3],
  ['примеры', 9],
  ['basic', 7],
  ['таблицы', 20],
  ['таблица', 8],
  ['гололёд', 2],
  ['стола', 4],
  ['стало', 9],
];
const vocabulary = () => words;
const corrected = (query: string, matched: string[] = []) => correctTypos(query, vocabulary, matched)?.query;

describe('correcting typos by the archive vocabulary', () => {
  it('corrects a swap of two inner letters as one edit', () => {
    expect(corrected('прогарммирования')).toBe('программирования');
  });

  it('corrects an inserted, a dropped and a wrong letter', () => {
    expect(corrected('программиврования')).toBe('программирования');
    expect(corrected('прграммирования')).toBe('программирования');
    expect(corrected('программирпвания')).toBe('программирования');
  });

  it('corrects two edits in a long word', () => {
    expect(corrected('прогарммировния')).toBe('программирования');
  });

  it('takes the more frequent word when two are as near', () => {
    // «таблицв» is one letter from «таблицы» (20) and from «таблица» (8).
    expect(corrected('таблицв')).toBe('таблицы');
  });

  it('corrects only the unknown words of a query and keeps the rest as typed, case included', () => {
    expect(corrected('Пимеры прогарммирования на Basic')).toBe('Примеры программирования на Basic');
    expect(corrected('ПРИМРЕЫ')).toBe('ПРИМЕРЫ');
  });

  it('tells which words it changed, as typed and as corrected', () => {
    expect(correctTypos('Пимеры на Basic, гололед', vocabulary)).toEqual({
      query: 'Примеры на Basic, гололед',
      changed: [{ typed: 'Пимеры', corrected: 'Примеры' }],
    });
  });

  it('leaves a query alone when the vocabulary knows every word, ё written as е', () => {
    expect(correctTypos('примеры программирования, гололед', vocabulary)).toBe(null);
    // A misspelling that is itself an archive word is that word.
    expect(correctTypos('стола', vocabulary)).toBe(null);
  });

  it('leaves a word the results found, or one with nothing near, as typed', () => {
    expect(correctTypos('прогарммирования', vocabulary, ['прогарммирования'])).toBe(null);
    expect(correctTypos('самолёт', vocabulary)).toBe(null);
  });

  it('decides by the vocabulary, not by a result that matched only a shorter word', () => {
    // Search fell back on «прог…» words for the unknown word: that is no sign it is known.
    expect(corrected('прогарммирования', ['прогноз'])).toBe('программирования');
  });

  it('lists the near words nearest first, the more frequent first among the equally near', () => {
    const near: VocabularyEntry[] = [
      ['начать', 5],
      ['нажать', 50],
      ['нарисовать', 9],
      ['наш', 90],
    ];
    expect(nearWords('наать', near)).toEqual(['нажать', 'начать']);
    expect(nearWords('начать', near)).toEqual([]);
  });

  it('offers the next likeliest corrections after the first, a word with fewer keeping its last', () => {
    const near: VocabularyEntry[] = [
      ['нажать', 50],
      ['начать', 5],
      ['нумерацию', 3],
    ];
    expect(typoCorrections('Наать нумерацюи заново', () => near).map(({ query }) => query)).toEqual([
      'Нажать нумерацию заново',
      'Начать нумерацию заново',
    ]);
    expect(typoCorrections('нумерацию', () => near)).toEqual([]);
  });
});
