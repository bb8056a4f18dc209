import { stemmer } from '@orama/stemmers/russian';

// Pagefind (1.5 and later) drops diacritics before its Snowball stemmer runs, in the index and in
// the query alike, so «й» (и with a breve) reaches the stemmer as «и»: «новый» is stemmed as
// «новыи» to «новы», «большой» as «большои» to «больши», while «нового» and «большого» give
// «нов» and «больш». Every indexed form still starts with the word's real stem (a lost
// «-ый/-ой/-ий/-ей» ending leaves a longer key, never a shorter one), and Pagefind matches each
// query key against every indexed key it begins. So a query word whose folded key is not a
// beginning of its real stem is sent as a word Pagefind stems to that real stem, which reaches
// every form.
const WORD = /\p{L}+/gu;
// The stem alone may be stemmed again («зада» of «заданный» to «зад», which «задача» begins): an
// adjective's ending after it is taken off again and leaves the stem as it is.
const ENDINGS = ['', 'ого', 'ом'];

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');

/** What Pagefind looks up for a lower-case word: its stem once diacritics are dropped. */
export function pagefindKey(word: string): string {
  return stemmer(fold(word));
}

/** The real stem of a lower-case Russian word («й» kept), with diacritics then dropped as Pagefind does. */
export function realStem(word: string): string {
  return fold(stemmer(word.replaceAll('ё', 'е')));
}

/** A query word as Pagefind should be given it: itself, or a word of its real stem when Pagefind would miss its forms. */
export function pagefindWord(word: string): string {
  const lower = word.toLocaleLowerCase('ru');
  if (!lower.includes('й')) return word;
  const stem = realStem(lower);
  if (stem.startsWith(pagefindKey(lower))) return word;
  return ENDINGS.map((ending) => stem + ending).find((sent) => pagefindKey(sent) === stem) ?? stem;
}

// Pagefind looks a key up only in the index chunk whose range holds it, while the longer keys of
// the lost endings («новы», «ново» beside «нов») may start the next chunk: their chunks are loaded
// first, by words that end in them.
const LOST_ENDINGS = ['ый', 'ой', 'ий', 'ей'];

/**
 * The words whose index chunks Pagefind must load before it is given `pagefindQuery(query)`
 * (space-separated, as its `preload` takes them), or null when the query is given as typed.
 */
export function pagefindPreload(query: string): string | null {
  const words = (query.match(WORD) ?? []).flatMap((word) => {
    const sent = pagefindWord(word);
    if (sent === word) return [];
    const stem = realStem(word.toLocaleLowerCase('ru'));
    return [word, ...LOST_ENDINGS.map((ending) => stem + ending)];
  });
  return words.length === 0 ? null : [...new Set(words)].join(' ');
}

/**
 * The query Pagefind is given for what a reader typed: Russian words ending in «й» (and the few
 * others whose stem the dropped breve changes) become their real stem, everything else stays.
 */
export function pagefindQuery(query: string): string {
  return query.replace(WORD, (word) => pagefindWord(word));
}
