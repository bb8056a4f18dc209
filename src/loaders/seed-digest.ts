import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INGEST_VERSION } from '../lib/ingest.ts';

// The libraries whose output a record holds (decoding, slugs, typography, rendering, terms,
// language): a new version of any of them may change a page, so it changes every digest.
const SHAPING_PACKAGES = [
  'jschardet',
  'iconv-lite',
  '@sindresorhus/slugify',
  '@sindresorhus/transliterate',
  'typograf',
  'unified',
  'remark-rehype',
  'rehype-stringify',
  'hast-util-to-html',
  '@orama/stemmers',
  '@orama/stopwords',
  'eld',
];

function installedVersions(lockfile: string): string {
  let packages: Record<string, { version?: string }> = {};
  try {
    packages = (JSON.parse(readFileSync(lockfile, 'utf8')) as { packages?: typeof packages }).packages ?? {};
  } catch {
    // Without a lock file the versions are unknown, and the digests say so.
  }
  return SHAPING_PACKAGES.map((name) => `${name}@${packages[`node_modules/${name}`]?.version ?? '?'}`).join(
    ' ',
  );
}

/**
 * Everything besides a seed's own path and bytes that decides its record: the ingest version, the
 * versions of the libraries that shape it, and the settings it depends on (the site's language,
 * which short texts fall back to).
 */
export function ingestFingerprint(
  settings: { lang: string },
  lockfile = resolve('package-lock.json'),
): string {
  return `ingest ${INGEST_VERSION}; ${installedVersions(lockfile)}; lang ${settings.lang}`;
}

/** The content digest of one seed: its record, body and words are cached under it. */
export function seedDigest(fingerprint: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${fingerprint}\n${file}\n`).update(bytes).digest('hex').slice(0, 20);
}
