import { excerpt } from '../document/excerpt.ts';
import { balanceDirection } from './hidden-characters.ts';

/** Longest headline that lists, feeds, meta tags and search show whole, in characters. */
export const TITLE_LIMIT = 200;
/** Longest paragraph a page shows as one, in UTF-16 units. */
export const PARAGRAPH_LIMIT = 10_000;
/** Longest part of a longer paragraph, in UTF-16 units. */
export const PART_LIMIT = 4_000;

const sentences = new Intl.Segmenter('ru', { granularity: 'sentence' });
const graphemes = new Intl.Segmenter('ru', { granularity: 'grapheme' });

// Cuts one over-long sentence at spaces, or between graphemes where a run has no space.
function* pieces(sentence: string, limit: number): Generator<string> {
  let rest = sentence;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    let end = space > limit / 2 ? space + 1 : 0;
    if (end === 0) {
      // A window a little past the limit: cutting the text itself could split an emoji sequence.
      for (const { index } of graphemes.segment(rest.slice(0, limit + 64))) if (index <= limit) end = index;
      // One grapheme longer than the limit (a letter under thousands of marks) stays whole.
      if (end === 0) end = [...graphemes.segment(rest)][1]?.index ?? rest.length;
    }
    yield rest.slice(0, end);
    rest = rest.slice(end);
  }
  if (rest !== '') yield rest;
}

/**
 * Cuts a paragraph longer than `PARAGRAPH_LIMIT` into parts of at most `limit` units at sentence
 * ends (else at spaces, else between graphemes): a browser lays out one paragraph in time that grows
 * with the square of its length, and a megabyte paragraph would never finish loading.
 */
export function paragraphParts(text: string, limit = PART_LIMIT): string[] {
  if (text.length <= PARAGRAPH_LIMIT) return [text];
  const parts: string[] = [];
  let current = '';
  for (const { segment } of sentences.segment(text)) {
    for (const piece of pieces(segment, limit)) {
      if (current !== '' && current.length + piece.length > limit) {
        parts.push(current.trim());
        current = '';
      }
      current += piece;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  // Each part is a paragraph of its own: an isolate cut in two closes in the first, its closer is dropped.
  return parts.filter((part) => part !== '').map(balanceDirection);
}

/** The headline as pages repeat it (cut at `TITLE_LIMIT` with an ellipsis) and whether it was cut. */
export function boundedTitle(title: string): { title: string; cut: boolean } {
  const bounded = excerpt(title, TITLE_LIMIT);
  return { title: bounded, cut: bounded !== title };
}

/**
 * What a document's own page shows: the bounded headline, and its paragraphs in parts, the whole
 * headline first when it had to be cut, so that the page still holds every word of the file.
 */
export function pageText(seed: { title: string; paragraphs: readonly string[] }): {
  title: string;
  paragraphs: string[];
} {
  const { title, cut } = boundedTitle(seed.title);
  const paragraphs = cut ? [seed.title, ...seed.paragraphs] : seed.paragraphs;
  return { title, paragraphs: paragraphs.flatMap((paragraph) => paragraphParts(paragraph)) };
}
