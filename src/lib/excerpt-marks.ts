/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * Splits a search engine's excerpt (escaped text with `<mark>` around matches) into plain text
 * runs, so the page can build it from text nodes and never parse document text as markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/u)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') parts.push({ text: decode(piece), marked });
  }
  return parts;
}

/** The distinct words an excerpt marked, lower-cased and without punctuation, as the page spells them. */
export function markedWords(parts: readonly ExcerptPart[]): string[] {
  // Marks can take in the punctuation next to a word (`гололёд,`): the page's text may not.
  const edges = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  const words = parts
    .filter((part) => part.marked)
    .map((part) => part.text.replace(edges, '').toLocaleLowerCase('ru'));
  return [...new Set(words.filter((word) => word !== ''))];
}
