import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../scripts/bench/corpus.ts';
import { editDistance } from '../../../src/lib/search/did-you-mean.ts';
import { EDITS, misspell, typoCases } from '../../../scripts/bench/typo-cases.ts';

const documents = Array.from({ length: 40 }, (_, at) => ({
  url: `/doc/${String(at).padStart(2, '0')}/`,
  headline: ['Примеры программирования на Basic', 'Вставка таблицы', 'Печать слайда', 'Мастер диаграмм'][at % 4] ?? '',
}));

describe('typo cases', () => {
  it('misspells a word by one edit of its own kind, keeping the first and last letters', () => {
    const random = createRandom(3);
    for (let round = 0; round < 50; round++)
      for (const edit of EDITS) {
        const typo = misspell('программирования', edit, random);
        expect(typo).not.toBeNull();
        expect(editDistance('программирования', typo ?? '')).toBe(1);
        expect(typo?.at(0)).toBe('п');
        expect(typo?.at(-1)).toBe('я');
        expect([...(typo ?? '')].length - 16).toBe(edit === 'insert' ? 1 : edit === 'delete' ? -1 : 0);
      }
    expect(misspell('ааааа', 'transpose', random)).toBeNull();
  });

  it('gives the same cases for the same documents, each edit in turn, words of five letters or more', () => {
    const cases = typoCases(documents, 12);
    expect(typoCases(documents, 12)).toEqual(cases);
    expect(cases.map(({ edit }) => edit)).toEqual([...EDITS, ...EDITS, ...EDITS]);
    for (const one of cases) {
      expect([...one.word].length).toBeGreaterThanOrEqual(5);
      expect(one.query).toBe(one.headline.replace(one.word, one.typo));
    }
    expect(new Set(cases.map(({ url }) => url)).size).toBe(12);
  });
});
