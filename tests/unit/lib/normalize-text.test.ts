import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/lib/normalize-text.ts';

describe('normalizeText', () => {
  it('turns CRLF, lone CR and form feeds into LF', () => {
    expect(normalizeText('a\r\nb\rc\fd')).toBe('a\nb\nc\nd');
  });

  it('replaces tabs and non-breaking spaces with plain spaces', () => {
    expect(normalizeText('a\tb\u00A0c\u202Fd')).toBe('a b c d');
  });

  it('removes zero-width characters and stray control characters', () => {
    expect(normalizeText('\uFEFFпри\u200Bвет\u0007')).toBe('привет');
  });

  it('composes decomposed letters (NFC)', () => {
    expect(normalizeText('е\u0308')).toBe('ё');
  });
});
