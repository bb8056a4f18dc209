import type { Root } from 'hast';
import { detectLanguage } from '../lib/document/detect-language.ts';
import { countWords, excerpt } from '../lib/document/excerpt.ts';
import { pageText } from '../lib/seed/long-text.ts';
import type { ParsedSeed } from '../lib/seed/parse-seed.ts';
import { createRenderer } from '../lib/document/render-html.ts';
import { termCounts, type TermCounts } from '../lib/document/terms.ts';
import { countWordsInto } from '../lib/search/vocabulary.ts';
import rehypeTypograf from '../plugins/rehype-typograf.ts';
import type { DocumentFields } from '../schemas/document.ts';
import type { WordCounts } from '../build/build-cache.ts';

/** One parsed document and where it came from. */
export interface DeriveInput {
  /** Path of the seed inside the seeds folder. */
  file: string;
  seed: ParsedSeed;
}

/** Everything the site needs of one document, made once per version of its seed. */
export interface Derived {
  /** The page's fields, as the schema takes them. */
  fields: DocumentFields;
  /** The rendered body (typeset paragraphs). */
  html: string;
  /** Its words for the "did you mean" vocabulary. */
  words: WordCounts;
  /**
   * Its most frequent stemmed terms, for related documents: kept in the build cache beside its
   * words, not in the content store, which every build reads, writes and bundles whole (they were
   * half of it).
   */
  terms: TermCounts;
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

/** Renders a document's body and headline (with typography) and finds its terms, language and words. */
export function deriveDocument({ file, seed }: DeriveInput, fallbackLang: string): Derived {
  // What the page shows: a headline bounded for lists and feeds, long paragraphs in parts.
  const page = pageText(seed);
  const texts = [page.title, ...page.paragraphs];
  const counts = new Map<string, number>();
  countWordsInto([seed.title, ...seed.paragraphs].join('\n'), counts);
  return {
    fields: {
      title: page.title,
      headline: typeset(page.title),
      date: seed.date,
      places: seed.places,
      authors: seed.authors,
      description: excerpt(seed.paragraphs[0] ?? seed.title, 200),
      words: countWords([seed.title, ...seed.paragraphs]),
      source: file,
      lang: detectLanguage(texts.join('\n'), { fallback: fallbackLang }),
    },
    html: render(page.paragraphs),
    words: Object.fromEntries(counts),
    terms: termCounts(texts),
  };
}
