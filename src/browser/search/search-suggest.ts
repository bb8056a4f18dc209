import type { TypoCorrection } from '../../lib/search/typo-correction.ts';
import { foldWord, MIN_WORD_LENGTH, type VocabularyEntry } from '../../lib/search/vocabulary.ts';

type DidYouMean = typeof import('../../lib/search/did-you-mean.ts');
type Typos = typeof import('../../lib/search/typo-correction.ts');

const WORDS = /\p{L}+/gu;

// A failed load (offline, say) is forgotten, so a later search tries again.
function forgetFailure<T>(load: Promise<T>, forget: () => void): Promise<T> {
  return load.catch((error: unknown) => {
    forget();
    throw error;
  });
}

/** Suggests archive words for the unknown words of a query, loading only the chunks it needs. */
export class WordSuggester {
  readonly #url: string;
  readonly #chunks = new Map<string, Promise<VocabularyEntry[]>>();
  // Corrections need the stemmer: loaded the first time a query word is not simply found.
  #lib: Promise<DidYouMean> | undefined;
  #typos: Promise<Typos> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  #chunk(key: string): Promise<VocabularyEntry[]> {
    let chunk = this.#chunks.get(key);
    if (!chunk) {
      chunk = fetch(`${this.#url}${key}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<VocabularyEntry[]>) : []))
        .then((entries) => (Array.isArray(entries) ? entries : []))
        .catch(() => []);
      this.#chunks.set(key, chunk);
    }
    return chunk;
  }

  // A word's own chunk (its first letter and length) tells whether it is known; only an unknown
  // word needs the chunks of the lengths around it.
  async #entries(lib: DidYouMean, word: string): Promise<VocabularyEntry[]> {
    const [own, ...others] = lib.chunkKeysFor(word);
    if (own === undefined) return [];
    const entries = await this.#chunk(own);
    if (lib.isKnownWord(word, entries)) return entries;
    return [...entries, ...(await Promise.all(others.map((key) => this.#chunk(key)))).flat()];
  }

  /**
   * Starts loading the stemmer when `query` has a word long enough to be corrected: the check after
   * the search then need not wait for it, as most Russian queries are found in other forms.
   */
  prepare(query: string): void {
    if ((query.match(WORDS) ?? []).some((word) => [...word].length >= MIN_WORD_LENGTH))
      void this.#library().catch(() => undefined);
  }

  #library(): Promise<DidYouMean> {
    return (this.#lib ??= forgetFailure(import('../../lib/search/did-you-mean.ts'), () => {
      this.#lib = undefined;
    }));
  }

  /**
   * The query with its unknown words corrected, or null when nothing near is known or the
   * results already show it. `matched` are the words the results found: what they found needs
   * no lookup.
   */
  async suggest(query: string, matched: readonly string[] = []): Promise<string | null> {
    const entries = await this.#open(query, matched);
    return entries && entries.lib.suggestQuery(query, (word) => entries.get(word), matched);
  }

  /**
   * Corrections of the words of the query the vocabulary lacks, the likeliest first (see
   * `typoCorrections`); none when every word is known or found, or nothing near is known.
   */
  async corrections(query: string, matched: readonly string[] = []): Promise<TypoCorrection[]> {
    const entries = await this.#open(query, matched);
    if (!entries) return [];
    const typos = await (this.#typos ??= forgetFailure(import('../../lib/search/typo-correction.ts'), () => {
      this.#typos = undefined;
    }));
    return typos.typoCorrections(query, (word) => entries.get(word), matched);
  }

  // The vocabulary entries for the words of a query that the results did not find, in any form;
  // null when there is none.
  async #open(
    query: string,
    matched: readonly string[],
  ): Promise<{ lib: DidYouMean; get: (word: string) => VocabularyEntry[] } | null> {
    const found = matched.map(foldWord);
    const open = (query.match(WORDS) ?? []).filter(
      (word) => [...word].length >= MIN_WORD_LENGTH && !found.some((one) => one.startsWith(foldWord(word))),
    );
    if (open.length === 0) return null;
    const lib = await this.#library();
    const words = open.filter((word) => !lib.isMatchedWord(word, matched));
    // The results found every word in another form: nothing to correct, and no more to load.
    if (words.length === 0) return null;
    const entries = new Map<string, VocabularyEntry[]>();
    await Promise.all(words.map(async (word) => entries.set(word, await this.#entries(lib, word))));
    return { lib, get: (word) => entries.get(word) ?? [] };
  }
}
