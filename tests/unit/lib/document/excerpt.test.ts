import { describe, expect, it } from 'vitest';
import { countWords, excerpt } from '../../../../src/lib/document/excerpt.ts';

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('Коротко.', 50)).toBe('Коротко.');
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    expect(excerpt('один два три четыре пять', 12)).toBe('один два…');
  });

  it('never cuts an emoji, a flag or a letter with its accents in two', () => {
    const text = 'а'.repeat(9);
    for (const tail of ['😀😀', '👩‍💻👩‍💻', '🇷🇺🇷🇺', 'е\u0301\u0301е\u0301', '👍🏽👍🏽']) {
      const cut = excerpt(`${text}${tail}`, 10);
      expect(cut, tail).toBe(`${text}${[...new Intl.Segmenter().segment(tail)][0]?.segment}…`);
      expect(cut).not.toMatch(/\uFFFD|\p{Surrogate}/u);
      expect(new TextDecoder().decode(new TextEncoder().encode(cut))).toBe(cut);
    }
  });

  it('stays bounded when one letter carries thousands of combining marks', () => {
    const cut = excerpt(`Начало ${'е'.repeat(5)}${'\u0301'.repeat(100_000)} конец`, 200);
    expect(cut).toBe('Начало…');
  });

  it('closes an isolate the cut leaves open before the ellipsis, so it reverses nothing after it', () => {
    expect(excerpt('один \u2067два три четыре\u2069 пять', 12)).toBe('один \u2067два\u2069…');
    expect(excerpt('коротко \u202Eнаоборот', 50)).toBe('коротко \u202Eнаоборот\u202C');
  });

  it('cuts a megabyte paragraph without a space at the limit', () => {
    const cut = excerpt('я'.repeat(1_000_000), 200);
    expect(cut).toBe(`${'я'.repeat(200)}…`);
  });
});

describe('countWords', () => {
  it('counts Cyrillic words, hyphenated words once, and numbers', () => {
    expect(countWords(['По-прежнему 25 человек — это много.'])).toBe(5);
  });
});
