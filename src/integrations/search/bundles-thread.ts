// Builds the search index bundles of the loader's records into the build cache, on a thread of
// its own (see `src/integrations/search/search-index.ts`): unchanged bundles are found there by content key.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFolder, bundleKeyText, planBundles, spacingFor } from '../../lib/search/bundles.ts';
import { searchDocument, searchUrl } from '../../lib/search/document.ts';
import { buildCache, type BuildCache } from '../../build/build-cache.ts';
import { codeDigest } from '../../build/code-digest.ts';
import type { DocumentRecord } from '../../schemas/document.ts';
import { entryPacks, packBundle, type FragmentPacks } from './pack-fragments.ts';
import {
  closePagefind,
  indexDocuments,
  languageCounts,
  pagefindVersion,
  writeBundle,
} from './pagefind-adapter.ts';

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
  /** Its fragments' packs (`src/integrations/search/pack-fragments.ts`). */
  packs: FragmentPacks | undefined;
  /** False when the bundle was reused from the cache. */
  indexed: boolean;
  /** Time spent indexing it, 0 when reused. */
  ms: number;
}

/** The bundles of a build, oldest first, and when the thread finished. */
export interface BundleResult {
  bundles: BuiltBundle[];
  end: number;
}

// Files of Pagefind's ready-made interfaces: the site loads none of them from a further bundle.
const unusedInFurtherBundles = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/u;

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

async function index(
  members: readonly DocumentRecord[],
  cache: BuildCache,
  folder: string,
  tail: boolean,
): Promise<void> {
  const documents = function* () {
    for (const record of members) {
      yield { url: searchUrl(record.id), html: searchDocument(record, cache.body(record)) };
    }
  };
  const building = `${folder}.part`;
  await rm(building, { recursive: true, force: true });
  await indexDocuments(documents(), (pagefindIndex) => writeBundle(pagefindIndex, building));
  await packBundle(building);
  if (!tail) {
    const names = await readdir(building);
    await Promise.all(
      names.filter((name) => unusedInFurtherBundles.test(name)).map((name) => rm(join(building, name))),
    );
  }
  await rename(building, folder);
}

/** Plans the bundles of the records, indexes those the cache lacks and drops the cached ones no longer used. */
export default async function buildBundles(task: BundleTask): Promise<BundleResult> {
  const { records } = task;
  const store = buildCache(task.cacheDir);
  const cache = store.searchBundles;
  await mkdir(cache, { recursive: true });
  // The code that writes a bundle (this worker, the search document, with the packages) is in its key.
  const code = await codeDigest([SEARCH_CODE]);
  const indexer = `pagefind ${pagefindVersion()}, code ${code}`;
  const bundles: BuiltBundle[] = [];
  try {
    for (const range of planBundles(
      records.map((record) => record.id),
      spacingFor(task.bundleSize),
    )) {
      const members = records.slice(range.start, range.end);
      // The tail's key says it is the tail: it alone keeps Pagefind's interface files.
      const text = bundleKeyText({ indexer: range.tail ? `${indexer}, entry` : indexer, members });
      const key = createHash('sha256').update(text).digest('hex').slice(0, 16);
      const cached = join(cache, key);
      const started = performance.now();
      const indexed = !existsSync(join(cached, 'pagefind-entry.json'));
      if (indexed) await index(members, store, cached, range.tail);
      const entry = await readFile(join(cached, 'pagefind-entry.json'), 'utf8');
      bundles.push({
        folder: bundleFolder(bundleName(entry), range.tail),
        key,
        cached,
        documents: members.length,
        first: members[0]?.date ?? '',
        last: members.at(-1)?.date ?? '',
        languages: languageCounts(entry),
        packs: entryPacks(entry),
        indexed,
        ms: indexed ? Math.round(performance.now() - started) : 0,
      });
    }
  } finally {
    await closePagefind();
  }
  const kept = new Set(bundles.map((bundle) => bundle.key));
  for (const name of await readdir(cache))
    if (!kept.has(name)) await rm(join(cache, name), { recursive: true, force: true });
  return { bundles, end: Date.now() };
}
