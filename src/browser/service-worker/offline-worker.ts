/// <reference lib="webworker" />
// The site's service worker, bundled by the offline integration with this build's facts and precache list.
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { expectedDigest, type WorkerConfig } from '../../lib/offline/caches.ts';
import { isHashedSearchFile, isSearchEntryFile } from '../../lib/offline/plan.ts';
import { OfflineStore } from './offline-worker-store.ts';
import { refreshSaved, removeStale, retryRefresh, seedPrecache } from './offline-worker-refresh.ts';
import { boundedInstall } from './offline-worker-fetch.ts';
import { verifiedOnly } from './offline-worker-verify.ts';

declare const self: ServiceWorkerGlobalScope;
declare const ARCHIVE_WORKER: WorkerConfig;

const config = ARCHIVE_WORKER;
const { base, offline } = config;
// A precached file is stored only when its bytes have the revision the build published: a stale or
// wrong copy fails the install, and the previous worker keeps serving until the next attempt; so does
// a file the host does not give within the fetch limit.
// Keyed by the path as a request spells it (percent-encoded).
const digests = new Map(
  config.precache.map((file) => [new URL(file.url, self.location.href).pathname, expectedDigest(file)]),
);
const precache = new PrecacheController({
  cacheName: offline.caches.precache,
  plugins: [boundedInstall, verifiedOnly((path) => digests.get(path))],
});
precache.addToCacheList(config.precache.map((file) => ({ url: file.url, revision: file.revision })));
const store = new OfflineStore(config, precache);

// Output-relative path of a same-origin URL inside the site, or null.
function sitePath(url: URL): string | null {
  return url.origin === self.location.origin && url.pathname.startsWith(base)
    ? url.pathname.slice(base.length)
    : null;
}

// Search's entry files (entry, bundle list, runtime, WebAssembly) come from the network while there is
// one, so search is never older than a page the network gives; without it, from this build's precache,
// which holds the index they describe. The files they name are named by their content (below).
registerRoute(
  ({ url }) => {
    const path = sitePath(url);
    return path !== null && isSearchEntryFile(path);
  },
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      const url = new URL(request.url);
      url.search = '';
      const own = await precache.matchPrecache(url.href);
      if (own) return own;
      throw error;
    }
  },
);

// Everything this build installs: the shell, and the whole archive while it fits the budget. Query
// parameters never change a precached file (search state, highlight words, Pagefind's cache tag).
registerRoute(
  new PrecacheRoute(precache, { ignoreURLParametersMatching: [/./u], directoryIndex: 'index.html' }),
);

// Index chunks and fragments are named by their content: a cached copy is never stale. One is kept
// only when it is a file of this build with the bytes the build published for it.
registerRoute(
  ({ url }) => {
    const path = sitePath(url);
    return path !== null && isHashedSearchFile(path);
  },
  new CacheFirst({
    cacheName: offline.caches.search,
    plugins: [verifiedOnly((path) => store.searchRevision(path))],
  }),
);

// Pages outside the precache: this build's copy when held, else the network's, kept when it is this build's.
registerRoute(
  ({ request, url }) => {
    const path = sitePath(url);
    return request.mode === 'navigate' || (path !== null && /(?:^|\/|\.html)$/u.test(path));
  },
  ({ request, event }) => store.page(request, event),
);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (offline.mode === 'precache') await seedPrecache(store);
      await precache.install(event);
      if (offline.mode === 'on-demand') await refreshSaved(store);
      // The delta is in: take over now, so pages and search switch to this build together.
      await self.skipWaiting();
    })(),
  );
});

// A page that opens asks the worker in control to fetch again what its update could not store.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'archive-retry')
    event.waitUntil(retryRefresh(store));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await precache.activate(event);
      await removeStale(store);
      await self.clients.claim();
    })(),
  );
});
