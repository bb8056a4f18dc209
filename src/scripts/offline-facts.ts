import type { OfflineBuild } from '../integrations/offline.ts';
import type { ArchivePage } from '../lib/offline-plan.ts';

const base = import.meta.env.BASE_URL;

/** The offline facts of the running build (precached, so they load offline too). */
export async function loadBuild(): Promise<OfflineBuild> {
  const response = await fetch(`${base}offline/build.json`);
  return (await response.json()) as OfflineBuild;
}

/** Every page outside the shell, with title, size, search fragment and revision. */
export async function loadPages(build: OfflineBuild): Promise<ArchivePage[]> {
  const response = await fetch(build.pages);
  return (await response.json()) as ArchivePage[];
}

/** Files of the search index that are not precached (large archives), with their sizes. */
export async function loadSearchFiles(): Promise<{ url: string; bytes: number }[]> {
  const response = await fetch(`${base}offline/search.json`);
  return response.ok ? ((await response.json()) as { url: string; bytes: number }[]) : [];
}

/** URL paths held by one cache. */
export async function cachedPaths(cacheName: string): Promise<Set<string>> {
  if (!('caches' in window) || !(await caches.has(cacheName))) return new Set();
  const keys = await (await caches.open(cacheName)).keys();
  return new Set(keys.map((request) => new URL(request.url).pathname));
}

/** Whether a page of this site opens without a network: it is in the precache or a runtime cache. */
export async function isPageCached(path: string): Promise<boolean> {
  if (!('caches' in window)) return false;
  if (await caches.match(path)) return true;
  // Precached pages are stored as `…/index.html?__WB_REVISION__=…`.
  return path.endsWith('/')
    ? Boolean(await caches.match(`${path}index.html`, { ignoreSearch: true }))
    : false;
}

/** Whether a service worker of this build controls the page, so precached files are in place. */
export function isControlled(): boolean {
  return 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}

/** Key under which a completed save of a build is remembered. */
export const savedKey = `archive-saved:${base}`;

/** Whether every page and fragment of this build is available offline. */
export function isArchiveSaved(build: OfflineBuild): boolean {
  if (!isControlled()) return false;
  return build.mode === 'precache' || localStorage.getItem(savedKey) === build.build;
}

/** Whether search may miss words without a network: the index is fetched as searched and not saved. */
export async function isSearchPartialOffline(): Promise<boolean> {
  try {
    const build = await loadBuild();
    return build.searchFileCount > 0 && !isArchiveSaved(build);
  } catch {
    return false;
  }
}
