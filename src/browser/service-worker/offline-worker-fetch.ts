/// <reference lib="webworker" />
import type { WorkboxPlugin } from 'workbox-core/types.js';

/**
 * How long the worker waits for one file of an install or a refresh, headers and body together,
 * before it gives up on it as on an unreachable one. The largest such files are search chunks of
 * about 100 kB, fetched four at a time: they need 160 kbit/s (a 2G EDGE link) to arrive within it,
 * 20 kB pages 32 kbit/s; a host that stops answering frees the install long before Chromium's own
 * five minutes.
 */
export const FETCH_LIMIT_MS = 20_000;

// Statuses whose response has no body (the Response constructor refuses one).
const bodiless = new Set([101, 103, 204, 205, 304]);

// The whole body is read while the signal runs, so a body that stops halfway aborts too; the copy
// returned is in memory, and nothing later (hashing, storing) can wait on the host.
async function buffered(response: Response): Promise<Response> {
  const body = bodiless.has(response.status) ? null : await response.arrayBuffer();
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}

/** Fetches a file and reads its body within `FETCH_LIMIT_MS`; a host that stalls rejects it (`TimeoutError`) as a lost network would. */
export async function fetchWithin(url: string, init: RequestInit = {}): Promise<Response> {
  return buffered(await fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_LIMIT_MS) }));
}

/** A Workbox plugin that bounds each fetch of an install the same way; fetches for open pages stay as they are. */
export const boundedInstall: WorkboxPlugin = {
  requestWillFetch: ({ request, event }) =>
    Promise.resolve(
      event?.type === 'install'
        ? new Request(request, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) })
        : request,
    ),
  fetchDidSucceed: ({ response, event }) =>
    event?.type === 'install' ? buffered(response) : Promise.resolve(response),
};
