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
// Typograf decodes `&mdash;`, `&#60;` and `\u00a0;` in its input whatever its options, and marks
// what it hides with characters of U+F000–U+F0FF: such characters in a document would turn into
// markup, NUL bytes or lost text. They go through as one stand-in character and come back as written.
const GUARDED = /[&\\\uF000-\uF0FF]/gu;
const STAND_INS = Array.from({ length: 0x1000 }, (_, index) => String.fromCharCode(0xe000 + index));

function typesetGuarded(typograf: Typograf, text: string): string {
  const guarded = text.match(GUARDED);
  if (!guarded) return typograf.execute(text);
  const standIn = STAND_INS.find((char) => !text.includes(char));
  if (standIn === undefined) return text;
  const result = typograf.execute(text.replace(GUARDED, standIn));
  const parts = result.split(standIn);
  // A rule that dropped or doubled a stand-in would lose text: the text then stays as written.
  if (parts.length !== guarded.length + 1) return text;
  return parts.reduce((joined, part, index) => `${joined}${guarded[index - 1] ?? ''}${part}`);
}

/**
 * Sets Russian typography in every text node: non-breaking spaces after short words, in initials
 * and numbers, proper dashes, «ёлочки» and „лапки“. Text stays text: the result is never parsed,
 * and entity-like text (`&#60;`, `&mdash;`) stays exactly as written.
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
      node.value = typesetGuarded(typograf, node.value);
    });
  };
}
