import type { Root } from 'mdast';

/** Builds an mdast tree of plain paragraphs; text stays text, so no Markdown syntax is ever read. */
export function paragraphsToMdast(paragraphs: readonly string[]): Root {
  return {
    type: 'root',
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
}
