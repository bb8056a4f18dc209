// Invisible characters that carry no meaning in running text: ZWSP, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/gu;
// ZWNJ and ZWJ shape Arabic and Indic words and join emoji sequences; elsewhere they are noise.
const SIMPLE_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const SHAPED_LETTER = /[\p{L}\p{M}]/u;
const PICTOGRAPH = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
// Every horizontal space Unicode knows, including NBSP and the thin and figure spaces.
const SPACES = /[\t\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;
// Form feeds, line and paragraph separators and lone or paired CR all become plain LF.
const LINE_BREAKS = /\r\n?|[\f\u0085\u2028\u2029]/gu;
// Other C0 and C1 control characters are noise from broken exports; no web page or XML feed may hold them.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;
// Noncharacters (U+FFFF, U+FDD0…) and unpaired surrogates are not text: HTML calls them errors and
// XML 1.0 cannot carry U+FFFE, U+FFFF or a surrogate at all. They are shown as U+FFFD.
const NOT_CHARACTERS = /[\p{Noncharacter_Code_Point}\p{Surrogate}]/gu;

/** Characters a page or feed cannot carry, and what normalizing did with them. */
export interface Unwritable {
  kind: 'control' | 'noncharacter';
  /** 1-based line (after line breaks are normalized) of the first one. */
  line: number;
  /** The distinct characters found, as `U+XXXX`, in order of appearance. */
  codes: string[];
}

function isMeaningfulJoiner(before: string, after: string): boolean {
  if (PICTOGRAPH.test(before) && PICTOGRAPH.test(after)) return true;
  const shaped = (char: string): boolean => SHAPED_LETTER.test(char) && !SIMPLE_SCRIPT.test(char);
  return shaped(before) && shaped(after);
}

function dropNoiseJoiners(text: string): string {
  if (!text.includes('\u200C') && !text.includes('\u200D')) return text;
  const chars = Array.from(text);
  return chars
    .filter((char, index) => {
      if (char !== '\u200C' && char !== '\u200D') return true;
      return isMeaningfulJoiner(chars[index - 1] ?? '', chars[index + 1] ?? '');
    })
    .join('');
}

const codeOf = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function find(text: string, pattern: RegExp, kind: Unwritable['kind']): Unwritable | undefined {
  const matches = [...text.matchAll(pattern)];
  const first = matches[0];
  if (first === undefined) return undefined;
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index >= 0 && index < first.index;
    index = text.indexOf('\n', index + 1)
  )
    line += 1;
  return { kind, line, codes: [...new Set(matches.map(([char]) => codeOf(char)))] };
}

/**
 * Normalizes decoded text like `normalizeText`, and says which characters no page or feed can
 * carry it found: control characters (removed) and noncharacters or lone surrogates (shown as U+FFFD).
 */
export function normalizeChecked(text: string): { text: string; unwritable: Unwritable[] } {
  const lines = text.replace(LINE_BREAKS, '\n');
  const unwritable = [find(lines, CONTROLS, 'control'), find(lines, NOT_CHARACTERS, 'noncharacter')].filter(
    (found) => found !== undefined,
  );
  const clean = lines.replace(INVISIBLE, '').replace(CONTROLS, '').replace(NOT_CHARACTERS, '\uFFFD');
  // NFC last: removing a character can bring a letter and a combining mark together.
  return { text: dropNoiseJoiners(clean.replace(SPACES, ' ')).normalize('NFC'), unwritable };
}

/** Normalizes decoded text to NFC with LF line endings, plain spaces and no invisible noise. */
export function normalizeText(text: string): string {
  return normalizeChecked(text).text;
}
