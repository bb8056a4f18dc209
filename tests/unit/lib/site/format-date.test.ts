import { describe, expect, it } from 'vitest';
import {
  dateStyleAttributes,
  formatIsoDate,
  formatMonth,
  monthName,
  readDateStyle,
  shortMonthName,
} from '../../../../src/lib/site/format-date.ts';

const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;

describe('formatting dates', () => {
  it('writes a day in the configured format, in Russian without «г.»', () => {
    expect(formatIsoDate('2025-12-26', 'ru', long)).toBe('26 декабря 2025');
    expect(formatIsoDate('2024-03-01', 'ru', long)).toBe('1 марта 2024');
    expect(formatIsoDate('2025-12-26', 'ru', { day: '2-digit', month: '2-digit', year: 'numeric' })).toBe(
      '26.12.2025',
    );
  });

  it('writes the first and the last day a document may have', () => {
    expect(formatIsoDate('0001-01-01', 'ru', long)).toBe('1 января 1');
    expect(formatIsoDate('9999-12-31', 'ru', long)).toBe('31 декабря 9999');
  });

  it('names a month in the nominative with a capital letter, as a heading', () => {
    expect(formatMonth('2025-03', 'ru')).toBe('Март 2025');
  });

  it('names a month in running text in the nominative or the genitive', () => {
    expect(monthName('2018-12', 'ru')).toBe('декабрь 2018');
    expect(monthName('2018-12', 'ru', 'genitive')).toBe('декабря 2018');
    expect(monthName('2025-05', 'ru', 'genitive')).toBe('мая 2025');
    expect(monthName('2025-05', 'en', 'genitive')).toBe('May 2025');
  });

  it('gives the short standalone name of a month for an axis', () => {
    expect(['2025-01', '2025-05', '2025-09'].map((month) => shortMonthName(month, 'ru'))).toEqual([
      'янв.',
      'май',
      'сент.',
    ]);
  });

  it('hands the date style to a script and reads it back', () => {
    const attributes = dateStyleAttributes({ lang: 'ru', format: long });
    const style = readDateStyle({
      dateLang: attributes['data-date-lang'],
      dateFormat: attributes['data-date-format'],
    });
    expect(formatIsoDate('2025-12-26', style.lang, style.format)).toBe('26 декабря 2025');
    expect(readDateStyle({ dateFormat: '{broken' })).toEqual({ lang: 'und', format: {} });
  });
});
