/// <reference lib="webworker" />
import { isSiteCache, refreshPendingKey, savedArchiveKey } from '../../lib/offline/caches.ts';
import {
  isRetryDue,
  planRefresh,
  planSeeding,
  staleEntries,
  type RefreshPlan,
} from '../../lib/offline/refresh.ts';
import {
  parsePrecacheKey,
  parseRevisionKey,
  revisionKey,
  type RevisionKey,
} from '../../lib/offline/revisions.ts';
import { saveAll, type SaveItem } from '../../lib/offline/save-archive.ts';
import { fetchWithin } from './offline-worker-fetch.ts';
import type { OfflineStore } from './offline-worker-store.ts';
import { isVerified, tryPut } from './offline-worker-verify.ts';

declare const self: ServiceWorkerGlobalScope;

const path = (key: string): string => new URL(key).pathname;
const revisions = (keys: readonly string[], parse: (key: string) => RevisionKey | null): RevisionKey[] =>
  keys.flatMap((key) => parse(key) ?? []);

/** Before Workbox installs the precache: copies the reader already holds in runtime caches go in as they are. */
export async function seedPrecache(store: OfflineStore): Promise<void> {
  const { caches: names } = store.config.offline;
  const [pageKeys, searchKeys] = await Promise.all([store.keys(names.pages), store.keys(names.search)]);
  const seeds = planSeeding(
    store.config.precache,
    revisions(pageKeys, parseRevisionKey),
    new Set(searchKeys.map(path)),
  );
  const precache = await caches.open(names.precache);
  for (const seed of seeds) {
    const key = store.precache.getCacheKeyForURL(seed.url);
    const response = await caches.match(seed.from, {
      cacheName: seed.cache === 'pages' ? names.pages : names.search,
    });
    if (key && response) await precache.put(key, response);
  }
}

async function adopt(store: OfflineStore, plan: RefreshPlan, precacheKeys: readonly string[]): Promise<void> {
  const { caches: names } = store.config.offline;
  const [precache, pages, search] = await Promise.all([
    caches.open(names.precache),
    caches.open(names.pages),
    caches.open(names.search),
  ]);
  // Precache keys by the URL path and revision they stand for (unversioned ones by their path).
  const keys = new Map(
    precacheKeys.map((key) => {
      const parsed = parsePrecacheKey(key);
      return [parsed ? revisionKey(parsed.url, parsed.revision) : path(key), key];
    }),
  );
  for (const { from, to } of plan.adoptPages) {
    const response = await precache.match(keys.get(revisionKey(from.url, from.revision)) ?? from.url);
    if (response) await pages.put(revisionKey(to.url, to.revision), response);
  }
  for (const url of plan.adoptSearch) {
    const response = await precache.match(keys.get(url) ?? url);
    if (response) await search.put(url, response);
  }
}

/**
 * After a deploy, before this build's worker takes over: the saved pages whose revision changed are
 * fetched again, and a whole saved archive gets the new pages and search files; what is unchanged stays.
 * Each copy is stored only when its bytes have the revision the build published. A copy that the host
 * refuses, that is stale (a cache in front of the host) or that finds no room is not stored: the older
 * copy stays, and `retryRefresh` tries again later. A network failure, or a host that does not give a
 * file within the fetch limit, fails the install: the previous worker keeps serving, and the next
 * attempt resumes.
 */
