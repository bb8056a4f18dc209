import { chunkKeysFor, isKnownWord, isMatchedWord, queryWords, suggestQuery } from '../lib/did-you-mean.ts';
import type { VocabularyEntry } from '../lib/vocabulary.ts';

/** Suggests archive words for the unknown words of a query, loading only the chunks it needs. */
export class WordSuggester {
  readonly #url: string;
  readonly #chunks = new Map<string, Promise<VocabularyEntry[]>>();

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
  async #entries(word: string): Promise<VocabularyEntry[]> {
    const [own, ...others] = chunkKeysFor(word);
    if (own === undefined) return [];
    const entries = await this.#chunk(own);
    if (isKnownWord(word, entries)) return entries;
    return [...entries, ...(await Promise.all(others.map((key) => this.#chunk(key)))).flat()];
  }

  /**
   * The query with its unknown words corrected, or null when nothing near is known or the
   * results already show it. `matched` are the words the results found: what they found needs no lookup.
   */
  async suggest(query: string, matched: readonly string[] = []): Promise<string | null> {
    const words = queryWords(query).filter((word) => /^\p{L}+$/u.test(word) && !isMatchedWord(word, matched));
    const entries = new Map<string, VocabularyEntry[]>();
    await Promise.all(words.map(async (word) => entries.set(word, await this.#entries(word))));
    return suggestQuery(query, (word) => entries.get(word) ?? [], matched);
  }
}
