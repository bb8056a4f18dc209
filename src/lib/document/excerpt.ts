import { balanceDirection } from '../seed/hidden-characters.ts';

const graphemes = new Intl.Segmenter('ru', { granularity: 'grapheme' });

// A cut of at most `max` graphemes and `4 × max` UTF-16 units (one grapheme can hold any number
// of combining marks), never inside a grapheme; `undefined` when the whole text fits.
function graphemeCut(text: string, max: number): string | undefined {
  let count = 0;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (count === max || index + segment.length > max * 4) return text.slice(0, end);
    count += 1;
    end = index + segment.length;
  }
  return undefined;
}

/**
 * Cuts text to at most `max` characters (graphemes: an emoji or a letter with its accents is
 * never split) at a word boundary, ending with an ellipsis when cut, its direction controls balanced.
 */
export function excerpt(text: string, max = 200): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const cut = graphemeCut(clean, max);
  if (cut === undefined) return balanceDirection(clean);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > cut.length / 2 ? cut.slice(0, lastSpace) : cut;
  // A cut can drop the closer of an isolate or embedding: it is closed again before the ellipsis.
  return `${balanceDirection(base.replace(/[\s,;:.–—-]+$/u, ''))}…`;
}

/** Counts words (runs of letters or digits) in running text. */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs)
    words += paragraph.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words;
}
