import type { Root } from 'hast';
import Typograf from 'typograf';
import { visit } from 'unist-util-visit';

/** Options of rehype-typograf. */
export interface RehypeTypografOptions {
  /** Typograf locales, the first one leading (default `['ru', 'en-US']`). */
  locale?: [string, ...string[]];
}

const INSERTED_SPACES = [
  'common/space/afterColon',
  'common/space/afterComma',
  'common/space/afterExclamationMark',
  'common/space/afterQuestionMark',
  'common/space/afterSemicolon',
  'common/space/beforeBracket',
];

/**
 * Sets Russian typography in every text node: non-breaking spaces after short words, in initials
 * and numbers, proper dashes, «ёлочки» and „лапки“. Text stays text: the result is never parsed.
 */
export default function rehypeTypograf(options: RehypeTypografOptions = {}) {
  const typograf = new Typograf({
    locale: options.locale ?? ['ru', 'en-US'],
    htmlEntity: { type: 'default' },
  });
  // Text nodes hold text, not markup: a `<b>` in a document must not be taken for a tag.
  typograf.disableRule('common/html/*');
  // Typography sets spaces, it never adds them: `javascript:alert(1)` or `f(x)` stay as written.
  typograf.disableRule(INSERTED_SPACES);
  return (tree: Root): void => {
    visit(tree, 'text', (node) => {
      // The line breaks between paragraphs have nothing to set, and each call costs ~35 µs.
      if (!/\S/u.test(node.value)) return;
      node.value = typograf.execute(node.value);
    });
  };
}
