import { describe, expect, it } from 'vitest';
import {
  headlineFilterFor,
  headlineFilterValue,
  headlineMatch,
  headlinesFirst,
  HEADLINE_WINDOW,
} from '../../../../src/lib/search/headlines.ts';

describe('how closely a headline matches a query', () => {
  it('is 0 for the same words in any order, letter case, ё or е and punctuation aside', () => {
    expect(headlineMatch('ледоход на неве', 'Ледоход на\u00a0Неве')).toBe(0);
    expect(headlineMatch('Неве ледоход на', '«Ледоход на Неве»')).toBe(0);
    expect(headlineMatch('жесткий гололед', 'Жёсткий гололёд')).toBe(0);
  });

  it('is 1 for other forms of the same words, 2 when either side has a word the other lacks', () => {
    expect(headlineMatch('авторы', 'Автор')).toBe(1);
    expect(headlineMatch('ледоход на неве', 'Ледоход на Неве закончился')).toBe(2);
    expect(headlineMatch('ледоход на неве закончился', 'Ледоход на Неве')).toBe(2);
    expect(headlineMatch('', 'Ледоход')).toBe(2);
  });
});

describe('putting the documents whose headline is the query first', () => {
  const hits = ['Ледоход на Неве закончился', 'Отчёт', 'Ледоходы на Неве', 'Ледоход на Неве'];

  it('orders the first results by how closely their headline matches, keeping ties in order', () => {
    expect(headlinesFirst('ледоход на неве', hits, (hit) => hit)).toEqual([
      'Ледоход на Неве',
      'Ледоходы на Неве',
      'Ледоход на Неве закончился',
      'Отчёт',
    ]);
  });

  it('leaves results after the first ten where they are', () => {
    const many = [...Array.from({ length: HEADLINE_WINDOW }, (_, at) => `Отчёт ${at}`), 'Ледоход'];
    expect(headlinesFirst('ледоход', many, (hit) => hit)).toEqual(many);
  });
});

describe('telling from the index which headlines may be the query', () => {
  it('counts the words of a short headline as search reads them, and none of a long one', () => {
    expect(headlineFilterValue('Лист')).toBe('1');
    expect(headlineFilterValue('«Ледоход на\u00a0Неве»')).toBe('3');
    expect(headlineFilterValue('Ледоход на Неве закончился раньше срока')).toBeNull();
    expect(headlineFilterValue(' — ')).toBeNull();
  });

  it('asks for headlines of as many words as the query, or cannot tell for a long query', () => {
    expect(headlineFilterFor('ледоход на неве')).toEqual(['3']);
    expect(headlineFilterFor('Лист')).toEqual(['1']);
    expect(headlineFilterFor('ледоход на неве закончился раньше')).toBeNull();
    expect(headlineFilterFor('')).toBeNull();
  });
});
