import slugify from '@sindresorhus/slugify';
import transliterate from '@sindresorhus/transliterate';

// Well under the 255-byte limit file systems put on one path segment.
const MAX_SLUG_LENGTH = 100;
// Letters, digits and symbols that transliteration could not spell in ASCII.
const UNSPELLED = /[^\p{ASCII}\p{M}\p{Z}\p{P}]/u;

/** A short stable base-36 fingerprint of a string (32-bit FNV-1a over its UTF-16 code units). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** The URL slug of one name or path segment: transliterated ASCII, with a fingerprint when ASCII cannot spell it. */
export function segmentSlug(segment: string): string {
  const slug = slugify(segment, { decamelize: false });
  // Names in scripts without an ASCII spelling (東京, ☃) keep a distinct, stable address.
  if (slug === '' || UNSPELLED.test(transliterate(segment))) {
    return [slug, fingerprint(segment)].filter((part) => part !== '').join('-');
  }
  return slug;
}

/**
 * Turns a seed's path inside the seeds folder into an ASCII URL slug that depends on the path
 * alone: Cyrillic is transliterated, folders join with `--`, names ASCII cannot spell get a
 * fingerprint, and long names are cut and fingerprinted.
 */
export function slugFromPath(relativePath: string): string {
  const path = relativePath.normalize('NFC').replace(/\.txt$/iu, '');
  const slug = path
    .split(/[\\/]+/u)
    .filter((segment) => segment !== '')
    .map(segmentSlug)
    .join('--');
  if (slug === '') return `document-${fingerprint(path)}`;
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  return `${slug.slice(0, MAX_SLUG_LENGTH - 9).replace(/-+$/u, '')}-${fingerprint(path)}`;
}
