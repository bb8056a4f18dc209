/// <reference lib="webworker" />
import type { PrecacheController } from 'workbox-precaching';
import type { WorkerConfig } from '../../lib/offline/caches.ts';
import { listOf, type PageRevision } from '../../lib/offline/lists.ts';
import type { PageEntry, SearchFile } from '../../lib/offline/refresh.ts';
import { pagePath, revisionKey } from '../../lib/offline/revisions.ts';
import { fetchWithin } from './offline-worker-fetch.ts';
import { isVerified, tryPut } from './offline-worker-verify.ts';

declare const self: ServiceWorkerGlobalScope;

/** This build's lists and caches as the worker uses them: pages by revision, search files, the fallback page. */
export class OfflineStore {
  readonly config: WorkerConfig;
  readonly precache: PrecacheController;
  readonly #lists = new Map<string, Promise<Map<string, PageEntry>>>();
  #lastUpdate = 0;
  #searchRevisions: Promise<Map<string, string>> | undefined;

  constructor(config: WorkerConfig, precache: PrecacheController) {
    this.config = config;
    this.precache = precache;
  }

  /** A file this build precached, read from the precache (or the network, within the fetch limit, while it installs). */
  async #json<T>(url: string): Promise<T> {
    const response = (await this.precache.matchPrecache(url)) ?? (await fetchWithin(url));
    if (!response.ok) throw new Error(`offline: ${url} answered ${response.status}`);
    return (await response.json()) as T;
  }

  #list(url: string): Promise<Map<string, PageEntry>> {
    let list = this.#lists.get(url);
    if (!list) {
      list = this.#json<PageRevision[]>(url).then(
        (pages) =>
          new Map(pages.map(([page, revision, bytes, size]) => [page, { url: page, revision, bytes, size }])),
      );
      // A list that could not be read is read again next time.
      list.catch(() => this.#lists.delete(url));
      this.#lists.set(url, list);
    }
    return list;
  }

  /** Every page of this build. */
  async pages(): Promise<PageEntry[]> {
    const lists = await Promise.all(this.config.offline.revisionLists.map((url) => this.#list(url)));
    return lists.flatMap((list) => [...list.values()]);
  }

  /** This build's entry for a page, found in the one list its URL path belongs to. */
  async entry(url: string): Promise<PageEntry | undefined> {
    const lists = this.config.offline.revisionLists;
    const list = lists[listOf(url, lists.length)];
    return list ? (await this.#list(list).catch(() => new Map<string, PageEntry>())).get(url) : undefined;
  }

  /** Search files saved with the archive: fragments, and index files outside the shell. */
  async searchFiles(): Promise<SearchFile[]> {
    const lists = await Promise.all(
      this.config.offline.searchLists.map((url) => this.#json<SearchFile[]>(url)),
    );
    return lists.flat();
  }

  /** The revision the build published for a search file saved with the archive, by URL path. */
  async searchRevision(url: string): Promise<string | undefined> {
    if (!this.#searchRevisions) {
      const revisions = this.searchFiles().then(
        (files) => new Map(files.map((file) => [file.url, file.revision])),
      );
      // Lists that could not be read are read again next time.
      revisions.catch(() => (this.#searchRevisions = undefined));
      this.#searchRevisions = revisions;
    }
    return (await this.#searchRevisions.catch(() => new Map<string, string>())).get(url);
  }

  /** URL keys held by one of the caches. */
  async keys(cacheName: string): Promise<string[]> {
    if (!(await caches.has(cacheName))) return [];
    return (await (await caches.open(cacheName)).keys()).map((request) => request.url);
  }

  /**
   * Answers a page outside the precache: this build's copy when held, the network's otherwise, and
   * without a network an older copy the last update could not replace. Reading the caches or writing
   * to them (storage full) never fails a page the network gives, and the page is answered before its
   * copy is checked and stored, so a slow or stalled cache write never holds it.
   */
  async page(request: Request, event: ExtendableEvent): Promise<Response> {
    const url = pagePath(request.url);
    const entry = await this.entry(url);
    const { pages } = this.config.offline.caches;
    const held =
      entry &&
      (await caches.match(revisionKey(url, entry.revision), { cacheName: pages }).catch(() => undefined));
    if (held) return held;
    let response: Response;
    try {
      response = await fetch(request);
    } catch (error) {
      const older = await caches.match(url, { cacheName: pages, ignoreSearch: true }).catch(() => undefined);
      if (older) return older;
      if (request.mode !== 'navigate') throw error;
      return (await this.precache.matchPrecache(this.config.offline.fallback)) ?? Response.error();
    }
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
    event.waitUntil(this.#keep(url, entry, response.clone()));
    return response;
  }

  // Cached as read only when its bytes are this build's page: a newer deploy's page, or a stale copy
  // from a cache in front of the host, is shown, never kept, so what this worker holds matches its index.
  async #keep(url: string, entry: PageEntry | undefined, response: Response): Promise<void> {
    if (!entry) return this.#otherBuild();
    // A body that broke off on the way says nothing of its build.
    const verified = await isVerified(response, entry.revision).catch(() => null);
    if (verified === false) this.#otherBuild();
    else if (verified && this.config.offline.mode === 'on-demand')
      await tryPut(this.config.offline.caches.pages, revisionKey(url, entry.revision), response);
  }

  // A page of another build: look for that build's worker now rather than at the next visit.
  #otherBuild(): void {
    if (Date.now() - this.#lastUpdate < 60_000) return;
    this.#lastUpdate = Date.now();
    void self.registration.update().catch(() => undefined);
  }

  /** Tells the open pages how a refresh of the saved archive goes. */
  async broadcast(message: Record<string, unknown>): Promise<void> {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      client.postMessage({ type: 'archive-refresh', ...message });
    }
  }
}
