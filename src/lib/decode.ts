import type { Problem } from './problems.ts';

/** Decoded text of a seed file, or the problem that kept it from being read. */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes the bytes of a seed file as UTF-8, naming the file when they are not valid text. */
export function decodeSeed(bytes: Uint8Array, file: string): DecodeResult {
  if (bytes.includes(0)) {
    return {
      ok: false,
      problem: { file, line: 1, reason: 'binary file (contains NUL bytes)', severity: 'error' },
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: false, problem: { file, line: 1, reason: 'not valid UTF-8 text', severity: 'error' } };
  }
}
