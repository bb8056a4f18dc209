import { describe, expect, it } from 'vitest';
import { normalizeChecked, normalizeText } from '../../../../src/lib/seed/normalize-text.ts';

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

describe('normalizeText with invisible characters', () => {
  it('drops soft hyphens, word joiners and joiners between Latin or Cyrillic letters', () => {
    expect(normalizeText('пере\u00ADговоры встре\u2060ча a\u200Db д\u200Cа')).toBe(
      'переговоры встреча ab да',
    );
  });

  it('keeps the joiners that shape Persian words and join emoji sequences', () => {
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(normalizeText('👩\u200D💻 👍🏽\u200D')).toBe('👩\u200D💻 👍🏽');
  });

  it('composes letters that meet only after invisible characters are removed', () => {
    expect(normalizeText('е\u200B\u0308')).toBe('ё');
  });

  it('is idempotent', () => {
    const messy = '\uFEFFa\r\n\u200B\u0301b\u00A0\u200C\u200Cc\f\u2028d\u0085e';
    expect(normalizeText(normalizeText(messy))).toBe(normalizeText(messy));
  });
});

describe('normalizeChecked', () => {
  it('shows noncharacters and lone surrogates as U+FFFD and names them with the first line', () => {
    const { text, unwritable } = normalizeChecked('а\r\nб\uFFFF в\uFDD0\n\uD800г\uFFFF 😀\u{10FFFF}');
    expect(text).toBe('а\nб\uFFFD в\uFFFD\n\uFFFDг\uFFFD 😀\uFFFD');
    expect(unwritable).toEqual([
      { kind: 'noncharacter', line: 2, codes: ['U+FFFF', 'U+FDD0', 'U+D800', 'U+10FFFF'] },
    ]);
  });

  it('removes control characters and names them, keeping paired surrogates and private use', () => {
    const { text, unwritable } = normalizeChecked('a\n\n\u0000b\u0007\u009F 😀 \uE000');
    expect(text).toBe('a\n\nb 😀 \uE000');
    expect(unwritable).toEqual([{ kind: 'control', line: 3, codes: ['U+0000', 'U+0007', 'U+009F'] }]);
    expect(normalizeChecked('чистый текст 👍🏽').unwritable).toEqual([]);
  });
});
