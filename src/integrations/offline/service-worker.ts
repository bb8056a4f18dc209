import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { offlineCaches, type OfflineBuild, type PrecacheFile } from '../../lib/offline/caches.ts';
import { listCount, revisionsOf, splitPages, titlesOf } from '../../lib/offline/lists.ts';
import {
  archivePages,
  fileRole,
  knownRoles,
  planOffline,
  searchFilesByBundle,
  type ArchivePage,
  type BuiltFile,
  type OfflinePlan,
} from '../../lib/offline/plan.ts';
import { withBase } from '../../lib/site/paths.ts';
import type { SearchFile } from '../../lib/search/files.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import { revisionOf } from '../output/built-files.ts';
import type { BuiltSite } from '../output/built-files-thread.ts';
import { bundleWorker } from './service-worker-bundle.ts';
import { offThread } from '../../build/off-thread.ts';
import type { OutputState } from '../output/output-manifest.ts';

/** What the offline step is given: the built site, and what the steps before it wrote. */
export interface OfflineStep {
  /** The output folder, without its last slash. */
  directory: string;
  base: string;
  /** Largest transfer size, in bytes, of an archive precached whole (env `OFFLINE_BUDGET_MB`). */
  budgetBytes: number;
  /** The search step's files, each with what it is. */
  searchFiles: readonly SearchFile[];
  /** Files the search page needs offline (the vocabulary step's), precached with the shell. */
  shellFiles: readonly string[];
  /** Build cache folder: what the last build learnt of each built file. */
  cacheDir: string;
  /** The loader's records: each document page's headline. */
  records: readonly DocumentRecord[];
  /** The files builds wrote in the output folder, with their sizes and times, as the build listed them. */
  present: OutputState;
}

