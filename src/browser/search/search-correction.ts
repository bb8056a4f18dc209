import type { SearchState } from '../../lib/search/search-state.ts';
import type { TypoCorrection } from '../../lib/search/typo-correction.ts';
import type { SearchAnswer, SearchEngine, SearchHit } from './search-engine.ts';
import type { WordSuggester } from './search-suggest.ts';

const WORDS = /\p{L}+/gu;

/** A search run for a corrected query instead of the typed one. */
export interface CorrectedSearch {
  answer: SearchAnswer;
  correction: TypoCorrection;
}

/**
 * The answer to the query with its misspelled words corrected, when the typed query holds words
 * the archive does not know and a correction finds something (the likeliest that does); null
 * otherwise. `answer` is the typed query's: the words its first result matched need no lookup.
 */
export async function correctedSearch(
  engine: SearchEngine,
  suggester: WordSuggester,
  state: SearchState,
  answer: SearchAnswer,
  count: number,
  eager: number,
): Promise<CorrectedSearch | null> {
  if (state.query === '') return null;
  // Every result matched each query word (Pagefind requires them all): the word itself, or the
  // shorter word it falls back on when the index lacks it; so the first result tells, and is shown
  // anyway when nothing is corrected. A result that cannot be read gives way to the next.
  const hits: (SearchHit | null)[] = [];
  for (const one of answer.results.slice(0, eager)) {
    const hit = await one.load();
    hits.push(hit);
    if (hit) break;
  }
  // A word in a result's headline is an archive word too: a query word it begins with, or shares
  // a stem with, needs no lookup either.
  const matched = hits.flatMap((hit) => (hit ? [...hit.matched, ...(hit.title.match(WORDS) ?? [])] : []));
  const corrections = await suggester.corrections(state.query, matched).catch(() => []);
  // A correction whose words never meet in one document finds nothing: the next likeliest is
  // tried (a search that finds nothing loads no fragments).
  for (const correction of corrections) {
    const corrected = await engine.search({ ...state, query: correction.query }, count).catch(() => null);
    if (corrected && corrected.total > 0) return { answer: corrected, correction };
  }
  return null;
}

/** « по запросу «…»», for screen readers only: the status line's count answers the corrected query. */
export function correctedQuery(query: string): HTMLElement {
  const note = document.createElement('span');
  note.className = 'visually-hidden';
  note.textContent = ` по запросу «${query}»`;
  return note;
}

const PIECES = /\p{L}+|[^\p{L}]+/gu;

/**
 * «Показаны результаты по запросу «…». Искать как написано: «…»»: the corrected words in bold,
 * the typed query a link to its search without correction.
 */
export function correctionNotice(
  correction: TypoCorrection,
  typed: string,
  verbatimHref: (query: string) => string,
): (Node | string)[] {
  const query = document.createElement('span');
  query.className = 'corrected';
  const changed = correction.changed.map(({ corrected }) => corrected);
  for (const piece of correction.query.match(PIECES) ?? []) {
    if (piece === changed[0]) {
      changed.shift();
      const word = document.createElement('b');
      word.textContent = piece;
      query.append(word);
    } else query.append(piece);
  }
  const link = document.createElement('a');
  link.href = verbatimHref(typed);
  link.textContent = typed;
  link.dataset['query'] = typed;
  link.dataset['verbatim'] = '';
  return ['Показаны результаты по запросу «', query, '». Искать как написано: «', link, '»'];
}
