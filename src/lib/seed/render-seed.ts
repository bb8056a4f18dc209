import type { ParsedSeed } from './parse-seed.ts';

/** Writes a document back as seed text: header, blank line, paragraphs, then the dateline. */
export function renderSeed(seed: ParsedSeed): string {
  const blocks = [` date ${seed.date} ${seed.title}`, ...seed.paragraphs];
  if (seed.places.length > 0 || seed.authors.length > 0) {
    blocks.push(`${seed.places.join(' – ')}, ${seed.authors.join(' и ')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
