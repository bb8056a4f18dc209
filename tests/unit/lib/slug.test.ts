import { describe, expect, it } from 'vitest';
import { slugFromPath } from '../../../src/lib/slug.ts';

describe('slugFromPath', () => {
  it('keeps an ASCII file name, lower-cased, without its extension', () => {
    expect(slugFromPath('000_6fcc6f4572df1a85.txt')).toBe('000-6fcc6f4572df1a85');
    expect(slugFromPath('Report.TXT')).toBe('report');
  });

  it('transliterates Cyrillic and drops spaces and punctuation', () => {
    expect(slugFromPath('Новости дня (итоги).txt')).toBe('novosti-dnya-itogi');
  });

  it('joins sub-folders with a double dash so nested files stay distinct', () => {
    expect(slugFromPath('2024/март/отчёт.txt')).toBe('2024--mart--otchyot');
  });

  it('gives a fallback slug when nothing ASCII is left', () => {
    expect(slugFromPath('☃.txt')).toMatch(/^[a-z0-9-]+$/u);
  });
});
