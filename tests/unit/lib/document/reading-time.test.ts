import { describe, expect, it } from 'vitest';
import { formatReadingTime, readingMinutes } from '../../../../src/lib/document/reading-time.ts';

describe('reading time', () => {
  it('never says less than one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(formatReadingTime(10)).toBe('1 минута');
  });

  it('uses the Russian plural forms one, few and many', () => {
    expect(formatReadingTime(2 * 180)).toBe('2 минуты');
    expect(formatReadingTime(5 * 180)).toBe('5 минут');
    expect(formatReadingTime(11 * 180)).toBe('11 минут');
    expect(formatReadingTime(21 * 180)).toBe('21 минута');
    expect(formatReadingTime(22 * 180)).toBe('22 минуты');
  });
});
