import { describe, expect, it } from 'vitest';
import {
  exactTerm,
  phraseHolders,
  phraseLength,
  phrasesFirst,
  readPhrases,
  standTogether,
  type Located,
} from '../../../../src/lib/search/phrase.ts';

describe('reading a query for phrases', () => {
  it('takes a query of several words as one phrase to rank by, not to require', () => {
    expect(readPhrases('мост через  реку')).toEqual({
      words: 'мост через реку',
      phrases: ['мост через реку'],
      quoted: false,
    });
  });

  it('has no phrase in a query of one word', () => {
    expect(readPhrases('мост')).toEqual({ words: 'мост', phrases: [], quoted: false });
    expect(readPhrases('мост —')).toEqual({ words: 'мост —', phrases: [], quoted: false });
  });

  it('requires the quoted runs, in straight, Russian or English quotes, and drops the quotes from the words', () => {
    for (const query of ['"мост через реку"', '«мост через реку»', '„мост через реку“', '“мост через реку”'])
      expect(readPhrases(query)).toEqual({
        words: 'мост через реку',
        phrases: ['мост через реку'],
        quoted: true,
      });
    expect(readPhrases('туман «мост через» реку "осень"')).toEqual({
      words: 'туман мост через реку осень',
      phrases: ['мост через', 'осень'],
      quoted: true,
    });
  });

  it('takes a quote not yet closed as a phrase to the end, and ignores empty quotes', () => {
    expect(readPhrases('"мост через ре')).toMatchObject({ phrases: ['мост через ре'], quoted: true });
    expect(readPhrases('«» мост реку')).toEqual({
      words: 'мост реку',
      phrases: ['мост реку'],
      quoted: false,
    });
  });

  it('counts the words of a phrase as the index does and spells it for its exact search', () => {
    expect(phraseLength('мост — через реку')).toBe(3);
    expect(exactTerm('мост через реку')).toBe('"мост через реку"');
  });
});

describe('telling whether words stand together by their positions', () => {
  it('needs as many consecutive positions as the phrase has words', () => {
    expect(standTogether([3, 4, 5, 20], 3)).toBe(true);
    expect(standTogether([3, 4, 20, 21], 3)).toBe(false);
    expect(standTogether([1, 5, 5, 6, 7], 3)).toBe(true);
    expect(standTogether([], 3)).toBe(false);
  });

  it('takes one word anywhere as a phrase of one', () => {
    expect(standTogether([40], 1)).toBe(true);
    expect(standTogether([], 1)).toBe(false);
  });
});

describe('ranking results by phrases', () => {
  // Results for «мост через реку» by relevance, with the positions of their matched words.
  const results: Located[] = [
    { id: 'scattered', words: [0, 2, 7, 8, 11] },
    { id: 'reversed', words: [3, 6, 7, 8] },
    { id: 'together', words: [34, 35, 36] },
    { id: 'headline', words: [9], matchedMetaFields: ['title'] },
    { id: 'forms', words: [25, 26, 27] },
  ];
  // What the exact search of the phrase answered: a run of positions each, or the headline.
  const exact: Located[] = [
    { id: 'headline', words: [], matchedMetaFields: ['title'] },
    { id: 'together', words: [34, 35, 36] },
    { id: 'forms', words: [27, 25, 26] },
    { id: 'broken', words: [3, 5, 6] },
  ];
  const order = (query: string, found: Located[][]) => {
    const read = readPhrases(query);
    const holders = phraseHolders(read, found);
    return phrasesFirst(results, ({ id }) => holders.has(id), read.quoted).map(({ id }) => id);
  };

  it('puts the documents holding the words together first, each part in its order of relevance', () => {
    expect(order('мост через реку', [exact])).toEqual([
      'together',
      'headline',
      'forms',
      'scattered',
      'reversed',
    ]);
  });

  it('keeps only the documents holding every quoted phrase', () => {
    expect(order('"мост через реку"', [exact])).toEqual(['together', 'headline', 'forms']);
    expect(order('"мост через" «реку»', [exact, [{ id: 'forms', words: [27] }]])).toEqual(['forms']);
  });

  it('holds nothing when no phrase is found, and keeps the order of a query without phrases', () => {
    expect(order('"мост через реку"', [])).toEqual([]);
    expect(order('мост', [])).toEqual(['scattered', 'reversed', 'together', 'headline', 'forms']);
  });
});
