/**
 * What Pagefind is given for a reader's query: words in «й» as words of their real stem, the
 * index chunks of their other forms loaded first by `preload` (see src/lib/search/pagefind-query.ts).
 * The stemmer loads only for a query that has such a word.
 */
export async function pagefindTerm(
  term: string,
  preload: (words: string) => Promise<unknown>,
): Promise<string> {
  if (!/й/iu.test(term)) return term;
  const forms = await import('../../lib/search/pagefind-query.ts');
  const words = forms.pagefindPreload(term);
  if (words) await preload(words);
  return forms.pagefindQuery(term);
}
