import { describe, expect, it } from 'vitest';
import {
  checkSize,
  DEFAULT_MAX_SEED_BYTES,
  formatSize,
  parseSize,
} from '../../../../src/lib/seed/size-limit.ts';

describe('size limits', () => {
  it('defaults to 20 MB', () => {
    expect(DEFAULT_MAX_SEED_BYTES).toBe(20 * 1024 * 1024);
  });

  it('reads bytes and binary KB, MB and GB in any letter case', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize(' 4 MB ')).toBe(4 * 1024 * 1024);
    expect(parseSize('1.5M')).toBe(1.5 * 1024 * 1024);
    expect(parseSize('1GB')).toBe(1024 ** 3);
  });

  it('refuses anything that is not a positive size', () => {
    for (const text of ['', 'big', '-1', '0', '20 TB', '1e6'])
      expect(() => parseSize(text)).toThrow(/not a size/u);
  });

  it('names a file over the limit with both sizes, and lets one at the limit through', () => {
    expect(checkSize('a.txt', 100, 100)).toBeUndefined();
    expect(checkSize('a.txt', 5 * 1024 * 1024, 4 * 1024 * 1024)).toEqual({
      file: 'a.txt',
      line: 1,
      reason: 'file is 5 MB, larger than the 4 MB limit (MAX_SEED_SIZE)',
      severity: 'error',
    });
    expect(formatSize(1536)).toBe('1.5 KB');
  });
});
