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
// Other C0 and C1 control characters are noise from broken exports.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;

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

/** Normalizes decoded text to NFC with LF line endings, plain spaces and no invisible noise. */
export function normalizeText(text: string): string {
  // NFC last: removing a character can bring a letter and a combining mark together.
  return dropNoiseJoiners(
    text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(CONTROLS, '').replace(SPACES, ' '),
  ).normalize('NFC');
}
