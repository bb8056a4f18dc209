import type { Dirent } from 'node:fs';
import { copyFile, link, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { bundleFolder, type BundleList } from '../../lib/search/bundles.ts';
import { searchFileKind, type SearchFile } from '../../lib/search/files.ts';
import { background, offThread } from '../../build/off-thread.ts';
import type { BundleResult, BundleTask, BuiltBundle } from './bundles-thread.ts';

/** The list of bundles the search page reads, from a build's bundles. */
export function bundleList(bundles: readonly BuiltBundle[]): BundleList {
  return {
    bundles: bundles.map(({ folder, languages, indexes, first, last, packs }) => ({
      path: folder,
      languages,
      first,
      last,
      indexes,
      ...(packs ? { packs } : {}),
    })),
  };
}

/** The build's report of its search index: what each bundle holds and whether it was indexed or reused. */
export function report(bundles: readonly BuiltBundle[]): {
  indexed: string[];
  reused: string[];
  bundles: Omit<BuiltBundle, 'cached' | 'packs' | 'indexes'>[];
} {
  return {
    indexed: bundles.filter((bundle) => bundle.indexed).map((bundle) => bundle.folder),
    reused: bundles.filter((bundle) => !bundle.indexed).map((bundle) => bundle.folder),
    bundles: bundles.map(
      ({ folder, key, documents, first, last, languages, indexed, runs, runsIndexed, ms }) => ({
        folder,
        key,
        documents,
        first,
        last,
        languages,
        indexed,
        runs,
        runsIndexed,
        ms,
      }),
    ),
  };
}

// A language's WebAssembly, at the top of a bundle (`wasm.ru.pagefind`).
const wasmName = /^wasm\.[^/]+\.pagefind$/u;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function logBundles(logger: AstroIntegrationLogger, bundles: readonly BuiltBundle[]): void {
  const indexed = bundles.filter((bundle) => bundle.indexed);
  const documents = bundles.reduce((sum, bundle) => sum + bundle.documents, 0);
  const list = indexed.map(
    (bundle) =>
      `${bundle.folder} ${bundle.documents} in ${seconds(bundle.ms)}, ${bundle.runsIndexed} of ${bundle.runs} runs indexed`,
  );
  logger.info(
    `${documents} documents in ${bundles.length} ${bundles.length === 1 ? 'bundle' : 'bundles'}: ${indexed.length} indexed` +
      (list.length > 0 ? ` (${list.join(', ')})` : '') +
      `, ${bundles.length - indexed.length} reused`,
  );
}

// Cached files are never written again, so the output links to them: the 9,647 files of a bundle
// of 9,447 documents link in 0.2 s and copy in 2.2–3.6 s. A cache on another file system is copied.
async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

// Files from the cache at their output paths, in batches; each is added to `written` with its kind.
async function placeAll(
  outDir: string,
  placed: readonly { file: string; at: string }[],
  written: SearchFile[],
): Promise<void> {
  for (const folder of new Set(placed.map(({ at }) => dirname(join(outDir, at)))))
    await mkdir(folder, { recursive: true });
  for (const { at } of placed) written.push({ path: at, ...searchFileKind(at.slice(at.indexOf('/') + 1)) });
  for (let start = 0; start < placed.length; start += 256) {
    const batch = placed.slice(start, start + 256);
    await Promise.all(batch.map(({ file, at }) => place(file, join(outDir, at))));
  }
}

// Each bundle's files, byte for byte from the cache, then the list the search page reads; gives
// every file written, with what it is. Every bundle loads its language's WebAssembly from the
// entry bundle (`sharedWasm`): a further bundle's copy goes there when the entry lacks it, and
// is not published in its own folder.
async function publish(outDir: string, bundles: readonly BuiltBundle[]): Promise<SearchFile[]> {
  const written: SearchFile[] = [];
  const entryFolder = bundleFolder('', true);
  // Each language's WebAssembly that a further bundle holds (the oldest copy), and those the entry holds.
  const wasm = new Map<string, string>();
  const inEntry = new Set<string>();
  for (const bundle of bundles) {
    const entries = await readdir(bundle.cached, { recursive: true, withFileTypes: true });
    const path = (entry: Dirent): string => join(entry.parentPath, entry.name);
    const placed = entries
      .filter((entry) => entry.isFile())
      .flatMap((entry) => {
        const inner = relative(bundle.cached, path(entry)).split(sep).join('/');
        const isWasm = wasmName.test(inner);
        if (bundle.folder === entryFolder) {
          if (isWasm) inEntry.add(inner);
        } else if (isWasm) {
          if (!wasm.has(inner)) wasm.set(inner, path(entry));
          return [];
        }
        return [{ file: path(entry), at: `${bundle.folder}${inner}` }];
      });
    await placeAll(outDir, placed, written);
  }
  const missing = [...wasm]
    .filter(([inner]) => !inEntry.has(inner))
    .map(([inner, file]) => ({ file, at: `${entryFolder}${inner}` }));
  await placeAll(outDir, missing, written);
  await writeFile(join(outDir, 'pagefind', 'bundles.json'), JSON.stringify(bundleList(bundles)));
  written.push({ path: 'pagefind/bundles.json', ...searchFileKind('bundles.json') });
  return written;
}

/** Indexing started beside the render, and when it started. */
export interface SearchIndexing {
  start: number;
  result: Promise<{ value: BundleResult; end: number }>;
}

/**
 * Starts the search index: Pagefind bundles made from the loader's records (never from rendered
 * pages), indexed on a thread of their own while Astro bundles and renders; bundles whose
 * documents did not change come from the build cache. Astro empties the output folder after
 * `astro:build:start`, which is why bundles are made in the cache and placed at the end.
 */
export function startSearch(task: BundleTask): SearchIndexing {
  return {
    start: Date.now(),
    result: background(offThread<BundleResult>(new URL('./bundles-thread.ts', import.meta.url), task)),
  };
}

/**
 * Places the bundles in the output folder and writes the search report (`SEARCH_REPORT`); gives
 * the files written, each with what it is, for the offline list.
 */
export async function publishSearch(
  outDir: string,
  bundles: readonly BuiltBundle[],
  reportPath: string,
): Promise<SearchFile[]> {
  const written = await publish(outDir, bundles);
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, JSON.stringify(report(bundles), null, 2));
  return written;
}
