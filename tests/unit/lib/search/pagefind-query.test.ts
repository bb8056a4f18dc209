import { describe, expect, it } from 'vitest';
import {
  pagefindKey,
  pagefindPreload,
  pagefindQuery,
  pagefindWord,
  realStem,
} from '../../../../src/lib/search/pagefind-query.ts';

describe('pagefindQuery', () => {
  it('gives Pagefind an adjective in «-ый/-ой» as a word that stems to the stem of its other forms', () => {
    for (const [word, form] of [
      ['новый', 'нового'],
      ['большой', 'большого'],
      ['которой', 'которые'],
      ['заданный', 'заданного'],
      ['следующий', 'следующего'],
    ] as const) {
      expect(pagefindKey(pagefindWord(word))).toBe(pagefindKey(form));
    }
  });

  it('keeps a word whose folded key already begins its real stem', () => {
    for (const word of ['нового', 'край', 'случай', 'текущий', 'район', 'гололёд', 'snow']) {
      expect(pagefindWord(word)).toBe(word);
    }
  });

  it('never gives a key longer than the real stem, so no form of the word is lost', () => {
    for (const word of ['новый', 'новой', 'синий', 'заданный', 'такой', 'данный', 'ёлкой']) {
      expect(realStem(word).startsWith(pagefindKey(pagefindWord(word)))).toBe(true);
    }
  });

  it('gives a typo no ending brings back to its stem as the stem itself, whose key is shorter', () => {
    expect(pagefindWord('случайый')).toBe(realStem('случайый'));
    expect(realStem('случайый').startsWith(pagefindKey(pagefindWord('случайый')))).toBe(true);
  });

  it('rewrites only the words in «й» and keeps everything around them', () => {
    expect(pagefindQuery('Новый «дом», снег')).toBe('нов «дом», снег');
    expect(pagefindQuery('"большой театр"')).toBe('"больш театр"');
    expect(pagefindQuery('снегопад в Москве')).toBe('снегопад в Москве');
  });

  it('asks for the index chunks of the lost endings only when a word is rewritten', () => {
    expect(pagefindPreload('снегопад район')).toBeNull();
    expect(pagefindPreload('Новый дом')).toBe('Новый новый новой новий новей');
  });
});
