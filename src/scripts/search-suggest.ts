import { chunkKeysFor, suggestQuery } from '../lib/did-you-mean.ts';
import type { VocabularyEntry } from '../lib/vocabulary.ts';

/** Suggests archive words for a query that found nothing, loading only the chunks it needs. */
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
        .catch(() => []);
      this.#chunks.set(key, chunk);
    }
    return chunk;
  }

  /** The query with its unknown words corrected, or null when nothing near is known. */
  async suggest(query: string): Promise<string | null> {
    const words = query.match(/\p{L}+/gu) ?? [];
    const entries = new Map<string, VocabularyEntry[]>();
    await Promise.all(
      words.map(async (word) => {
        const chunks = await Promise.all(chunkKeysFor(word).map((key) => this.#chunk(key)));
        entries.set(word, chunks.flat());
      }),
    );
    return suggestQuery(query, (word) => entries.get(word) ?? []);
  }
}
