import { describe, expect, it } from 'vitest';
import { bodyExcerpt, indexedWords, matchedWords } from '../../../../src/lib/search/excerpt-marks.ts';

const text = (parts: { text: string; marked: boolean }[]) =>
  parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');

// The indexed text of a document is its body: the headline is a field of its own.
const content = 'В Петербурге ожидается сильный гололёд, дворники посыпают тротуары песком.';

describe('excerpts cut from the indexed text', () => {
  it('counts words the way the search engine does', () => {
    expect(indexedWords('а  б\u00a0в\nг')).toEqual(['а', 'б', 'в', 'г']);
  });

  it('shows the body and marks the matched words without their punctuation', () => {
    const parts = bodyExcerpt(content, [4], { length: 20 });
    expect(text(parts)).toBe('В Петербурге ожидается сильный [гололёд], дворники посыпают тротуары песком.');
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['гололёд']);
  });

  it('starts with the body when no word of it matched (a match in the headline alone)', () => {
    expect(text(bodyExcerpt(content, [], { length: 3 }))).toBe('В Петербурге ожидается …');
  });

  it('cuts a window around the densest run of matches, with ellipses where text is left out', () => {
    const words = Array.from({ length: 40 }, (_, at) => `w${at}`).join(' ');
    const parts = bodyExcerpt(words, [2, 24, 26, 28], { length: 8 });
    expect(text(parts)).toBe('… w22 w23 [w24] w25 [w26] w27 [w28] w29 …');
  });

  it('keeps document text as written: entities, markup and invalid code points stay text', () => {
    const hostile = '&#99999999; Майами &#99999999; &lt;b&gt; <mark>x</mark> &amp;';
    const parts = bodyExcerpt(hostile, [1, 99, -1, 1.5], { length: 10 });
    expect(text(parts)).toBe('&#99999999; [Майами] &#99999999; &lt;b&gt; <mark>x</mark> &amp;');
  });

  it('gives nothing for a text without a body', () => {
    expect(bodyExcerpt('', [], { length: 10 })).toEqual([]);
    expect(bodyExcerpt('   ', [], { length: 0 })).toEqual([]);
  });

  it('lists each matched word once, lower-cased, as the page spells it', () => {
    expect(matchedWords('«Гололёд», гололёд и ГОЛОЛЁД — ...', [0, 1, 3, 4, 7])).toEqual(['гололёд']);
  });
});