// The identity of a build: a digest of every file it wrote and of their contents, taken after the
// build, so the same documents, code and configuration give the same identity.
function buildIdentity(files: readonly BuiltFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.revision ?? ''}\n`);
  return hash.digest('hex').slice(0, 12);
}

// What this integration writes, left out of the identity and of the survey of a rebuilt folder.
const offlineOutput = /^(?:sw\.js|offline\/[^/]+\.json)$/u;
// Files named by their content: their name is their revision.
const contentNamed = (path: string, search: ReadonlySet<string>): boolean =>
  path.startsWith('_astro/') || search.has(path) || /^offline\/[a-z]+-[0-9a-f]+\.json$/u.test(path);

/** A file the integration writes: output-relative path and text. */
interface Written {
  path: string;
  text: string;
}

// A list written under a name made from its content, so each build's worker reads its own.
function contentAddressed(kind: string, value: unknown): Written {
  const text = JSON.stringify(value);
  return { path: `offline/${kind}-${revisionOf(text)}.json`, text };
}

const asBuilt = (file: Written): BuiltFile => ({
  path: file.path,
  bytes: gzipSync(file.text).length,
  revision: revisionOf(file.text),
});

// The page lists are part of the shell: the worker finds a page's revision in them, the offline
// page and the save control list what is saved. Split by a hash of the URL, a deploy that changes a
// few pages changes a few lists; and each in two, so a changed page changes its revision list only.
function pageLists(pages: readonly ArchivePage[]): { revisions: Written[]; titles: Written[] } {
  const split = splitPages(pages, listCount(pages.length));
  return {
    revisions: split.map((list) => contentAddressed('revisions', revisionsOf(list))),
    titles: split.map((list) => contentAddressed('titles', titlesOf(list))),
  };
}

// Every file the worker precaches, each checked against its revision before the worker stores it,
// named by its content or not.
function precacheList(
  base: string,
  paths: readonly string[],
  revisions: ReadonlyMap<string, string | undefined>,
  named: ReadonlySet<string>,
): PrecacheFile[] {
  return [...new Set(paths)].sort().map((path) => {
    const revision = revisions.get(path);
    return contentNamed(path, named)
      ? { url: withBase(base, path), revision: null, ...(revision ? { digest: revision } : {}) }
      : { url: withBase(base, path), revision: revision ?? null };
  });
}

function logPlan(
  logger: AstroIntegrationLogger,
  facts: OfflineBuild,
  plan: OfflinePlan,
  counts: { precached: number; lists: number; budgetBytes: number; started: number },
): void {
  const seconds = ((performance.now() - counts.started) / 1000).toFixed(1);
  const mb = (bytes: number): string => (bytes / 1_000_000).toFixed(2);
  logger.info(
    `${plan.mode}: precached ${counts.precached} files; ` +
      `shell ${mb(plan.shellBytes)} MB, archive ${mb(plan.archiveBytes)} MB transfer` +
      (plan.searchFiles.length > 0 ? ` (search index on demand: ${plan.searchFiles.length} files), ` : ', ') +
      `budget ${mb(counts.budgetBytes)} MB; ${facts.pageCount} pages in ${counts.lists} lists; ${seconds} s`,
  );
}

/**
 * Makes the built site readable offline: the page lists and a Workbox service worker, written
 * after the search index and the vocabulary, which it precaches. Gives the files it wrote.
 */
export async function writeServiceWorker(
  options: OfflineStep,
  logger: AstroIntegrationLogger,
): Promise<string[]> {
  const { directory, base, present } = options;
  const started = performance.now();
  const site = await offThread<BuiltSite>(new URL('../output/built-files-thread.ts', import.meta.url), {
    directory,
    base,
    cacheDir: options.cacheDir,
    records: options.records,
    present,
  });
  const known = knownRoles(options.searchFiles, options.shellFiles);
  const named = new Set(options.searchFiles.filter((file) => file.contentNamed).map((file) => file.path));
  // Pages and search files carry the bytes they take once stored, so saving the archive can tell
  // the reader how much room it needs.
  const files = site.files
    .filter((file) => !offlineOutput.test(file.path))
    .map((file) =>
      ['page', 'fragment', 'index'].includes(fileRole(file.path, known))
        ? { ...file, size: present.get(file.path)?.[0] ?? 0 }
        : file,
    );
  const pages = archivePages(base, files, new Map(site.titles));
  const lists = pageLists(pages);
  const withLists = [...files, ...[...lists.revisions, ...lists.titles].map(asBuilt)];
  const plan = planOffline(withLists, options.budgetBytes, known);
  // Fragments and the index files left out of the shell, saved with the archive: one list per bundle.
  const searchLists = [...searchFilesByBundle(base, files, plan, known).values()].map((list) =>
    contentAddressed('search', list),
  );
  const facts: OfflineBuild = {
    build: buildIdentity(files),
    mode: plan.mode,
    shellBytes: plan.shellBytes,
    archiveBytes: plan.archiveBytes,
    pageCount: pages.length,
    searchFileCount: plan.searchFiles.length,
    caches: offlineCaches(base),
    revisionLists: lists.revisions.map((list) => withBase(base, list.path)),
    titleLists: lists.titles.map((list) => withBase(base, list.path)),
    searchLists: searchLists.map((list) => withBase(base, list.path)),
    fallback: withBase(base, 'offline/index.html'),
  };
  const written = [
    ...lists.revisions,
    ...lists.titles,
    ...searchLists,
    { path: 'offline/build.json', text: JSON.stringify(facts) },
  ];
  await mkdir(join(directory, 'offline'), { recursive: true });
  for (const file of written) await writeFile(join(directory, file.path), file.text);
  const revisions = new Map(
    [...withLists, ...written.map(asBuilt)].map((file) => [file.path, file.revision]),
  );
  const paths = [...plan.precache, ...written.map((file) => file.path)];
  const precache = precacheList(base, paths, revisions, named);
  await writeFile(join(directory, 'sw.js'), await bundleWorker({ base, offline: facts, precache }));
  const counts = {
    precached: precache.length,
    lists: lists.revisions.length,
    budgetBytes: options.budgetBytes,
    started,
  };
  logPlan(logger, facts, plan, counts);
  return [...written.map((file) => file.path), 'sw.js'];
}
