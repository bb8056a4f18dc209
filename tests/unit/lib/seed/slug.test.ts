import { describe, expect, it } from 'vitest';
import { slugFromPath } from '../../../../src/lib/seed/slug.ts';

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

describe('slugFromPath for names ASCII cannot spell', () => {
  it('gives the same slug for composed and decomposed spellings of a name', () => {
    expect(slugFromPath('Ёлка.txt'.normalize('NFD'))).toBe(slugFromPath('Ёлка.txt'));
  });

  it('gives names in other scripts a stable fingerprint instead of dropping them', () => {
    const tokyo = slugFromPath('東京.txt');
    expect(tokyo).toMatch(/^[a-z0-9]{7}$/u);
    expect(slugFromPath('東京.txt')).toBe(tokyo);
    expect(slugFromPath('大阪.txt')).not.toBe(tokyo);
    expect(slugFromPath('Отчёт 東京.txt')).toMatch(/^otchyot-[a-z0-9]{7}$/u);
    expect(slugFromPath('☃.txt')).not.toBe(slugFromPath('★.txt'));
  });

  it('cuts very long names and keeps them distinct with a fingerprint', () => {
    const a = slugFromPath(`${'очень длинное имя '.repeat(20)}a.txt`);
    const b = slugFromPath(`${'очень длинное имя '.repeat(20)}b.txt`);
    expect(a.length).toBeLessThanOrEqual(100);
    expect(a).not.toBe(b);
  });

  it('spells markup in a file name as plain ASCII words', () => {
    expect(slugFromPath('<img src=x onerror=alert(1)>.txt')).toBe('img-src-x-onerror-alert-1');
  });
});
