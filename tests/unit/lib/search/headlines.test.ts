import { describe, expect, it } from 'vitest';
import { headlineMatch, headlinesFirst, HEADLINE_WINDOW } from '../../../../src/lib/search/headlines.ts';

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
