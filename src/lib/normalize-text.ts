// Zero-width characters that carry no meaning in running text (ZWSP, ZWNJ, ZWJ, word joiner, BOM).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Every horizontal space Unicode knows, including NBSP and the thin and figure spaces.
const SPACES = /[\t\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Form feeds, line and paragraph separators and lone or paired CR all become plain LF.
const LINE_BREAKS = /\r\n?|[\f\u0085\u2028\u2029]/g;
// Other C0 and C1 control characters are noise from broken exports.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

/** Normalizes decoded text to NFC with LF line endings, plain spaces and no invisible noise. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROLS, '')
    .replace(SPACES, ' ');
}
