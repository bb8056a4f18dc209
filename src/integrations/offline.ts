import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { generateSW, type ManifestEntry, type RuntimeCaching } from 'workbox-build';
import { archivePages, planOffline, type OfflinePlan } from '../lib/offline-plan.ts';
import { withBase } from '../lib/paths.ts';
import { FILTER_KEYS, HIGHLIGHT_PARAM } from '../lib/search-state.ts';
import { timePhase } from './build-phases.ts';
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
}

const virtualId = 'virtual:archive-offline';
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
// serves: it is shown but not cached, so cached pages and the precached search index always match.
// Serialised into the worker, where `archiveBuild` comes from sw-cleanup.js.
const sameBuildOnly = {
  cacheWillUpdate: async ({ response }: { response: Response }): Promise<Response | null> => {
    if (!response.ok) return null;
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
    const build = (globalThis as { archiveBuild?: string }).archiveBuild;
    const text = await response.clone().text();
    return text.includes(`<meta name="archive-build" content="${build}"`) ? response : null;
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
function cleanupScript(prefix: string, build: string): string {
  return `// The build this worker serves; drops runtime caches of other builds of this site when it takes over.
self.archiveBuild = ${JSON.stringify(build)};
self.addEventListener('activate', (event) => {
  const prefix = ${JSON.stringify(prefix)};
  const build = ${JSON.stringify(build)};
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((key) => key.startsWith(prefix) && !key.endsWith(':' + build))
    .map((key) => caches.delete(key)))));
});
`;
}

async function writeServiceWorker(
  directory: string,
  base: string,
  logger: AstroIntegrationLogger,
  build: string,
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
  const files = site.files.filter((file) => !file.path.startsWith('offline/pages.json'));
  const pages = archivePages(base, files, new Map(site.fragments));
  // The list of pages is part of the shell (the offline page and the save control read it).
  const pagesJson = JSON.stringify(pages);
  const plan = planOffline(
    [...files, { path: 'offline/pages.json', bytes: gzipSync(pagesJson).length }],
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
  };
  await mkdir(join(directory, 'offline'), { recursive: true });
  await writeFile(join(directory, 'offline', 'build.json'), JSON.stringify(facts));
  await writeFile(join(directory, 'offline', 'pages.json'), pagesJson);
  const sizes = new Map(files.map((file) => [file.path, file.bytes]));
  const searchFiles = plan.searchFiles.map((path) => ({
    url: withBase(base, path),
    bytes: sizes.get(path) ?? 0,
  }));
  await writeFile(join(directory, 'offline', 'search.json'), JSON.stringify(searchFiles));
  await writeFile(join(directory, 'sw-cleanup.js'), cleanupScript(prefix, build));
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
      /(?:^|\/)_astro\/|(?:^|\/)pagefind(?:-[a-z0-9]+)?\/(?:fragment|index|filter)\/|\.pf_meta$/u,
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
  const build = createHash('sha256').update(`${Date.now()}:${Math.random()}`).digest('hex').slice(0, 12);
  let base = '/';
  return {
    name: 'archive:offline',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'archive-offline-build-id',
                resolveId: (id: string) => (id === virtualId ? `\0${virtualId}` : undefined),
                load: (id: string) =>
                  id === `\0${virtualId}` ? `export const buildId = ${JSON.stringify(build)};` : undefined,
              },
            ],
          },
        });
      },
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
          writeServiceWorker(fileURLToPath(dir).replace(/\/+$/u, ''), base, logger, build, options),
        );
      },
    },
  };
}
