/** Cuts text to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function excerpt(text: string, max = 200): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** Counts words (runs of letters or digits) in running text. */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs)
    words += paragraph.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words;
}
