import { withBase } from '../site/paths.ts';
import type { SearchFile } from './refresh.ts';
import type { SearchFile as SearchOutputFile, SearchFileKind } from '../search/files.ts';

/** A built file as the offline planner sees it: path inside the output folder and transfer size. */
export interface BuiltFile {
  /** Path relative to the output folder, with forward slashes (`doc/x/index.html`). */
  path: string;
  /** Bytes a reader downloads for it (compressed where a server would compress). */
  bytes: number;
  /** Digest of its content: the same bytes give the same revision in every build. */
  revision?: string;
  /** Bytes it takes once stored (uncompressed), where known. */
  size?: number;
}

/** One page a reader can take offline. */
export interface ArchivePage {
  /** Site-relative URL path of the page, base included (`/archive/doc/x/`). */
  url: string;
  /** Title from the search index, or null for pages that are not indexed (lists). */
  title: string | null;
  /** Transfer bytes of the page. */
  bytes: number;
  /** Digest of the page's HTML, which tells a page of this build from one of another. */
  revision: string;
  /** Bytes the page takes once stored (uncompressed). */
  size: number;
}

/** `precache`: the whole archive is installed with the service worker; `on-demand`: pages are cached as read or saved. */
export type OfflineMode = 'precache' | 'on-demand';

/** What the service worker precaches and what is left to runtime caching. */
export interface OfflinePlan {
  mode: OfflineMode;
  /** Output-relative paths precached with the service worker. */
  precache: string[];
  /** Transfer bytes of the shell and search runtime, always precached. */
  shellBytes: number;
  /** Transfer bytes of every page and fragment outside the shell (and of the search index, when it is). */
  archiveBytes: number;
  /**
   * Files of the search index left out of the shell, because with them the shell would pass the
   * budget: fetched as searches need them and saved with the archive. Empty when precached.
   */
  searchFiles: string[];
}

/** How a built file takes part in offline reading (`index`: the search index's word chunks). */
export type FileRole = 'shell' | 'index' | 'page' | 'fragment' | 'none';

// The shell pages: everything a reader needs to find and open documents.
const shellPages = new Set(['index.html', 'search/index.html', 'offline/index.html', '404.html']);
const shellAsset = /\.(?:css|js|mjs|woff2?|svg|png|ico|webmanifest)$/u;
// The service worker tells search files by their URL (`pagefind/`, `pagefind-<key>/`): it has no
// list of them. The build's plan takes their roles from the search step instead (`knownRoles`).
const bundle = String.raw`^pagefind(?:-[a-z0-9]+)?\/`;
const searchBundle = new RegExp(bundle, 'u');
// Index chunks, fragments, filters and metadata are named by their content; the rest of a bundle
// (entry file, bundle list, runtime, WebAssembly) keeps its name from build to build.
const hashedSearchFile = new RegExp(`${bundle}(?:(?:fragment|index|filter)\\/|[^/]+\\.pf_meta$)`, 'u');
const serviceWorkerFiles = /^(?:sw\.js|workbox-[^/]*\.js|sw-[^/]*\.js)$/u;

/** Whether an output-relative path is a search file named by its content, so never stale once cached. */
export function isHashedSearchFile(path: string): boolean {
  return hashedSearchFile.test(path);
}

/** Whether an output-relative path is one of a search bundle's files that keep their name between builds. */
export function isSearchEntryFile(path: string): boolean {
  return (
    searchBundle.test(path) && !path.slice(path.indexOf('/') + 1).includes('/') && !isHashedSearchFile(path)
  );
}

/** The role of each file a step before the offline list wrote, by output-relative path. */
export type KnownRoles = ReadonlyMap<string, FileRole>;

const roleOfKind: Record<SearchFileKind, FileRole> = {
  runtime: 'shell',
  index: 'index',
  fragment: 'fragment',
  unused: 'none',
};

/** The roles of the search step's files and of the files the search page needs offline (`shell`). */
export function knownRoles(
  search: readonly SearchOutputFile[],
  shell: readonly string[],
): Map<string, FileRole> {
  return new Map<string, FileRole>([
    ...search.map((file): [string, FileRole] => [file.path, roleOfKind[file.kind]]),
    ...shell.map((path): [string, FileRole] => [path, 'shell']),
  ]);
}

