import { isMatchedWord, nearestWord, queryWords } from './did-you-mean.ts';
import { MIN_WORD_LENGTH, type VocabularyEntry } from './vocabulary.ts';

/** A query with its misspelled words replaced: the query to search and each word it changed. */
export interface TypoCorrection {
  query: string;
  /** The words replaced, as typed and as corrected, in query order. */
  changed: { typed: string; corrected: string }[];
}

// The vocabulary holds lower-case words: a word typed with a capital (a headline's first word, a
// name) keeps it, so the corrected query reads as the reader wrote it.
function inCaseOf(typed: string, word: string): string {
  const first = typed.charAt(0);
  if (first === first.toLocaleLowerCase('ru')) return word;
  if (typed === typed.toLocaleUpperCase('ru') && [...typed].length > 1) return word.toLocaleUpperCase('ru');
  return word.charAt(0).toLocaleUpperCase('ru') + word.slice(1);
}

/**
 * Corrects the words of a query that the archive's vocabulary lacks, each to its nearest archive
 * word (one or two edits, a swap of neighbours counting as one; the more frequent word on a tie),
 * or returns null when no word changes. `entriesFor` gives the loaded vocabulary entries for one
 * word. A word the results found (`matched`, see `isMatchedWord`) stays as typed, as does a word
 * the vocabulary holds: the vocabulary, not a result list that search may have filled by a shorter
 * word, decides what is a typo.
 */
export function correctTypos(
  query: string,
  entriesFor: (word: string) => readonly VocabularyEntry[],
  matched: readonly string[] = [],
): TypoCorrection | null {
  const changed: TypoCorrection['changed'] = [];
  const pieces = queryWords(query).map((piece) => {
    if (!/^\p{L}+$/u.test(piece) || [...piece].length < MIN_WORD_LENGTH || isMatchedWord(piece, matched))
      return piece;
    const near = nearestWord(piece, entriesFor(piece));
    if (near === null) return piece;
    const corrected = inCaseOf(piece, near);
    changed.push({ typed: piece, corrected });
    return corrected;
  });
  return changed.length === 0 ? null : { query: pieces.join(''), changed };
}
