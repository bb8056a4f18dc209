import { foldWord } from './bundle-size.ts';

/** A query read for phrases: the words to search for, and the runs of them that must stand together. */
export interface PhraseQuery {
  /** The query without its quotes: what the index is searched for, word by word. */
  words: string;
  /** Runs of words wanted together and in order: the quoted ones, or else the whole query of two words or more. */
  phrases: string[];
  /** Whether the phrases were quoted: then only documents holding them are results. */
  quoted: boolean;
}

/** One result as the index gives it: its page and the positions of the words it matched. */
export interface Located {
  id: string;
  words: readonly number[];
  /** Fields besides the text that matched, as Pagefind names them (`title`: the headline). */
  matchedMetaFields?: readonly string[];
}

// Straight quotes and the typographic ones of Russian («ёлочки», „лапки“) and English (“ ”).
const OPENING = '"«„“';
const CLOSING = '"»“”';
// A quoted run: from an opening quote to the next closing one, or to the end while it is typed.
const QUOTED = new RegExp(`[${OPENING}]([^${OPENING}${CLOSING}]*)(?:[${CLOSING}]|$)`, 'gu');
const ANY_QUOTE = new RegExp(`[${OPENING}${CLOSING}]`, 'gu');

const clean = (text: string): string => text.replace(ANY_QUOTE, ' ').replace(/\s+/gu, ' ').trim();

/** How many words a phrase holds as the index counts them (punctuation alone is none). */
export const phraseLength = (phrase: string): number =>
  phrase.split(/\s+/u).filter((word) => foldWord(word) !== '').length;

/**
 * Reads a query: quoted runs («…», "…", „…“) are phrases that results must hold; without quotes, a
 * query of several words is one phrase that ranks the documents holding it first.
 */
export function readPhrases(query: string): PhraseQuery {
  const words = clean(query);
  const quoted = [...query.matchAll(QUOTED)]
    .map((match) => clean(match[1] ?? ''))
    .filter((run) => phraseLength(run) > 0);
  if (quoted.length > 0) return { words, phrases: quoted, quoted: true };
  return { words, phrases: phraseLength(words) > 1 ? [words] : [], quoted: false };
}

/** A phrase as Pagefind's exact search takes it: in straight quotes, its words consecutive in a page's text. */
export const exactTerm = (phrase: string): string => `"${phrase}"`;

/** Whether sorted word positions hold `length` consecutive ones: words that stand together. */
export function standTogether(positions: readonly number[], length: number): boolean {
  if (length <= 1) return positions.length > 0;
  let run = 1;
  for (let at = 1; at < positions.length; at += 1) {
    const step = (positions[at] ?? 0) - (positions[at - 1] ?? 0);
    if (step === 0) continue;
    run = step === 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/**
 * The pages that hold every phrase of the query: `found[i]` are the results of phrase i's exact
 * search, each with the positions of its words in the text, which must stand together, or the
 * headline, which Pagefind's exact search matches too (without positions).
 */
export function phraseHolders(query: PhraseQuery, found: readonly (readonly Located[])[]): Set<string> {
  const sets = query.phrases.map((phrase, at) => {
    const length = phraseLength(phrase);
    return new Set(
      (found[at] ?? [])
        .filter(
          ({ words, matchedMetaFields }) =>
            standTogether(
              [...words].sort((a, b) => a - b),
              length,
            ) || matchedMetaFields?.includes('title'),
        )
        .map(({ id }) => id),
    );
  });
  const [first, ...rest] = sets;
  if (!first) return new Set();
  return new Set([...first].filter((id) => rest.every((set) => set.has(id))));
}

/**
 * Orders results (already by relevance) so that those holding the phrases come first, each part
 * in its own order; for a quoted query the others are dropped.
 */
export function phrasesFirst<T>(results: readonly T[], holds: (result: T) => boolean, quoted: boolean): T[] {
  const together = results.filter(holds);
  return quoted ? together : [...together, ...results.filter((result) => !holds(result))];
}
