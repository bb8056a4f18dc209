import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { generateSW, type ManifestEntry, type RuntimeCaching } from 'workbox-build';
import { archivePages, planOffline, type BuiltFile, type OfflinePlan } from '../lib/offline-plan.ts';
import { withBase } from '../lib/paths.ts';
import { FILTER_KEYS, HIGHLIGHT_PARAM } from '../lib/search-state.ts';
import { timePhase } from './build-phases.ts';
import { revisionOf } from './built-files.ts';
import type { BuiltSite } from './built-files-worker.ts';
import { offThread } from './off-thread.ts';

/** Options of the offline integration. */
export interface OfflineIntegrationOptions {
  /** Largest transfer size, in bytes, of an archive precached whole (env `OFFLINE_BUDGET_MB`). */
  budgetBytes: number;
  /** Name of the search integration, which must run first so its index can be precached. */
  after: string;
  /** Output folders (`search-words/`) the search page needs offline, precached with the shell. */
  shellFolders?: string[];
}

/** The build facts the client scripts read from `offline/build.json`. */
export interface OfflineBuild {
  build: string;
  mode: OfflinePlan['mode'];
  shellBytes: number;
  archiveBytes: number;
  pageCount: number;
  /** Files of the search index outside the shell, listed in `offline/search.json` (0: all precached). */
  searchFileCount: number;
  caches: { pages: string; fragments: string };
  /** URL path of the list of pages (`ArchivePage[]`), named by its content. */
  pages: string;
}

