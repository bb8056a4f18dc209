/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** How an excerpt is cut from a result's indexed text. */
export interface ExcerptOptions {
  /** Words the excerpt shows. */
  length: number;
}

// Pagefind's word boundaries: a result's `locations` count words split this way.
const WORD_SEPARATORS = /[^\S\uFEFF]+/u;
const EDGES = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;
const ELLIPSIS = '…';

/** Splits indexed text into words exactly as the search engine counts them. */
export function indexedWords(text: string): string[] {
  return text.split(WORD_SEPARATORS);
}

// Start of the window of `length` words that holds the most matches (the first such one).
function densestStart(matches: readonly number[], length: number): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  let end = 0;
  for (const [at, start] of matches.entries()) {
    while (end < matches.length && (matches[end] ?? Infinity) < start + length) end += 1;
    if (end - at > bestCount) [best, bestCount] = [start, end - at];
  }
  return best;
}

// A word without the punctuation around it: `«гололёд»,` → `«`, `гололёд`, `»,`.
function wordCore(word: string): [before: string, core: string, after: string] {
  const [, before = '', core = '', after = ''] = EDGES.exec(word) ?? [];
  return [before, core, after];
}

/**
 * The excerpt of a result from its indexed text (the body) and match positions: `length` words
 * around the densest run of matches, matched words marked without the punctuation around them. Plain text in, plain text out: nothing is
 * decoded or parsed, so any document text shows as written.
 */
export function bodyExcerpt(
  content: string,
  locations: readonly number[],
  { length }: ExcerptOptions,
): ExcerptPart[] {
  const words = indexedWords(content);
  const size = Math.max(1, length);
  const matches = [...new Set(locations)]
    .filter((at) => Number.isInteger(at) && at >= 0 && at < words.length)
    .sort((a, b) => a - b);
  // A little context before the first match, as a reader expects from a snippet.
  const around = densestStart(matches, size);
  const wanted = around === undefined ? 0 : around - Math.floor(size / 4);
  const start = Math.max(0, Math.min(wanted, words.length - size));
  const end = Math.min(words.length, start + size);
  const marked = new Set(matches);
  const parts: ExcerptPart[] = [];
  const add = (text: string, isMarked: boolean): void => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.marked === isMarked && !isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (start > 0) add(`${ELLIPSIS} `, false);
  let written = false;
  for (let at = start; at < end; at++) {
    const word = words[at] ?? '';
    if (word === '') continue;
    if (written) add(' ', false);
    written = true;
    const [before, core, after] = wordCore(word);
    if (!marked.has(at) || core === '') add(word, false);
    else {
      add(before, false);
      add(core, true);
      add(after, false);
    }
  }
  if (written && end < words.length) add(` ${ELLIPSIS}`, false);
  return written ? parts : [];
}

/**
 * The distinct words a result matched, lower-cased and without punctuation, spelled as the page
 * spells them (the engine's own terms are stems, with ё folded).
 */
export function matchedWords(content: string, locations: readonly number[]): string[] {
  const words = indexedWords(content);
  const found = locations.map((at) => wordCore(words[at] ?? '')[1].toLocaleLowerCase('ru'));
  return [...new Set(found.filter((word) => word !== ''))];
}
