import type { PrecacheFile } from './caches.ts';
import type { ArchivePage, OfflineMode } from './plan.ts';

/** A page as a refresh needs it. */
export type PageEntry = Pick<ArchivePage, 'url' | 'revision' | 'bytes' | 'size'>;
import { pagePath, revisionKey, type RevisionKey } from './revisions.ts';

/**
 * A search file saved with the archive (fragment, or index chunk outside the shell): its transfer
 * size, the revision its bytes must have, and the bytes it takes once stored.
 */
export interface SearchFile {
  url: string;
  bytes: number;
  revision: string;
  size: number;
}

/** What the caches hold when a new build's worker installs. */
export interface SavedState {
  /** Keys of the pages cache. */
  pages: readonly RevisionKey[];
  /** Versioned keys of the precache (pages precached by this build's worker or the one before). */
  precachedPages: readonly RevisionKey[];
  /** URL paths in the search cache. */
  search: ReadonlySet<string>;
  /** Unversioned URL paths in the precache (search files named by their content). */
  precachedSearch: ReadonlySet<string>;
  /** Whether the reader saved the whole archive. */
  whole: boolean;
}

/** One page to fetch again, with the revision its bytes must have. */
export interface PageFetch {
  url: string;
  revision: string;
  bytes: number;
}

/** What a new build's worker does before it takes over, so a saved archive stays saved. */
export interface RefreshPlan {
  /** Precached copies to move into the pages cache (Workbox precache key → URL path and revision). */
  adoptPages: { from: RevisionKey; to: RevisionKey }[];
  /** Precached search files to copy into the search cache. */
  adoptSearch: string[];
  /** Pages whose saved revision is not this build's, or new pages of a whole saved archive. */
  fetchPages: PageFetch[];
  /** Search files (fragments, index chunks outside the shell) a whole saved archive lacks. */
  fetchSearch: SearchFile[];
  /** Whether the archive is saved whole: by the reader's choice, or precached by the previous worker. */
  whole: boolean;
}

/**
 * Plans a deploy's delta for an archive cached as read or saved (the on-demand mode): pages whose
 * revision changed are fetched again, pages and search files already held are kept, and a whole
 * saved archive also gets the new pages and the search files it lacks. Pages and search files the
 * previous worker precached (the archive was under the budget then) are taken over rather than fetched.
 */
export function planRefresh(
  pages: readonly PageEntry[],
  searchFiles: readonly SearchFile[],
  saved: SavedState,
): RefreshPlan {
  const held = new Set(saved.pages.map((key) => revisionKey(key.url, key.revision)));
  const listed = new Set(pages.map((page) => page.url));
  // Precached archive pages (not the shell's): the previous worker held the whole archive.
  const precached = new Map(
    saved.precachedPages
      .filter((key) => listed.has(pagePath(key.url)))
      .map((key) => [revisionKey(pagePath(key.url), key.revision), key]),
  );
  const whole = saved.whole || precached.size > 0;
  const savedUrls = new Set(saved.pages.map((key) => key.url));
  const plan: RefreshPlan = { adoptPages: [], adoptSearch: [], fetchPages: [], fetchSearch: [], whole };
  const wanted = whole ? pages : pages.filter((page) => savedUrls.has(page.url));
  for (const page of wanted) {
    const key = revisionKey(page.url, page.revision);
    if (held.has(key)) continue;
    const from = precached.get(key);
    if (from) plan.adoptPages.push({ from, to: { url: page.url, revision: page.revision } });
    else plan.fetchPages.push({ url: page.url, revision: page.revision, bytes: page.bytes });
  }
  if (!whole) return plan;
  for (const file of searchFiles) {
    if (saved.search.has(file.url)) continue;
    if (saved.precachedSearch.has(file.url)) plan.adoptSearch.push(file.url);
    else plan.fetchSearch.push(file);
  }
  return plan;
}

// Between retries that found the host still failing or the storage still full: a reader opening page
// after page does not download the same copies again each time.
const RETRY_PAUSE_MS = 5 * 60_000;

/** Whether copies an update left are fetched again now, given when the last retry ran (undefined: none yet). */
export function isRetryDue(retried: number | undefined, now: number): boolean {
  return retried === undefined || now - retried >= RETRY_PAUSE_MS;
}

/** A runtime-cached copy of a file the precache lists: the precache's URL, the copy's key and cache. */
export interface Seed {
  url: string;
  from: string;
  cache: 'pages' | 'search';
}

/** Runtime-cached copies to move into the precache before Workbox installs it: what the reader holds is not fetched again. */
export function planSeeding(
  precache: readonly PrecacheFile[],
  pageKeys: readonly RevisionKey[],
  search: ReadonlySet<string>,
): Seed[] {
  const held = new Set(pageKeys.map((key) => revisionKey(key.url, key.revision)));
  return precache.flatMap((file): Seed[] => {
    if (file.revision === null)
      return search.has(file.url) ? [{ url: file.url, from: file.url, cache: 'search' }] : [];
    const key = revisionKey(pagePath(file.url), file.revision);
    return held.has(key) ? [{ url: file.url, from: key, cache: 'pages' }] : [];
  });
}

/**
 * What a build's worker deletes when it takes over: copies no page or search of this build has any
 * more. A page's older copy stays while its copy of this build is not stored (the update could not
 * fetch or verify it): the reader keeps a copy, and the next attempt replaces it.
 */
export function staleEntries(
  mode: OfflineMode,
  pages: readonly PageEntry[],
  searchFiles: readonly SearchFile[],
  precache: readonly PrecacheFile[],
  held: { pages: readonly RevisionKey[]; search: ReadonlySet<string> },
): { pages: RevisionKey[]; search: string[] } {
  const current = new Set(pages.map((page) => revisionKey(page.url, page.revision)));
  const listed = new Set(pages.map((page) => page.url));
  const renewed = new Set(
    held.pages.filter((key) => current.has(revisionKey(key.url, key.revision))).map((key) => key.url),
  );
  const precached = new Set(precache.map((file) => file.url));
  const referenced = new Set(searchFiles.map((file) => file.url));
  return {
    pages: held.pages.filter(
      (key) =>
        mode === 'precache' ||
        (!current.has(revisionKey(key.url, key.revision)) && (renewed.has(key.url) || !listed.has(key.url))),
    ),
    search: [...held.search].filter((url) => precached.has(url) || !referenced.has(url)),
  };
}
