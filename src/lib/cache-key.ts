import { createHash } from 'node:crypto';

// Bumped when what a key covers changes, so pages of an older scheme are never reused.
const KEY_VERSION = 1;

/**
 * A page's key for Astro's incremental build: a digest of everything the page renders that its
 * code does not fix: the settings it reads and its own parts (entry digests, the links it shows,
 * its place in a list). Equal keys mean the page would be rendered byte for byte the same.
 */
export function cacheKey(settings: unknown, parts: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([KEY_VERSION, settings, parts]))
    .digest('base64url')
    .slice(0, 24);
}
