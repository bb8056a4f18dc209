import { createHash } from 'node:crypto';
import { codeDigest } from '../build/code-digest.ts';

// The code that makes a record: the worker that decodes, parses and renders a seed (with every
// module it runs) and the schema the content store checks its fields against.
const RECORD_CODE = ['src/loaders/derive-thread.ts', 'src/schemas/document.ts'];

/**
 * Everything besides a seed's own path and bytes that decides its record: the code that makes it
 * (with the installed packages and Node's version, `codeDigest`) and the settings it is made
 * with (the site's language, which short texts fall back to, and the largest file read).
 */
export async function ingestFingerprint(
  settings: { lang: string; maxBytes: number },
  root = process.cwd(),
): Promise<string> {
  const code = await codeDigest(RECORD_CODE, root);
  return `code ${code}; lang ${settings.lang}; max ${settings.maxBytes}`;
}

/** The content digest of one seed: its record, body and words are cached under it. */
export function seedDigest(fingerprint: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${fingerprint}\n${file}\n`).update(bytes).digest('hex').slice(0, 20);
}
