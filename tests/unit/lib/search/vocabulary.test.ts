import { describe, expect, it } from 'vitest';
import {
  chunkKey,
  countWordsInto,
  foldWord,
  vocabularyChunks,
} from '../../../../src/lib/search/vocabulary.ts';

describe('archive vocabulary', () => {
  it('counts lower-cased words of three letters or more', () => {
    const counts = new Map<string, number>();
    countWordsInto('Переговоры, переговоры и ещё раз ПЕРЕГОВОРЫ в Майами', counts);
    expect(Object.fromEntries(counts)).toEqual({ переговоры: 3, ещё: 1, раз: 1, майами: 1 });
  });

  it('counts the length of a word in letters, not in UTF-16 code units', () => {
    const counts = new Map<string, number>();
    countWordsInto('𝐀𝐁 𝐀𝐁𝐂 Да ДАР', counts);
    expect(Object.fromEntries(counts)).toEqual({ '𝐀𝐁𝐂': 1, дар: 1 });
  });

  it('keys a chunk by folded first letter and length, long words sharing one bucket', () => {
    expect(foldWord('Ёлка')).toBe('елка');
    expect(chunkKey('Ёлка')).toBe(chunkKey('елки'));
    expect(chunkKey('переговоры')).toBe('43f-10');
    expect(chunkKey('превысокомногорассмотрительствующий')).toBe('43f-20');
  });

  it('sorts each chunk by frequency and drops words below the minimum count', () => {
    const counts = new Map([
      ['кот', 1],
      ['кит', 3],
      ['ком', 3],
    ]);
    expect(vocabularyChunks(counts).get('43a-3')).toEqual([
      ['кит', 3],
      ['ком', 3],
      ['кот', 1],
    ]);
    expect(vocabularyChunks(counts, 2).get('43a-3')).toEqual([
      ['кит', 3],
      ['ком', 3],
    ]);
  });
});
