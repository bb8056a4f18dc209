import { describe, expect, it } from 'vitest';
import {
  boundedTitle,
  PARAGRAPH_LIMIT,
  pageText,
  paragraphParts,
  PART_LIMIT,
  TITLE_LIMIT,
} from '../../../../src/lib/seed/long-text.ts';

const sentence = 'Переговоры продолжатся в среду, сообщили в Кремле. ';

describe('paragraphParts', () => {
  it('keeps a paragraph up to the limit whole', () => {
    const text = 'я'.repeat(PARAGRAPH_LIMIT);
    expect(paragraphParts(text)).toEqual([text]);
  });

  it('cuts a longer paragraph at sentence ends into parts of at most the part limit, losing no word', () => {
    const text = sentence.repeat(2_000).trim();
    const parts = paragraphParts(text);
    expect(parts.length).toBeGreaterThan(text.length / PART_LIMIT);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(PART_LIMIT);
      expect(part).toMatch(/^Переговоры.*Кремле\.$/u);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts a run without sentence ends at spaces, and a run without spaces between graphemes', () => {
    const words = 'слово '.repeat(4_000).trim();
    expect(paragraphParts(words).join(' ')).toBe(words);
    const emoji = '👩‍💻е\u0301'.repeat(5_000);
    const parts = paragraphParts(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(PART_LIMIT);
      expect(part).toMatch(/^👩‍💻.*е\u0301$/u);
    }
  });

  it('closes an isolate cut in two at the end of the first part, and drops its closer from the next', () => {
    const text = `\u2067${sentence.repeat(400).trim()}\u2069`;
    const parts = paragraphParts(text);
    expect(parts[0]?.endsWith('\u2069')).toBe(true);
    expect(parts.at(-1)?.endsWith('Кремле.')).toBe(true);
    expect(parts.join(' ').replace(/[\u2067\u2069]/gu, '')).toBe(text.replace(/[\u2067\u2069]/gu, ''));
  });
});

describe('boundedTitle and pageText', () => {
  it('leaves an ordinary headline and its paragraphs as they are', () => {
    expect(pageText({ title: 'Заголовок', paragraphs: ['Текст.'] })).toEqual({
      title: 'Заголовок',
      paragraphs: ['Текст.'],
    });
  });

  it('cuts a very long headline for the places that repeat it and opens the page with it whole', () => {
    const title = sentence.repeat(300).trim();
    const bounded = boundedTitle(title);
    expect(bounded.cut).toBe(true);
    expect([...new Intl.Segmenter().segment(bounded.title)].length).toBeLessThanOrEqual(TITLE_LIMIT + 1);
    expect(bounded.title.endsWith('…')).toBe(true);
    const page = pageText({ title, paragraphs: ['Текст.'] });
    expect(page.title).toBe(bounded.title);
    expect(page.paragraphs.slice(0, -1).join(' ')).toBe(title);
    expect(page.paragraphs.at(-1)).toBe('Текст.');
  });
});
