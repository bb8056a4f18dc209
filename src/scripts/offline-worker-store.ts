/// <reference lib="webworker" />
import type { PrecacheController } from 'workbox-precaching';
import type { WorkerConfig } from '../lib/offline-build.ts';
import { listOf, type PageRevision } from '../lib/offline-lists.ts';
import type { PageEntry, SearchFile } from '../lib/offline-refresh.ts';
import { pagePath, revisionFromDigest, revisionKey } from '../lib/offline-revisions.ts';

declare const self: ServiceWorkerGlobalScope;

/** A response's revision, as the build gives every file. */
export async function revisionOfResponse(response: Response): Promise<string> {
  return revisionFromDigest(
    new Uint8Array(await crypto.subtle.digest('SHA-256', await response.arrayBuffer())),
  );
}

/** This build's lists and caches as the worker uses them: pages by revision, search files, the fallback page. */
export class OfflineStore {
  readonly config: WorkerConfig;
  readonly precache: PrecacheController;
  readonly #lists = new Map<string, Promise<Map<string, PageEntry>>>();
  #lastUpdate = 0;
  #live: { at: number; own: Promise<boolean> } | undefined;

  constructor(config: WorkerConfig, precache: PrecacheController) {
    this.config = config;
    this.precache = precache;
  }

  /** A file this build precached, read from the precache (or the network while it installs). */
  async #json<T>(url: string): Promise<T> {
    const response = (await this.precache.matchPrecache(url)) ?? (await fetch(url));
    if (!response.ok) throw new Error(`offline: ${url} answered ${response.status}`);
    return (await response.json()) as T;
  }

  #list(url: string): Promise<Map<string, PageEntry>> {
    let list = this.#lists.get(url);
    if (!list) {
      list = this.#json<PageRevision[]>(url).then(
        (pages) => new Map(pages.map(([page, revision, bytes]) => [page, { url: page, revision, bytes }])),
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

  /** URL keys held by one of the caches. */
  async keys(cacheName: string): Promise<string[]> {
    if (!(await caches.has(cacheName))) return [];
    return (await (await caches.open(cacheName)).keys()).map((request) => request.url);
  }

  /** Answers a page outside the precache: this build's copy when held, the network's otherwise. */
  async page(request: Request): Promise<Response> {
    const url = pagePath(request.url);
    const entry = await this.entry(url);
    const cache = await caches.open(this.config.offline.caches.pages);
    const held = entry && (await cache.match(revisionKey(url, entry.revision)));
    if (held) return held;
    let response: Response;
    try {
      response = await fetch(request);
    } catch (error) {
      if (request.mode !== 'navigate') throw error;
      return (await this.precache.matchPrecache(this.config.offline.fallback)) ?? Response.error();
    }
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
    // Cached as read only when it is this build's page: a newer deploy's page is shown, never kept,
    // so what this worker holds matches its search index.
    if (entry && (await this.isOwn(response, entry.revision))) {
      if (this.config.offline.mode === 'on-demand')
        await cache.put(revisionKey(url, entry.revision), response.clone());
    } else this.#otherBuild();
    return response;
  }

  /**
   * Whether a page the network gave belongs to this build: its bytes have this build's revision, or
   * the host still serves this build (a host that rewrites pages as it serves them changes their bytes).
   */
  async isOwn(response: Response, revision: string): Promise<boolean> {
    if ((await revisionOfResponse(response.clone())) === revision) return true;
    if (!this.#live || Date.now() - this.#live.at > 30_000) {
      const own = fetch(`${this.config.base}offline/build.json`, { cache: 'no-store' })
        .then(
          async (live) =>
            live.ok && ((await live.json()) as { build: string }).build === this.config.offline.build,
        )
        .catch(() => false);
      this.#live = { at: Date.now(), own };
    }
    return this.#live.own;
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