/** Classifies an output-relative path for offline reading; `known` gives the roles of other steps' files. */
export function fileRole(path: string, known: KnownRoles = new Map()): FileRole {
  const role = known.get(path);
  if (role) return role;
  if (serviceWorkerFiles.test(path) || path.endsWith('.map')) return 'none';
  if (path.endsWith('.html')) return shellPages.has(path) ? 'shell' : 'page';
  if (path.startsWith('offline/') && path.endsWith('.json')) return 'shell';
  return shellAsset.test(path) ? 'shell' : 'none';
}

/**
 * Decides whether the whole archive fits the precache budget and lists what is precached. The
 * search index belongs to the shell while the shell still fits the budget with it; past that (70 MB
 * for 100,000 documents) a first visit would download it all, so it is fetched as searched instead.
 */
export function planOffline(
  files: readonly BuiltFile[],
  budgetBytes: number,
  known: KnownRoles = new Map(),
): OfflinePlan {
  let shellBytes = 0;
  let indexBytes = 0;
  let archiveBytes = 0;
  const shell: string[] = [];
  const index: string[] = [];
  const archive: string[] = [];
  for (const file of files) {
    const role = fileRole(file.path, known);
    if (role === 'shell') {
      shellBytes += file.bytes;
      shell.push(file.path);
    } else if (role === 'index') {
      indexBytes += file.bytes;
      index.push(file.path);
    } else if (role === 'page' || role === 'fragment') {
      archiveBytes += file.bytes;
      archive.push(file.path);
    }
  }
  const mode: OfflineMode = shellBytes + indexBytes + archiveBytes <= budgetBytes ? 'precache' : 'on-demand';
  if (shellBytes + indexBytes <= budgetBytes) {
    const precache = mode === 'precache' ? [...shell, ...index, ...archive] : [...shell, ...index];
    return { mode, precache, shellBytes: shellBytes + indexBytes, archiveBytes, searchFiles: [] };
  }
  return { mode, precache: shell, shellBytes, archiveBytes: archiveBytes + indexBytes, searchFiles: index };
}

/** The site URL path of an output-relative HTML file (`doc/x/index.html` → `/base/doc/x/`). */
export function pageUrl(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/(?:^|\/)index\.html$/u, (match) => (match.startsWith('/') ? '/' : ''))}`;
}

/** Lists every page outside the shell with its title (from its search fragment), in a stable order. */
export function archivePages(
  base: string,
  files: readonly BuiltFile[],
  titles: ReadonlyMap<string, string | null>,
): ArchivePage[] {
  const pages: ArchivePage[] = [];
  for (const file of files) {
    if (fileRole(file.path) !== 'page') continue;
    const url = pageUrl(base, file.path);
    pages.push({
      url,
      title: titles.get(url) ?? null,
      bytes: file.bytes,
      revision: file.revision ?? '',
      size: file.size ?? file.bytes,
    });
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * The search files saved with the archive, by bundle folder (`pagefind/`, `pagefind-<key>/`): every
 * fragment, and the index files the shell leaves out. A deploy that changes one bundle changes one list.
 */
export function searchFilesByBundle(
  base: string,
  files: readonly BuiltFile[],
  plan: Pick<OfflinePlan, 'searchFiles'>,
  known: KnownRoles,
): Map<string, SearchFile[]> {
  const outside = new Set(plan.searchFiles);
  const bundles = new Map<string, SearchFile[]>();
  for (const file of files) {
    if (fileRole(file.path, known) !== 'fragment' && !outside.has(file.path)) continue;
    const folder = file.path.slice(0, file.path.indexOf('/') + 1);
    const list = bundles.get(folder) ?? [];
    list.push({
      url: withBase(base, file.path),
      bytes: file.bytes,
      revision: file.revision ?? '',
      size: file.size ?? file.bytes,
    });
    bundles.set(folder, list);
  }
  return new Map([...bundles].sort(([a], [b]) => (a < b ? -1 : 1)));
}
