import { createHash } from 'node:crypto';

/**
 * A page's key for Astro's incremental build: a digest of everything the page renders that its
 * code does not fix: the settings it reads and its own parts (entry digests, the links it shows,
 * its place in a list). Its code is Astro's to compare (a hash of the page's modules), and the data
 * it shows is keyed by entry digests that cover the code that made them: equal keys and equal code
 * mean the page would be rendered byte for byte the same.
 */
export function cacheKey(settings: unknown, parts: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([settings, parts]))
    .digest('base64url')
    .slice(0, 24);
}
