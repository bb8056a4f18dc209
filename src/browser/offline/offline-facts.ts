import { savedArchiveKey, type OfflineBuild } from '../../lib/offline/caches.ts';
import { joinPages, type PageRevision, type PageTitle } from '../../lib/offline/lists.ts';
import type { ArchivePage } from '../../lib/offline/plan.ts';
import type { SearchFile } from '../../lib/offline/refresh.ts';
import { revisionKey } from '../../lib/offline/revisions.ts';

const base = import.meta.env.BASE_URL;

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`offline: ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The offline facts of the build the worker serves (precached, so they load offline too). */
export function loadBuild(): Promise<OfflineBuild> {
  return json<OfflineBuild>(`${base}offline/build.json`);
}

/** Every page outside the shell, with title, size and revision, in URL order. */
export async function loadPages(build: OfflineBuild): Promise<ArchivePage[]> {
  const [titles, revisions] = await Promise.all([
    Promise.all(build.titleLists.map((url) => json<PageTitle[]>(url))),
    Promise.all(build.revisionLists.map((url) => json<PageRevision[]>(url))),
  ]);
  return joinPages(titles.flat(), revisions.flat());
}

/** Search files saved with the archive (fragments, and index files the shell leaves out), with their sizes. */
export async function loadSearchFiles(build: OfflineBuild): Promise<SearchFile[]> {
  return (await Promise.all(build.searchLists.map((url) => json<SearchFile[]>(url)))).flat();
}

/** Keys held by one cache, as URL path and query (`/doc/x/?archive-revision=…`, `/pagefind/fragment/…`). */
export async function cachedKeys(cacheName: string): Promise<Set<string>> {
  if (!('caches' in window) || !(await caches.has(cacheName))) return new Set();
  const keys = await (await caches.open(cacheName)).keys();
  return new Set(
    keys.map((request) => {
      const url = new URL(request.url);
      return `${url.pathname}${url.search}`;
    }),
  );
}

/** Whether this build's copy of a page is in the pages cache. */
export function holdsPage(keys: ReadonlySet<string>, page: ArchivePage): boolean {
  return keys.has(revisionKey(page.url, page.revision));
}

/** Whether a page of this site opens without a network: it is in the precache or the pages cache. */
export async function isPageCached(path: string): Promise<boolean> {
  if (!('caches' in window)) return false;
  // Precached pages are stored as `…/index.html?__WB_REVISION__=…`, saved ones as `…/?archive-revision=…`.
  if (await caches.match(path, { ignoreSearch: true })) return true;
  return path.endsWith('/')
    ? Boolean(await caches.match(`${path}index.html`, { ignoreSearch: true }))
    : false;
}

/** Whether a service worker of this build controls the page, so precached files are in place. */
export function isControlled(): boolean {
  return 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}

/** The build the reader last saved whole, or null when the reader has not asked to save the archive. */
export async function savedBuild(build: OfflineBuild): Promise<string | null> {
  if (!('caches' in window)) return null;
  const response = await caches.match(savedArchiveKey(base), { cacheName: build.caches.state });
  return response ? ((await response.json()) as { build: string }).build : null;
}

/** Remembers that the whole archive of this build is saved; the worker keeps it saved through deploys. */
export async function markSaved(build: OfflineBuild, saved: boolean): Promise<void> {
  const state = await caches.open(build.caches.state);
  if (saved) await state.put(savedArchiveKey(base), Response.json({ build: build.build }));
  else await state.delete(savedArchiveKey(base));
}

/** Whether every page and fragment of this build is available offline. */
export async function isArchiveSaved(build: OfflineBuild): Promise<boolean> {
  if (!isControlled()) return false;
  return build.mode === 'precache' || (await savedBuild(build)) === build.build;
}

/** Whether search may miss words without a network: the index is fetched as searched and not saved. */
export async function isSearchPartialOffline(): Promise<boolean> {
  try {
    const build = await loadBuild();
    return build.searchFileCount > 0 && !(await isArchiveSaved(build));
  } catch {
    return false;
  }
}
