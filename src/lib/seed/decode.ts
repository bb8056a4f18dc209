import iconv from 'iconv-lite';
import { detect } from 'jschardet';
import type { Problem } from './problems.ts';

/** Decoded text of a seed file, or the problem that kept it from being read. */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; problem: Problem };

// Longest first, so a UTF-32 LE mark is not read as UTF-16 LE.
const BYTE_ORDER_MARKS: readonly { mark: readonly number[]; encoding: string }[] = [
  { mark: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { mark: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { mark: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { mark: [0xff, 0xfe], encoding: 'utf-16le' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be' },
];
const DAMAGED_UTF8 = 'not valid UTF-8 (a damaged or cut multi-byte character)';
// The detector needs far less than a whole large file to decide.
const DETECTION_SAMPLE = 64 * 1024;
// eslint-disable-next-line no-control-regex -- counting control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu;

const problemAt = (file: string, line: number, reason: string): DecodeResult => ({
  ok: false,
  problem: { file, line, reason, severity: 'error' },
});

function startsWith(bytes: Uint8Array, mark: readonly number[]): boolean {
  return mark.every((byte, index) => bytes[index] === byte);
}

// TextDecoder is exact for UTF-8 and UTF-16: with `fatal` it refuses every malformed sequence.
function strictUnicode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-32 read unit by unit, or the line of the first unit that is no character (a surrogate, past U+10FFFF). */
function strictUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string } | { line: number } {
  if (bytes.length % 4 !== 0) return { line: 1 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chars: string[] = [];
  let line = 1;
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const code = view.getUint32(offset, littleEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { line };
    // CR, LF and CRLF are line breaks, as in the UTF-8 check.
    if (code === 0x0a ? chars.at(-1) !== '\r' : code === 0x0d) line += 1;
    chars.push(String.fromCodePoint(code));
  }
  return { text: chars.join('') };
}

// Line of the first malformed UTF-8 sequence; CR, LF and CRLF are line breaks.
function firstBadUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index += 1) {
    const byte = bytes[index];
    if (index < bytes.length && byte !== 0x0a && byte !== 0x0d) continue;
    try {
      decoder.decode(bytes.subarray(start, index));
    } catch {
      return line;
    }
    if (byte === 0x0d && bytes[index + 1] === 0x0a) index += 1;
    line += 1;
    start = index + 1;
  }
  return 1;
}

// Line of the first unpaired surrogate in UTF-16 (an odd last byte counts as one).
function firstBadUtf16Line(bytes: Uint8Array, littleEndian: boolean): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let line = 1;
  let previous = 0;
  for (let offset = 0; offset + 1 < bytes.length; offset += 2) {
    const unit = view.getUint16(offset, littleEndian);
    const next = offset + 3 < bytes.length ? view.getUint16(offset + 2, littleEndian) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (next < 0xdc00 || next > 0xdfff) return line;
      offset += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return line;
    if (unit === 0x0d || (unit === 0x0a && previous !== 0x0d)) line += 1;
    previous = unit;
  }
  return line;
}

// Valid multi-byte sequences outnumbering the broken ones mean UTF-8 that was damaged, not a
// legacy encoding: in Windows-1251 or KOI8-R text such sequences occur only by rare chance.
function isDamagedUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const char of new TextDecoder('utf-8').decode(bytes)) {
    if (char === '\uFFFD') bad += 1;
    else if (char > '\u007F') good += 1;
  }
  return bad > 0 && good >= bad * 2;
}

function looksBinary(text: string): boolean {
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls >= 3 && controls * 100 > text.length;
}

function accept(text: string, encoding: string, file: string): DecodeResult {
  if (looksBinary(text)) return problemAt(file, 1, `binary file (control characters; read as ${encoding})`);
  return { ok: true, text, encoding };
}

function decodeWithMark(bytes: Uint8Array, file: string): DecodeResult | undefined {
  const bom = BYTE_ORDER_MARKS.find(({ mark }) => startsWith(bytes, mark));
  if (!bom) return undefined;
  const body = bytes.subarray(bom.mark.length);
  const name = bom.encoding.toUpperCase();
  if (bom.encoding.startsWith('utf-32')) {
    const utf32 = strictUtf32(body, bom.encoding === 'utf-32le');
    if ('line' in utf32) {
      const reason = `starts with a ${name} byte order mark but is not valid ${name} (a surrogate or a code past U+10FFFF)`;
      return problemAt(file, utf32.line, reason);
    }
    return accept(utf32.text, bom.encoding, file);
  }
  const text = strictUnicode(body, bom.encoding);
  if (text === undefined) {
    const line =
      bom.encoding === 'utf-8'
        ? firstBadUtf8Line(body)
        : firstBadUtf16Line(body, bom.encoding === 'utf-16le');
    return problemAt(file, line, `starts with a ${name} byte order mark but is not valid ${name}`);
  }
  return accept(text, bom.encoding, file);
}

/**
 * Decodes the bytes of a seed file: UTF-8/16/32 by byte order mark, then strict UTF-8 (ASCII
 * included), then the legacy encoding jschardet names (Windows-1251, KOI8-R and the rest that
 * iconv-lite reads). Binary, damaged and undecodable files become a problem with a reason.
 */
export function decodeSeed(bytes: Uint8Array, file: string): DecodeResult {
  const marked = decodeWithMark(bytes, file);
  if (marked) return marked;
  const hasNul = bytes.includes(0);
  if (!hasNul) {
    const utf8 = strictUnicode(bytes, 'utf-8');
    if (utf8 !== undefined) return accept(utf8, bytes.every((byte) => byte < 0x80) ? 'ascii' : 'utf-8', file);
    if (isDamagedUtf8(bytes)) return problemAt(file, firstBadUtf8Line(bytes), DAMAGED_UTF8);
  }
  const guess = detect(bytes.subarray(0, DETECTION_SAMPLE));
  if (!guess.encoding) {
    const kind = guess.mimeType && guess.mimeType !== 'application/octet-stream' ? `, ${guess.mimeType}` : '';
    return problemAt(file, 1, `binary file (not text${kind})`);
  }
  // Without a byte order mark, NUL bytes are read as binary: guessing UTF-16 there turns
  // damaged files into pages of CJK-looking noise.
  if (hasNul) return problemAt(file, 1, 'binary file (NUL bytes; UTF-16 needs a byte order mark)');
  const encoding = guess.encoding.toLowerCase();
  if (encoding === 'utf-8' || encoding === 'ascii')
    return problemAt(file, firstBadUtf8Line(bytes), DAMAGED_UTF8);
  if (!iconv.encodingExists(encoding) || encoding.startsWith('utf-')) {
    return problemAt(file, 1, `text encoding ${guess.encoding} cannot be decoded`);
  }
  return accept(iconv.decode(Buffer.from(bytes), encoding), encoding, file);
}
