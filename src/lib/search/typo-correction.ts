import { allowedEdits, editDistance, isMatchedWord, queryWords } from './did-you-mean.ts';
import { foldWord, MIN_WORD_LENGTH, type VocabularyEntry } from './vocabulary.ts';

/** A query with its misspelled words replaced: the query to search and each word it changed. */
export interface TypoCorrection {
  query: string;
  /** The words replaced, as typed and as corrected, in query order. */
  changed: { typed: string; corrected: string }[];
}

/** Corrections tried at most for one query: each further one only when the one before found nothing. */
export const MAX_CORRECTIONS = 3;

// The vocabulary holds lower-case words: a word typed with a capital (a headline's first word, a
// name) keeps it, so the corrected query reads as the reader wrote it.
function inCaseOf(typed: string, word: string): string {
  const first = typed.charAt(0);
  if (first === first.toLocaleLowerCase('ru')) return word;
  if (typed === typed.toLocaleUpperCase('ru') && [...typed].length > 1) return word.toLocaleUpperCase('ru');
  return word.charAt(0).toLocaleUpperCase('ru') + word.slice(1);
}

/**
 * The archive words near an unknown word, nearest first and the more frequent first among the
 * equally near (one or two edits, a swap of neighbours counting as one); none when the word is
 * itself an archive word.
 */
export function nearWords(
  word: string,
  entries: readonly VocabularyEntry[],
  limit = MAX_CORRECTIONS,
): string[] {
  const folded = foldWord(word);
  const max = allowedEdits([...folded].length);
  const near: { word: string; distance: number; count: number }[] = [];
  for (const [entry, count] of entries) {
    const distance = editDistance(folded, foldWord(entry), max);
    if (distance === 0) return [];
    if (distance <= max) near.push({ word: entry, distance, count });
  }
  near.sort((a, b) => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1));
  return [...new Set(near.map((one) => one.word))].slice(0, limit);
}

/**
 * Corrections of the words of a query that the archive's vocabulary lacks, the likeliest first:
 * the first puts each such word's nearest archive word in its place, each next one the next
 * nearest (a word with fewer near words keeps its last). Empty when no word changes. `entriesFor`
 * gives the loaded vocabulary entries for one word. A word the results found (`matched`, see
 * `isMatchedWord`) stays as typed, as does a word the vocabulary holds: the vocabulary, not a
 * result list that search may have filled by a shorter word, decides what is a typo.
 */
export function typoCorrections(
  query: string,
  entriesFor: (word: string) => readonly VocabularyEntry[],
  matched: readonly string[] = [],
): TypoCorrection[] {
  const pieces = queryWords(query).map((piece) => {
    const open =
      /^\p{L}+$/u.test(piece) && [...piece].length >= MIN_WORD_LENGTH && !isMatchedWord(piece, matched);
    return { piece, near: open ? nearWords(piece, entriesFor(piece)) : [] };
  });
  const tries = Math.max(0, ...pieces.map(({ near }) => near.length));
  const corrections: TypoCorrection[] = [];
  for (let at = 0; at < tries; at++) {
    const changed: TypoCorrection['changed'] = [];
    const words = pieces.map(({ piece, near }) => {
      const word = near[Math.min(at, near.length - 1)];
      if (word === undefined) return piece;
      const corrected = inCaseOf(piece, word);
      changed.push({ typed: piece, corrected });
      return corrected;
    });
    corrections.push({ query: words.join(''), changed });
  }
  return corrections;
}

/** The likeliest correction of a query's unknown words (see `typoCorrections`), or null when none changes. */
export function correctTypos(
  query: string,
  entriesFor: (word: string) => readonly VocabularyEntry[],
  matched: readonly string[] = [],
): TypoCorrection | null {
  return typoCorrections(query, entriesFor, matched)[0] ?? null;
}
