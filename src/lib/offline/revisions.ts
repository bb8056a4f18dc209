/** Where a page stands in the pages cache: its URL path and the revision of its bytes. */
export interface RevisionKey {
  url: string;
  revision: string;
}

const param = 'archive-revision';

/** The cache key of a page at one revision; two builds' copies of a page can stand side by side. */
export function revisionKey(url: string, revision: string): string {
  return `${url}?${param}=${revision}`;
}

/** Reads a pages-cache key (a URL path or whole URL) back into URL path and revision; null for other keys. */
export function parseRevisionKey(key: string): RevisionKey | null {
  const url = new URL(key, 'http://site.invalid');
  const revision = url.searchParams.get(param);
  return revision ? { url: url.pathname, revision } : null;
}

/** Reads a Workbox precache key (`…?__WB_REVISION__=…`) into URL path and revision; null for unversioned keys. */
export function parsePrecacheKey(key: string): RevisionKey | null {
  const url = new URL(key, 'http://site.invalid');
  const revision = url.searchParams.get('__WB_REVISION__');
  return revision ? { url: url.pathname, revision } : null;
}

/** The URL path a page is listed under: the folder for an `index.html`, without query or fragment. */
export function pagePath(url: string): string {
  return new URL(url, 'http://site.invalid').pathname.replace(/(^|\/)index\.html$/u, '$1');
}

/** A revision from a SHA-256 digest: its first eight bytes in hex, the same in the build and in the browser. */
export function revisionFromDigest(digest: Uint8Array): string {
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
