import type { OfflineMode } from './plan.ts';
import { withBase } from '../site/paths.ts';

/** The caches offline reading keeps, named by site (base path) only: each deploy keeps what is still current. */
export interface OfflineCaches {
  /** The shell, and the whole archive while it fits the budget (Workbox's precache). */
  precache: string;
  /** Pages cached as read or saved, each under its revision (`revisionKey`). */
  pages: string;
  /** Search files named by their content (fragments, index chunks), cached as searched or saved. */
  search: string;
  /** The reader's choices, such as having saved the whole archive. */
  state: string;
}

/** The facts of one build that the client scripts read from `offline/build.json` and the worker is made with. */
export interface OfflineBuild {
  /** The build's identity, a digest of what it contains. */
  build: string;
  mode: OfflineMode;
  shellBytes: number;
  archiveBytes: number;
  pageCount: number;
  /** Index files of search outside the shell (0: the whole index is precached). */
  searchFileCount: number;
  caches: OfflineCaches;
  /**
   * URL paths of the page lists by list number (`listOf`), named by their content: the revisions
   * (`PageRevision[]`), which change with the pages, and the titles (`PageTitle[]`), which change
   * only when documents come, go or are retitled.
   */
  revisionLists: string[];
  titleLists: string[];
  /**
   * URL paths of the lists of search files saved with the archive (`{ url, bytes }[]`: fragments, and
   * index files outside the shell), one per search bundle, named by their content.
   */
  searchLists: string[];
  /** URL path of the page that answers, without a network, any page that is not saved. */
  fallback: string;
}

/** One file the service worker installs: its URL path and revision (null when the name is the revision). */
export interface PrecacheFile {
  url: string;
  revision: string | null;
  /** The revision its bytes must have, for a file named by its content (whose `revision` is null). */
  digest?: string;
}

/** The revision a precached file's bytes must have before the worker stores it. */
export function expectedDigest(file: PrecacheFile): string | undefined {
  return file.revision ?? file.digest;
}

/** Everything the service worker is built with. */
export interface WorkerConfig {
  base: string;
  offline: OfflineBuild;
  precache: PrecacheFile[];
}

/** The cache names of a site served under `base`. */
export function offlineCaches(base: string): OfflineCaches {
  const prefix = `archive:${base}:`;
  return {
    precache: `${prefix}precache`,
    pages: `${prefix}pages`,
    search: `${prefix}search`,
    state: `${prefix}state`,
  };
}

/** Whether a cache name is one of this site's offline caches, of this version or an older one. */
export function isSiteCache(base: string, name: string): boolean {
  return name.startsWith(`archive:${base}:`);
}

/** Key, in the state cache, of a mark that an update left copies to fetch again (not fetched, not verified or not stored). */
export function refreshPendingKey(base: string): string {
  return withBase(base, 'offline/refresh-pending');
}

/** Key, in the state cache, of the reader's choice to save the whole archive (its body names the build saved). */
export function savedArchiveKey(base: string): string {
  return withBase(base, 'offline/saved-archive');
}
