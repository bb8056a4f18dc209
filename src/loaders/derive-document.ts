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

/** The costly facts derived from a document's text: its rendered body, terms and language. */
export interface Derived {
  html: string;
  terms: TermCounts;
  lang: string;
}

const render = createRenderer([rehypeTypograf]);

/** Renders a document's body (with typography) and finds its terms and language. */
export function deriveDocument(input: DeriveInput, fallbackLang: string): Derived {
  const texts = [input.title, ...input.paragraphs];
  return {
    html: render(input.paragraphs),
    terms: termCounts(texts),
    lang: detectLanguage(texts.join('\n'), { fallback: fallbackLang }),
  };
}
