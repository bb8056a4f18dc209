import { describe, expect, it } from 'vitest';
import { countRu, pluralRu } from '../../../../src/lib/site/plural-ru.ts';

const results = { one: 'результат', few: 'результата', many: 'результатов' };

describe('Russian plurals', () => {
  it('agrees a noun with 1, 2, 5, 11, 21, 22 and 25', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => `${n} ${pluralRu(n, results)}`)).toEqual([
      '1 результат',
      '2 результата',
      '5 результатов',
      '11 результатов',
      '21 результат',
      '22 результата',
      '25 результатов',
      '111 результатов',
    ]);
  });

  it('writes large counts with Russian digit grouping', () => {
    expect(countRu(10001, results)).toBe('10\u00a0001 результат');
  });
});
