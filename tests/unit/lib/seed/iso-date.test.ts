import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../../../src/lib/seed/iso-date.ts';

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

  it('accepts the whole span from 0001-01-01 to 9999-12-31', () => {
    expect(isValidIsoDate('0001-01-01')).toBe(true);
    expect(isValidIsoDate('9999-12-31')).toBe(true);
  });
});
