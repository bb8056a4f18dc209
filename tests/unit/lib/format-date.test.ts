import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatMonth } from '../../../src/lib/format-date.ts';

describe('formatting dates', () => {
  it('writes a day in Russian without «г.»', () => {
    expect(formatIsoDate('2025-12-26', 'ru', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
      '26 декабря 2025',
    );
  });

  it('names a month in the nominative with a capital letter', () => {
    expect(formatMonth('2025-03', 'ru')).toBe('Март 2025');
  });
});
