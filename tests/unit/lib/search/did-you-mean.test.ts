import { describe, expect, it } from 'vitest';
import {
  chunkKeysFor,
  editDistance,
  isKnownWord,
  isMatchedWord,
  nearestWord,
  suggestQuery,
} from '../../../../src/lib/search/did-you-mean.ts';
import type { VocabularyEntry } from '../../../../src/lib/search/vocabulary.ts';

const words: VocabularyEntry[] = [
  ['переговоры', 4],
  ['переговоров', 2],
  ['переговор', 1],
  ['гололёд', 2],
  ['кремле', 3],
];

describe('did you mean', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('пересовоы', 'переговоры')).toBe(2);
    expect(editDistance('кермле', 'кремле')).toBe(1);
    expect(editDistance('кот', 'кот')).toBe(0);
    expect(editDistance('а', 'абвгд', 2)).toBe(3);
    expect(editDistance('абвгд', 'вгдеж', 1)).toBe(2);
  });

  it('finds the nearest archive word, the more frequent on a tie', () => {
    expect(nearestWord('пересовоы', words)).toBe('переговоры');
    expect(nearestWord('гололед', words)).toBe(null);
    expect(nearestWord('голалед', words)).toBe('гололёд');
    expect(nearestWord('самолёт', words)).toBe(null);
  });

  it("asks only for chunks of the same first letter and reachable lengths, the word's own first", () => {
    expect(chunkKeysFor('пересовоы')).toEqual(['43f-9', '43f-7', '43f-8', '43f-10', '43f-11']);
    expect(chunkKeysFor('кот')).toEqual(['43a-3', '43a-4']);
    expect(chunkKeysFor('на')).toEqual([]);
  });

  it('rewrites only the unknown words of a query, keeping the rest as typed', () => {
    expect(suggestQuery('кермле пересовоы, 2025', () => words)).toBe('кремле переговоры, 2025');
    expect(suggestQuery('переговоры в кремле', () => words)).toBe(null);
  });

  it('tells a known word by its own chunk, letter case and ё aside', () => {
    expect(isKnownWord('ГОЛОЛЕД', words)).toBe(true);
    expect(isKnownWord('гололедд', words)).toBe(false);
  });

  it('takes a word the results found, began or found in another form, as known', () => {
    expect(isMatchedWord('голол', ['Гололёд'])).toBe(true);
    expect(isMatchedWord('кремль', ['Кремле'])).toBe(true);
    expect(isMatchedWord('пересоворы', ['пересев'])).toBe(false);
  });

  it('corrects a word beside results that matched only a shorter word', () => {
    // Search fell back on «пересев» for the unknown «пересоворы».
    expect(suggestQuery('пересоворы', () => words, ['пересев'])).toBe('переговоры');
  });

  it('corrects a word beside results that found another word of the same beginning', () => {
    // «любой» is not a form of «любовь»: their stems differ.
    expect(suggestQuery('любофь', () => [['любовь', 3]], ['любой'])).toBe('любовь');
  });

  it('says nothing the results already show: a word they found, or another form of it', () => {
    expect(suggestQuery('голол', () => words, ['гололёд'])).toBe(null);
    expect(suggestQuery('гололедд', () => words, ['гололёд'])).toBe(null);
    expect(suggestQuery('переговорам', () => words, ['переговоров'])).toBe(null);
  });
});
