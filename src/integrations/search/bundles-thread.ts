// Builds the search index bundles of the loader's records into the build cache, on a thread of
// its own (see `src/integrations/search/search-index.ts`): each bundle is merged from runs Pagefind
// indexed apart, and unchanged bundles and runs are found there by content key.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  bundleFolder,
  bundleKeyText,
  bundleRuns,
  entryIndexes,
  planBundles,
  spacingFor,
  type PagefindIndexFiles,
} from '../../lib/search/bundles.ts';
import { buildCache } from '../../build/build-cache.ts';
import { codeDigest } from '../../build/code-digest.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import { entryPacks, mergeBundle, type EarlierChunks, type FragmentPacks } from './merge-bundle.ts';
import { indexRun, RUN_CODE } from './index-run.ts';
import { closePagefind, languageCounts, pagefindVersion } from './pagefind-adapter.ts';

/** What the thread is asked to build. */
export interface BundleTask {
  /** Build cache folder: the bodies are read there, and the bundles kept. */
  cacheDir: string;
  /** The loader's records, oldest first. */
  records: DocumentRecord[];
  /** Most documents in one bundle (`SEARCH_SHARD_SIZE`). */
  bundleSize: number;
}

/** One bundle of this build, where it is kept and whether this build indexed it. */
export interface BuiltBundle {
  /** Output folder (`pagefind/` or `pagefind-<name>/`, named by what it holds). */
  folder: string;
  /** What made it (documents, indexer, code): the cache finds it by this. */
  key: string;
  /** Folder holding its files in the cache. */
  cached: string;
  documents: number;
  first: string;
  last: string;
  languages: Record<string, number>;
  /** Each language's index files, as its entry file names them. */
  indexes: Record<string, PagefindIndexFiles>;
  /** Its fragments' packs (`src/integrations/search/merge-bundle.ts`). */
  packs: FragmentPacks | undefined;
  /** False when the bundle was reused from the cache. */
  indexed: boolean;
  /** The runs it is merged from, and how many of them Pagefind indexed in this build. */
  runs: number;
  runsIndexed: number;
  /** Time spent indexing and merging it, 0 when reused. */
  ms: number;
}

/** The bundles of a build, oldest first, and when the thread finished. */
export interface BundleResult {
  bundles: BuiltBundle[];
  end: number;
}

// This module, by its path from the project's root: it and every module it runs write the bundles.
const SEARCH_CODE = 'src/integrations/search/bundles-thread.ts';

/**
 * A closed bundle's public name: a digest of its entry file, which names every other file of the
 * bundle by its content. A code edit that indexes the same documents the same way keeps the name,
 * so a deploy does not send readers a search index they already hold.
 */
export function bundleName(entry: string): string {
  return createHash('sha256').update(entry).digest('hex').slice(0, 16);
}

// Merges the runs into the bundle `folder`, through a folder of its own so a failure leaves none.
async function mergeRuns(
  runs: readonly string[],
  folder: string,
  tail: boolean,
  earlier: EarlierChunks,
): Promise<void> {
  const building = `${folder}.part`;
  await rm(building, { recursive: true, force: true });
  await mergeBundle(runs, building, tail, earlier);
  await rename(building, folder);
}

// The index chunks of the bundles the cache holds, by name: a bundle merged again after an edit
// takes the unchanged ones from its earlier version.
async function earlierChunks(bundles: string): Promise<EarlierChunks> {
  const chunks = new Map<string, string>();
  for (const name of await readdir(bundles)) {
    if (name.endsWith('.part')) continue;
    const index = join(bundles, name, 'index');
    const files = await readdir(index).catch(() => []);
    for (const file of files) chunks.set(file, join(index, file));
  }
  return chunks;
}

const keyOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

// Drops every folder of `parent` this build does not use.
async function keepOnly(parent: string, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(parent))
    if (!used.has(name)) await rm(join(parent, name), { recursive: true, force: true });
}

/** Plans the bundles of the records, indexes those the cache lacks and drops the cached ones no longer used. */
export default async function buildBundles(task: BundleTask): Promise<BundleResult> {
  const { records } = task;
  const store = buildCache(task.cacheDir);
  await mkdir(store.searchBundles, { recursive: true });
  await mkdir(store.searchRuns, { recursive: true });
  // The code that writes a bundle (this worker, the search document, with the packages) is in its key.
  const code = await codeDigest([SEARCH_CODE]);
  const indexer = `pagefind ${pagefindVersion()}, code ${code}`;
  const runIndexer = `pagefind ${pagefindVersion()}, run code ${await codeDigest([RUN_CODE])}`;
  const ids = records.map((record) => record.id);
  const spacing = spacingFor(task.bundleSize);
  const bundles: BuiltBundle[] = [];
  const usedRuns = new Set<string>();
  // Listed when a bundle is first merged: a build that merges none lists nothing.
  let earlier: Promise<EarlierChunks> | undefined;
  try {
    for (const range of planBundles(ids, spacing)) {
      const members = records.slice(range.start, range.end);
      // The tail's key says it is the tail: it alone keeps Pagefind's interface files.
      const key = keyOf(bundleKeyText({ indexer: range.tail ? `${indexer}, entry` : indexer, members }));
      const runs = bundleRuns(ids, range, spacing).map(({ start, end }) => {
        const runMembers = records.slice(start, end);
        const runKey = keyOf(bundleKeyText({ indexer: runIndexer, members: runMembers }));
        usedRuns.add(runKey);
        return { members: runMembers, folder: join(store.searchRuns, runKey) };
      });
      const cached = join(store.searchBundles, key);
      const started = performance.now();
      const indexed = !existsSync(join(cached, 'pagefind-entry.json'));
      let runsIndexed = 0;
      if (indexed) {
        for (const run of runs) {
          if (existsSync(join(run.folder, 'pagefind-entry.json'))) continue;
          await indexRun(run.members, store, run.folder);
          runsIndexed += 1;
        }
        await mergeRuns(
          runs.map((run) => run.folder),
          cached,
          range.tail,
          await (earlier ??= earlierChunks(store.searchBundles)),
        );
      }
      const entry = await readFile(join(cached, 'pagefind-entry.json'), 'utf8');
      bundles.push({
        folder: bundleFolder(bundleName(entry), range.tail),
        key,
        cached,
        documents: members.length,
        first: members[0]?.date ?? '',
        last: members.at(-1)?.date ?? '',
        languages: languageCounts(entry),
        indexes: entryIndexes(entry),
        packs: entryPacks(entry),
        indexed,
        runs: runs.length,
        runsIndexed,
        ms: indexed ? Math.round(performance.now() - started) : 0,
      });
    }
  } finally {
    await closePagefind();
  }
  await keepOnly(store.searchBundles, new Set(bundles.map((bundle) => bundle.key)));
  await keepOnly(store.searchRuns, usedRuns);
  return { bundles, end: Date.now() };
}