export async function refreshSaved(store: OfflineStore): Promise<void> {
  const { caches: names, build } = store.config.offline;
  const [pages, searchFiles, pageKeys, searchKeys, precacheKeys, whole] = await Promise.all([
    store.pages(),
    store.searchFiles(),
    store.keys(names.pages),
    store.keys(names.search),
    store.keys(names.precache),
    caches.match(savedArchiveKey(store.config.base), { cacheName: names.state }).then(Boolean),
  ]);
  const plan = planRefresh(pages, searchFiles, {
    pages: revisions(pageKeys, parseRevisionKey),
    precachedPages: revisions(precacheKeys, parsePrecacheKey),
    search: new Set(searchKeys.map(path)),
    precachedSearch: new Set(precacheKeys.filter((key) => !parsePrecacheKey(key)).map(path)),
    whole,
  });
  await adopt(store, plan, precacheKeys);
  const pageUrls = new Set(plan.fetchPages.map((page) => page.url));
  const expected = new Map(
    [...plan.fetchSearch, ...plan.fetchPages].map((item) => [item.url, item.revision]),
  );
  const items: SaveItem[] = [...plan.fetchSearch, ...plan.fetchPages];
  // Items whose last attempt found no network or timed out: the install fails, and the next one resumes.
  const unreachable = new Set<string>();
  const result = await saveAll(items, {
    fetchItem: async (item) => {
      const response = await fetchWithin(item.url, { cache: 'no-cache' }).catch((error: unknown) => {
        unreachable.add(item.url);
        throw error;
      });
      unreachable.delete(item.url);
      const revision = expected.get(item.url);
      if (!revision || !(await isVerified(response, revision))) return false;
      return pageUrls.has(item.url)
        ? tryPut(names.pages, revisionKey(item.url, revision), response)
        : tryPut(names.search, item.url, response);
    },
    isOnline: () => navigator.onLine,
    waitOnline: () => new Promise((done) => setTimeout(done, 1000)),
    onProgress: (progress) => void store.broadcast({ ...progress }),
  });
  await store.broadcast({ finished: true });
  const state = await caches.open(names.state);
  const pending = refreshPendingKey(store.config.base);
  if (result.failed > 0 || unreachable.size > 0) await tryPut(names.state, pending, Response.json({ build }));
  else await state.delete(pending);
  if (unreachable.size > 0)
    throw new Error(`offline: ${unreachable.size} files unreachable while refreshing`);
  if (plan.whole && result.failed === 0)
    await tryPut(names.state, savedArchiveKey(store.config.base), Response.json({ build }));
}

let retrying: Promise<void> | undefined;

/**
 * Once this build's worker is in control, fetches again what its update left (a refused, stale or
 * unstored copy), then drops the older copies it replaced. Pages ask for it as they open; it does
 * nothing unless the last refresh left something.
 */
export function retryRefresh(store: OfflineStore): Promise<void> {
  const { caches: names, mode, build } = store.config.offline;
  const key = refreshPendingKey(store.config.base);
  retrying ??= (async () => {
    if (mode !== 'on-demand') return;
    const mark = await caches.match(key, { cacheName: names.state });
    if (!mark || !isRetryDue(((await mark.json()) as { retried?: number }).retried, Date.now())) return;
    await refreshSaved(store);
    await removeStale(store);
    // Still something left: the next retry waits a while.
    if (await caches.match(key, { cacheName: names.state }))
      await tryPut(names.state, key, Response.json({ build, retried: Date.now() }));
  })()
    .catch((error: unknown) => console.warn('offline: the refresh will be tried again', error))
    .finally(() => (retrying = undefined));
  return retrying;
}

/** When this build's worker takes over: drops pages and search files no longer in it, and older caches. */
export async function removeStale(store: OfflineStore): Promise<void> {
  const { caches: names, mode } = store.config.offline;
  const [pages, searchFiles, pageKeys, searchKeys] = await Promise.all([
    store.pages(),
    store.searchFiles(),
    store.keys(names.pages),
    store.keys(names.search),
  ]);
  const stale = staleEntries(mode, pages, searchFiles, store.config.precache, {
    pages: revisions(pageKeys, parseRevisionKey),
    search: new Set(searchKeys.map(path)),
  });
  const [pageCache, searchCache] = await Promise.all([caches.open(names.pages), caches.open(names.search)]);
  await Promise.all([
    ...stale.pages.map((key) => pageCache.delete(revisionKey(key.url, key.revision))),
    ...stale.search.map((url) => searchCache.delete(url)),
  ]);
  const current = new Set(Object.values(names));
  // Caches of this site's older workers: per-build runtime caches, and Workbox's default precache name.
  const older = (name: string): boolean =>
    (isSiteCache(store.config.base, name) && !current.has(name)) ||
    name === `archive-precache-v2-${self.registration.scope}`;
  await Promise.all((await caches.keys()).filter(older).map((name) => caches.delete(name)));
}
