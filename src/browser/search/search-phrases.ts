import { exactTerm, phraseHolders, phrasesFirst, readPhrases } from '../../lib/search/phrase.ts';

/** What this step needs of a Pagefind result: its page and the positions of its matched words. */
interface Positioned {
  id: string;
  words: number[];
  /** Set here: whether the page holds the query's phrases. */
  together?: boolean;
}

/** The part of a Pagefind response this step reads and returns. */
interface Answer {
  results: Positioned[];
  filters: Record<string, Record<string, number>>;
}

/**
 * Searches one index for a query's words and, with Pagefind's exact search, for its phrases:
 * word positions from the index alone, so no fragment loads. Each result is marked `together`
 * when its page holds the phrases; a quoted query keeps only those (and their counts).
 */
export async function searchWithPhrases<A extends Answer>(
  search: (term: string, options: Record<string, unknown>) => Promise<A | null>,
  term: string,
  options: Record<string, unknown>,
): Promise<A | null> {
  const query = readPhrases(term);
  // Without quotes, phrases only rank, which an order by date has no use for.
  const phrases = query.quoted || options['sort'] === undefined ? query.phrases : [];
  if (phrases.length === 0) return search(query.words || term, options);
  // The exact searches need the same index chunks as the words, which are loading already.
  const exactOptions = { filters: options['filters'] ?? {} };
  const [response, ...exact] = await Promise.all([
    search(query.words, options),
    ...phrases.map((phrase) => search(exactTerm(phrase), exactOptions)),
  ]);
  if (!response) return null;
  const holders = phraseHolders(
    query,
    exact.map((answer) => answer?.results ?? []),
  );
  const marked = response.results.map((result) => ({ ...result, together: holders.has(result.id) }));
  // The order stays the index's: relevance puts phrases first once every index is merged.
  if (!query.quoted) return { ...response, results: marked };
  const results = phrasesFirst(marked, ({ together }) => together, true);
  // A quoted query counts what it keeps: the filter counts of its phrase's pages.
  return { ...response, results, filters: exact[0]?.filters ?? response.filters };
}
