import type { Root } from 'hast';
import { detectLanguage } from '../lib/detect-language.ts';
import { createRenderer } from '../lib/render-html.ts';
import { termCounts, type TermCounts } from '../lib/terms.ts';
import rehypeTypograf from '../plugins/rehype-typograf.ts';

/** What the costly part of ingestion needs from one parsed document. */
export interface DeriveInput {
  /** Content digest of the seed file; names the rendered body in the bodies folder. */
  digest: string;
  title: string;
  paragraphs: string[];
}

/** The costly facts derived from a document's text: its rendered body, typeset headline, terms and language. */
export interface Derived {
  html: string;
  headline: string;
  terms: TermCounts;
  lang: string;
}

const render = createRenderer([rehypeTypograf]);
const typesetTree = rehypeTypograf();

// The headline is text, not HTML: one text node through the same typography as the body.
function typeset(text: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'text', value: text }] };
  typesetTree(tree);
  const [node] = tree.children;
  return node?.type === 'text' ? node.value : text;
}

/** Renders a document's body and headline (with typography) and finds its terms and language. */
export function deriveDocument(input: DeriveInput, fallbackLang: string): Derived {
  const texts = [input.title, ...input.paragraphs];
  return {
    html: render(input.paragraphs),
    headline: typeset(input.title),
    terms: termCounts(texts),
    lang: detectLanguage(texts.join('\n'), { fallback: fallbackLang }),
  };
}
