// Embeddings and overrides (LRE, RLE, LRO, RLO) last until a PDF; isolates (LRI, RLI, FSI) until a PDI.
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);
const PDF = '\u202C';
const PDI = '\u2069';
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

// Characters a reader never sees: Unicode's default-ignorable set (bidi controls and marks, fillers such
// as U+3164 and U+FFA0, invisible operators, tags) and the interlinear annotation marks. An emoji tag
// sequence (the flag of Scotland) is matched whole first, so its tags survive.
const HIDDEN = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/gu;
// Default-ignorable, yet they change how the letter before them looks: joiners (already kept only where
// they shape a word or an emoji), variation selectors, the grapheme joiner, Mongolian variant selectors.
const SHAPING = /^(?:\u200C|\u200D|\u034F|\p{Variation_Selector})$/u;
// What draws nothing: spaces, invisible and format characters, controls and the blank Braille cell.
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\u2800]/u;

/**
 * Balances the direction controls of one field, read as one paragraph: embeddings and isolates still
 * open at its end are closed there, and closers that close nothing are dropped, so the field can
 * change the direction of nothing beside it (a page title's site name, the next item of a feed).
 */
export function balanceDirection(text: string): string {
  if (!DIRECTION_CONTROL.test(text)) return text;
  const open: string[] = [];
  let out = '';
  for (const char of text) {
    if (EMBEDDINGS.has(char) || ISOLATES.has(char)) {
      open.push(char);
      out += char;
    } else if (char === PDF) {
      // A PDF never closes anything across an isolate (UAX #9, rule X7).
      if (!EMBEDDINGS.has(open.at(-1) ?? '')) continue;
      open.pop();
      out += PDF;
    } else if (char === PDI) {
      // A PDI closes its isolate and every embedding opened inside it (rule X6a): spelled out here.
      const isolate = open.findLastIndex((opener) => ISOLATES.has(opener));
      if (isolate < 0) continue;
      out += PDF.repeat(open.length - isolate - 1) + PDI;
      open.length = isolate;
    } else out += char;
  }
  return (
    out +
    open
      .reverse()
      .map((opener) => (ISOLATES.has(opener) ? PDI : PDF))
      .join('')
  );
}

/**
 * Removes what a reader never sees from a headline or a name (direction controls and marks, fillers,
 * other invisible format characters), keeping what shapes the visible letters: such a field is shown
 * alone, in lists, titles, feeds and reports, where no hidden character may reorder or hide it.
 */
export function withoutHidden(text: string): string {
  if (!/[^\p{ASCII}]/u.test(text)) return text;
  const kept = text.replace(
    HIDDEN,
    (char, sequence?: string) => sequence ?? (SHAPING.test(char) ? char : ''),
  );
  // Removing a character can bring a letter and its accent together.
  return kept.normalize('NFC');
}

/** Whether the text holds at least one character that draws something. */
export function hasVisible(text: string): boolean {
  return VISIBLE.test(text);
}

/** The distinct characters of the text that draw nothing but spaces, as `U+XXXX`, in order of appearance. */
export function invisibleCodes(text: string): string[] {
  const codes = [...text]
    .filter((char) => !VISIBLE.test(char) && !/\s/u.test(char))
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  return [...new Set(codes)];
}
