/// <reference lib="webworker" />
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { revisionFromDigest } from '../../lib/offline/revisions.ts';

/** A response's revision, as the build gives every file. */
export async function revisionOfResponse(response: Response): Promise<string> {
  return revisionFromDigest(
    new Uint8Array(await crypto.subtle.digest('SHA-256', await response.arrayBuffer())),
  );
}

/**
 * Whether a response is the file the build published: a success whose bytes have its revision. A
 * stale copy from a cache in front of the host, or an error page, is never stored as this build's.
 */
export async function isVerified(response: Response, revision: string | undefined): Promise<boolean> {
  if (!response.ok || !revision) return false;
  return (await revisionOfResponse(response.clone())) === revision;
}

/** A Workbox plugin that lets a response into a cache only when its bytes have the revision the build published for its URL path. */
export function verifiedOnly(
  expected: (path: string) => string | undefined | Promise<string | undefined>,
): WorkboxPlugin {
  return {
    cacheWillUpdate: async ({ request, response }) =>
      (await isVerified(response, await expected(new URL(request.url).pathname))) ? response : null,
  };
}

/** Stores a response; a write that fails (storage full) is reported, never thrown, so no page load breaks on it. */
export async function tryPut(cacheName: string, key: string, response: Response): Promise<boolean> {
  try {
    await (await caches.open(cacheName)).put(key, response);
    return true;
  } catch (error) {
    console.warn(`offline: ${key} not stored`, error);
    return false;
  }
}