// Workbox reads every file it globs to hash it: over budget, glob only the folders the shell lives in.
function globsFor(plan: OfflinePlan): string[] {
  if (plan.mode === 'precache') return ['**/*'];
  const folders = new Set(plan.precache.map((path) => path.slice(0, path.lastIndexOf('/') + 1)));
  return [...folders, 'offline/'].map((folder) => `${folder}*`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

// A page fetched while a newer deploy is already online belongs to that build, not to the one this worker
// serves: it is shown but not cached, so cached pages and the precached search index always match. A page
// is this build's when its bytes have the revision this build's page list gives it. Serialised into the
// worker, where `archiveRevision` and `archiveDigest` come from sw-cleanup.js.
const sameBuildOnly = {
  cacheWillUpdate: async ({
    request,
    response,
  }: {
    request: Request;
    response: Response;
  }): Promise<Response | null> => {
    if (!response.ok) return null;
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
    const worker = globalThis as unknown as {
      archiveRevision: (url: string) => Promise<string | undefined>;
      archiveDigest: (response: Response) => Promise<string>;
      registration: ServiceWorkerRegistration;
    };
    const [expected, actual] = await Promise.all([
      worker.archiveRevision(request.url),
      worker.archiveDigest(response.clone()),
    ]);
    if (expected === actual) return response;
    // Another build's page: look for that build's worker now rather than at the next visit.
    void worker.registration.update();
    return null;
  },
};

function runtimeCaching(base: string, build: OfflineBuild): RuntimeCaching[] {
  const fallback = { fallbackURL: withBase(base, 'offline/index.html') };
  const origin = '^https?://[^/]+';
  return [
    {
      // A service worker only sees navigations inside its scope, so every one of them is a page of this site.
      urlPattern: ({ request }) => request.mode === 'navigate',
      handler: 'StaleWhileRevalidate',
      // A page opened from a search result carries the highlight words: the same page as without them.
      options: {
        cacheName: build.caches.pages,
        precacheFallback: fallback,
        plugins: [sameBuildOnly],
        matchOptions: { ignoreSearch: true },
      },
    },
    {
      // The same pages fetched by the save control: no fallback, so a lost network is an error it can see.
      urlPattern: new RegExp(`${origin}${escapeRegExp(base)}(?:[^?#]*/)?(?:index\\.html)?(?:[?#].*)?$`, 'u'),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: build.caches.pages, plugins: [sameBuildOnly] },
    },
    {
      // Fragment and index chunk names are content hashes: a cached one is never stale. Shard bundles
      // are `pagefind-N/`. Index chunks come here only when the index is too large for the shell.
      urlPattern: new RegExp(
        `${origin}${escapeRegExp(withBase(base, 'pagefind'))}(?:-[a-z0-9]+)?/(?:fragment|index)/`,
        'u',
      ),
      handler: 'CacheFirst',
      options: { cacheName: build.caches.fragments },
    },
  ];
}

// Runtime caches are named by build; the new worker drops the ones of older builds when it takes over.
// The page list is precached under its content-addressed name, so the worker finds its own build's list.
function cleanupScript(prefix: string, build: string, pagesUrl: string): string {
  return `// The build this worker serves; drops runtime caches of other builds of this site when it takes over.
self.archiveBuild = ${JSON.stringify(build)};
self.addEventListener('activate', (event) => {
  const prefix = ${JSON.stringify(prefix)};
  const build = ${JSON.stringify(build)};
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((key) => key.startsWith(prefix) && !key.endsWith(':' + build))
    .map((key) => caches.delete(key)))));
});
// Revisions of this build's pages, by URL path, read once from the precached page list.
let revisions;
self.archiveRevision = async (url) => {
  revisions ??= caches.match(${JSON.stringify(pagesUrl)}).then(async (response) => {
    if (!response) throw new Error('no page list');
    return new Map((await response.json()).map((page) => [page.url, page.revision]));
  });
  revisions.catch(() => { revisions = undefined; });
  const path = new URL(url).pathname.replace(/\\/index\\.html$/, '/');
  return (await revisions.catch(() => new Map())).get(path);
};
// A response's revision, as the build gives every file: the start of the SHA-256 of its bytes.
self.archiveDigest = async (response) => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
};
`;
}

// The identity of a build: a digest of every file it wrote and of their contents, taken after the
// build, so the same documents, code and configuration give the same identity. The offline files,
// written from it, are left out.
function buildIdentity(files: readonly BuiltFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.revision ?? ''}\n`);
  return hash.digest('hex').slice(0, 12);
}

const offlineOutput = /^(?:sw\.js|sw-cleanup\.js|offline\/[^/]+\.json)$/u;

async function writeServiceWorker(
  directory: string,
  base: string,
  logger: AstroIntegrationLogger,
  options: OfflineIntegrationOptions,
): Promise<void> {
  const budget = options.budgetBytes;
  const started = performance.now();
  if (!existsSync(join(directory, 'pagefind', 'pagefind-entry.json'))) {
    throw new Error(
      'offline: no Pagefind index in the output; the search integration must run before this one',
    );
  }
  const site = await offThread<BuiltSite>(new URL('./built-files-worker.ts', import.meta.url), {
    directory,
    base,
  });
  const files = site.files.filter((file) => !offlineOutput.test(file.path));
  const build = buildIdentity(files);
  const pages = archivePages(base, files, new Map(site.fragments));
  // The list of pages is part of the shell (the offline page and the save control read it), named by
  // its content so the worker of each build reads its own.
  const pagesJson = JSON.stringify(pages);
  const pagesPath = `offline/pages-${revisionOf(pagesJson)}.json`;
  const plan = planOffline(
    [...files, { path: pagesPath, bytes: gzipSync(pagesJson).length }],
    options.budgetBytes,
    options.shellFolders,
  );
  const prefix = `archive:${base}:`;
  const facts: OfflineBuild = {
    build,
    mode: plan.mode,
    shellBytes: plan.shellBytes,
    archiveBytes: plan.archiveBytes,
    pageCount: pages.length,
    searchFileCount: plan.searchFiles.length,
    caches: { pages: `${prefix}pages:${build}`, fragments: `${prefix}fragments:${build}` },
    pages: withBase(base, pagesPath),
  };
  await mkdir(join(directory, 'offline'), { recursive: true });
  await writeFile(join(directory, 'offline', 'build.json'), JSON.stringify(facts));
  await writeFile(join(directory, pagesPath), pagesJson);
  const sizes = new Map(files.map((file) => [file.path, file.bytes]));
  const searchFiles = plan.searchFiles.map((path) => ({
    url: withBase(base, path),
    bytes: sizes.get(path) ?? 0,
  }));
  await writeFile(join(directory, 'offline', 'search.json'), JSON.stringify(searchFiles));
  await writeFile(join(directory, 'sw-cleanup.js'), cleanupScript(prefix, build, facts.pages));
  const precache = new Set([...plan.precache, 'offline/build.json', 'offline/search.json']);
  const result = await generateSW({
    swDest: join(directory, 'sw.js'),
    globDirectory: directory,
    globPatterns: globsFor(plan),
    globIgnores: ['sw.js', 'sw-cleanup.js', 'workbox-*.js', '**/*.map'],
    manifestTransforms: [
      (entries) => ({
        manifest: entries
          .filter((entry) => precache.has(entry.url))
          .map((entry): ManifestEntry & { size: number } => ({ ...entry, url: withBase(base, entry.url) })),
        warnings: [],
      }),
    ],
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    dontCacheBustURLsMatching:
      /(?:^|\/)_astro\/|(?:^|\/)pagefind(?:-[a-z0-9]+)?\/(?:fragment|index|filter)\/|\.pf_meta$|(?:^|\/)offline\/pages-[0-9a-f]+\.json$/u,
    // `ts` is Pagefind's cache tag on its entry file, `copy` names the search page's per-language
    // copies of Pagefind's module, `q`, `sort` and the filters are the search page's state, and
    // the highlight parameter marks search words on a page opened from a result.
    ignoreURLParametersMatching: [
      /^utm_/u,
      /^fbclid$/u,
      /^ts$/u,
      /^copy$/u,
      /^q$/u,
      /^sort$/u,
      new RegExp(`^(?:${FILTER_KEYS.join('|')})$`, 'u'),
      new RegExp(`^${HIGHLIGHT_PARAM}$`, 'u'),
    ],
    directoryIndex: 'index.html',
    cacheId: 'archive',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    importScripts: ['sw-cleanup.js'],
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    runtimeCaching: runtimeCaching(base, facts),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mb = (bytes: number): string => (bytes / 1_000_000).toFixed(2);
  logger.info(
    `${plan.mode}: precached ${result.count} files (${mb(result.size)} MB on disk); ` +
      `shell ${mb(plan.shellBytes)} MB, archive ${mb(plan.archiveBytes)} MB transfer` +
      (plan.searchFiles.length > 0 ? ` (search index on demand: ${plan.searchFiles.length} files), ` : ', ') +
      `budget ${mb(budget)} MB; ${pages.length} pages; ${seconds} s`,
  );
}

/** Makes the built site readable offline: a Workbox service worker written after the search index. */
export function offlineIntegration(options: OfflineIntegrationOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'archive:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        const names = config.integrations.map((integration) => integration.name);
        if (
          !names.includes(options.after) ||
          names.indexOf(options.after) > names.indexOf('archive:offline')
        ) {
          throw new Error(
            `offline: list ${options.after} before archive:offline in astro.config integrations`,
          );
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        await timePhase('offline', () =>
          writeServiceWorker(fileURLToPath(dir).replace(/\/+$/u, ''), base, logger, options),
        );
      },
    },
  };
}
