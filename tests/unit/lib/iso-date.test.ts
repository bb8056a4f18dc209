import { describe, expect, it } from 'vitest';
import { formatDateRu, isValidIsoDate } from '../../../src/lib/iso-date.ts';

describe('isValidIsoDate', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isValidIsoDate('2025-12-26')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-45')).toBe(false);
    expect(isValidIsoDate('2025-1-5')).toBe(false);
  });

  it('handles years before 100 without shifting them into the 1900s', () => {
    expect(isValidIsoDate('0044-03-15')).toBe(true);
  });
});

describe('formatDateRu', () => {
  it('prints the date in Russian genitive without the year suffix', () => {
    expect(formatDateRu('2025-12-26')).toBe('26 декабря 2025');
    expect(formatDateRu('2024-03-01')).toBe('1 марта 2024');
  });
});
