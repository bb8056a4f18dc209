import { HIGHLIGHT_PARAM } from '../../lib/search/search-state.ts';

interface PagefindHighlightOptions {
  markContext: string;
  highlightParam: string;
  addStyles: boolean;
  markOptions: { className: string; exclude: string[] };
}

/** Marks the words a reader searched for, when the page was opened from a search result. */
export async function highlightSearchedWords(bundle: string): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const module = (await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`)) as {
    default: new (options: PagefindHighlightOptions) => unknown;
  };
  // The headline and the body, the text search matched: never the byline or the site's own text.
  new module.default({
    markContext: '[data-search-text]',
    highlightParam: HIGHLIGHT_PARAM,
    addStyles: false,
    markOptions: { className: 'pagefind-highlight', exclude: ['[hidden]'] },
  });
  document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
}
