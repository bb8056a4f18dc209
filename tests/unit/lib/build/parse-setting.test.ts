import { describe, expect, it } from 'vitest';
import { parseCount, parseMegabytes } from '../../../../src/lib/build/parse-setting.ts';

describe('parseCount', () => {
  it('takes the default when the variable is unset or blank', () => {
    expect(parseCount('PAGE_SIZE', undefined, 50, 1)).toBe(50);
    expect(parseCount('PAGE_SIZE', '  ', 50, 1)).toBe(50);
  });

  it('reads whole numbers and refuses the rest, naming the variable', () => {
    expect(parseCount('SYNC_THREADS', '0', 1)).toBe(0);
    expect(parseCount('PAGE_SIZE', ' 20 ', 50, 1)).toBe(20);
    expect(() => parseCount('PAGE_SIZE', '0', 50, 1)).toThrow(
      /PAGE_SIZE must be a whole number of at least 1/u,
    );
    expect(() => parseCount('SYNC_THREADS', 'two', 1)).toThrow(/SYNC_THREADS.*"two"/u);
    expect(() => parseCount('SYNC_THREADS', '1.5', 1)).toThrow(/SYNC_THREADS/u);
  });
});

describe('parseMegabytes', () => {
  it('reads decimal megabytes as bytes, takes the default when unset, and refuses the rest', () => {
    expect(parseMegabytes('OFFLINE_BUDGET_MB', undefined, 25)).toBe(25_000_000);
    expect(parseMegabytes('OFFLINE_BUDGET_MB', '0.05', 25)).toBe(50_000);
    expect(parseMegabytes('OFFLINE_BUDGET_MB', '0', 25)).toBe(0);
    expect(() => parseMegabytes('OFFLINE_BUDGET_MB', '-1', 25)).toThrow(/OFFLINE_BUDGET_MB.*"-1"/u);
    expect(() => parseMegabytes('OFFLINE_BUDGET_MB', '25MB', 25)).toThrow(/OFFLINE_BUDGET_MB/u);
  });
});
