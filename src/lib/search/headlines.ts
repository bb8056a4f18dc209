import { foldWord, sharesStem } from './bundle-size.ts';

/** How many of the first results are re-ordered by headline: the ones shown first. */
export const HEADLINE_WINDOW = 10;

/**
 * The search filter that gives a short headline's number of words (`1` to `SHORT_HEADLINE_WORDS`):
 * the results whose headline may be the query are told from the index alone, so no fragment loads
 * to find them out.
 */
export const HEADLINE_FILTER = 'headline-words';

/** Headlines of at most this many words carry `HEADLINE_FILTER`; longer ones, rarely typed whole, do not. */
export const SHORT_HEADLINE_WORDS = 4;

const words = (text: string): string[] =>
  text
    .split(/[\s\u00a0]+/u)
    .map(foldWord)
    .filter(Boolean);

/** The value of `HEADLINE_FILTER` for a headline: its number of words, or null when it is not short. */
export function headlineFilterValue(headline: string): string | null {
  const count = words(headline).length;
  return count > 0 && count <= SHORT_HEADLINE_WORDS ? String(count) : null;
}

/**
 * The values of `HEADLINE_FILTER` a headline that is the query (or its words in other forms) has:
 * as many words as the query; null when the query is longer than a short headline, and then only
 * the index's title matches tell.
 */
export function headlineFilterFor(query: string): string[] | null {
  const count = words(query).length;
  return count > 0 && count <= SHORT_HEADLINE_WORDS ? [String(count)] : null;
}

/**
 * How closely a headline matches a query: 0 for the same words (in any order), 1 for words of the
 * same stems both ways (every query word in the headline and every headline word in the query),
 * 2 otherwise. Pagefind weighs a headline holding the query words alike whatever else it says, so
 * among several such documents it cannot tell the one whose headline is the query.
 */
export function headlineMatch(query: string, headline: string): 0 | 1 | 2 {
  const asked = words(query);
  const said = words(headline);
  if (asked.length === 0) return 2;
  if ([...asked].sort().join(' ') === [...said].sort().join(' ')) return 0;
  const covers = (from: string[], to: string[]) =>
    from.every((word) => to.some((other) => sharesStem(word, other)));
  return covers(asked, said) && covers(said, asked) ? 1 : 2;
}

/**
 * Re-orders the first `HEADLINE_WINDOW` hits (already ranked by relevance) so that those whose
 * headline is the query come first, then those whose headline has the query's stems and no other
 * word; ties keep their order, and later hits stay where they are.
 */
export function headlinesFirst<T>(query: string, hits: readonly T[], headline: (hit: T) => string): T[] {
  const head = hits
    .slice(0, HEADLINE_WINDOW)
    .map((hit, at) => ({ hit, at, match: headlineMatch(query, headline(hit)) }))
    .sort((a, b) => a.match - b.match || a.at - b.at)
    .map(({ hit }) => hit);
  return [...head, ...hits.slice(HEADLINE_WINDOW)];
}
