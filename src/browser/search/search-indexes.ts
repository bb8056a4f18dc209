import { planLanguages, type BundleEntry, type LanguagePlan } from '../../lib/search/bundle-size.ts';
import type { BundleList, ListedBundle } from '../../lib/search/bundles.ts';
import { withBase } from '../../lib/site/paths.ts';
import { fetchPagefindFile } from './pagefind-files.ts';
import { FragmentReader } from './search-fragments.ts';
import { SearchWorker, type RemoteInstance } from './search-worker-calls.ts';

/** One bundle of a language index: its own Pagefind instance, searched on its own. */
export interface Shard {
  /** The bundle's place in `bundles.json` (oldest first), which is its place in date order. */
  shard: number;
  pages: number;
  api: RemoteInstance;
  /** Its packed fragments; absent when Pagefind's own fragments are read (the dev server's index). */
  reader: FragmentReader | undefined;
}

/** The bundles of one language, each searched on its own. */
export interface Index {
  /** The language of its documents (one Pagefind index per language). */
  language: string;
  pages: number;
  /** The bundles that hold the language, each an instance of the language's one module and WebAssembly. */
  shards: Shard[];
  /** Whether every bundle's fragments are packed (the build packs all or, the dev server, none). */
  packed: boolean;
  /** Bundles searched at once: two a worker, one loading its index chunks while the other is searched. */
  lanes: number;
  base: string;
  highlightParam: string;
}

/** The open indexes of a site, and the workers that search them. */
export interface OpenIndexes {
  indexes: Index[];
  workers: SearchWorker[];
}

/** A bundle as `bundles.json` lists it, its path under the site's base. */
type Listed = BundleEntry & { packs: ListedBundle['packs']; indexes: ListedBundle['indexes'] };

async function readJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search: ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

// The bundles the build lists in the entry bundle's `bundles.json` (oldest first, the entry bundle
// last), with the documents of each language, so no bundle's own entry file is fetched to plan.
async function readBundles(
  bundle: string,
  base: string,
  metaCacheTag: string | undefined,
): Promise<Listed[]> {
  const tag = metaCacheTag ? `?ts=${encodeURIComponent(metaCacheTag)}` : '';
  const list = await readJson<BundleList>(`${bundle}bundles.json${tag}`);
  return list.bundles.map(({ path, languages, packs, indexes }) => ({
    bundle: withBase(base, path),
    languages,
    packs,
    indexes,
  }));
}

// A worker for about this many documents of the largest language (a common word's search in them
// takes about a tenth of a second on a slow machine), one for each of the device's cores at most.
const WORKER_PAGES = 20_000;
const MOST_WORKERS = 4;

// Shares a language's bundles among workers, the largest first to the one with the fewest pages.
function shareOut<T extends { pages: number }>(bundles: readonly T[], workers: number): T[][] {
  const groups = Array.from({ length: workers }, () => ({ pages: 0, bundles: [] as T[] }));
  for (const one of [...bundles].sort((a, b) => b.pages - a.pages)) {
    const least = groups.reduce((best, group) => (group.pages < best.pages ? group : best));
    least.pages += one.pages;
    least.bundles.push(one);
  }
  return groups.map((group) => group.bundles);
}

// The files a worker's instances open with, as `bundles.json` names them: their entry files and
// metadata, all fetched at once instead of one bundle after another.
function openingFiles(
  listed: readonly Listed[],
  bundles: readonly string[],
  language: string,
  tag: string,
): string[] {
  return bundles.flatMap((path) => {
    const hash = listed.find((entry) => entry.bundle === path)?.indexes?.[language]?.hash;
    const entry = `${path}pagefind-entry.json?ts=${tag}`;
    return hash ? [entry, `${path}pagefind.${hash}.pf_meta`] : [entry];
  });
}

// Matches in the date meta field are no reason to rank a document (the date is not its text).
const RANKING = { metaWeights: { date: 0 } };

/**
 * Opens every language index of a site's bundles in search workers. Pagefind's WebAssembly (which
 * holds the stemmer) is global to its module: each language gets its own module copy. Each bundle
 * of a language is an instance of that one module, searched on its own: merged into one instance
 * (`mergeIndex`), every search of one bundle would run all of them. A language's module loads from
 * the entry bundle when it holds the language, so its URL stays the same from build to build; its
 * WebAssembly is fetched once by the page and handed to each worker.
 */
export async function openIndexes(
  bundle: string,
  base: string,
  highlightParam: string,
  metaCacheTag: string | undefined,
): Promise<OpenIndexes> {
  // The first worker starts at once, and loads the entry bundle's module while the list is read.
  const entryModule = new URL(`${bundle}pagefind.js`, location.href).href;
  const start = (): SearchWorker => {
    const worker = new SearchWorker();
    void worker.call({ op: 'load', module: entryModule }).catch(() => undefined);
    return worker;
  };
  const workers = [start()];
  const listed = await readBundles(bundle, base, metaCacheTag).catch((error: unknown) => {
    void workers[0]?.close();
    throw error;
  });
  const plans = planLanguages(listed, bundle);
  const largest = plans[0]?.pages ?? 0;
  const cores = Math.min(navigator.hardwareConcurrency || 1, MOST_WORKERS);
  while (workers.length < Math.min(cores, Math.ceil(largest / WORKER_PAGES))) workers.push(start());
  // A language's fragments in a bundle, read from its packs when the build packed them.
  const reader = (path: string, language: string): FragmentReader | undefined => {
    const packs = listed.find((entry) => entry.bundle === path)?.packs;
    const names = packs?.languages[language];
    return packs && names
      ? new FragmentReader({ bundle: path, pages: packs.pages, packs: names })
      : undefined;
  };
  const options = {
    baseUrl: base,
    highlightParam,
    excerptLength: 24,
    ranking: RANKING,
    // Pagefind runs in the search worker itself: its own worker would send every match to the caller
    // with a handle sent back one message at a time once it is collected.
    noWorker: true,
    // The build's id instead of a timestamp lets the service worker serve the entry file offline.
    ...(metaCacheTag ? { metaCacheTag } : {}),
  };
  const tag = encodeURIComponent(metaCacheTag ?? String(Date.now()));
  try {
    const indexes = await Promise.all(
      plans.map((plan, at) =>
        openLanguage(plan, at, { listed, workers, options, tag, reader, base, highlightParam }),
      ),
    );
    return { indexes, workers };
  } catch (error) {
    for (const worker of workers) void worker.close();
    throw error;
  }
}

async function openLanguage(
  { language, pages, bundles }: LanguagePlan,
  at: number,
  site: {
    listed: readonly Listed[];
    workers: SearchWorker[];
    options: Record<string, unknown>;
    tag: string;
    reader: (path: string, language: string) => FragmentReader | undefined;
    base: string;
    highlightParam: string;
  },
): Promise<Index> {
  const primary = bundles[0]?.bundle ?? '';
  // The largest language loads the plain module URL; the others get their own copies.
  const copy = at === 0 ? '' : `?copy=${encodeURIComponent(language)}`;
  const module = new URL(`${primary}pagefind.js${copy}`, location.href).href;
  const wasmName = site.listed.find((entry) => entry.bundle === primary)?.indexes?.[language]?.wasm;
  const wasm = wasmName && new URL(`${primary}wasm.${wasmName}.pagefind`, location.href).href;
  const wasmBytes = wasm ? fetchPagefindFile(wasm).catch(() => undefined) : undefined;
  const groups = shareOut(bundles, site.workers.length);
  const holder = new Map<string, SearchWorker>();
  await Promise.all(
    groups.map(async (group, place) => {
      const worker = site.workers[place];
      if (!worker || group.length === 0) return;
      const paths = group.map(({ bundle }) => bundle);
      for (const path of paths) holder.set(path, worker);
      const opened = worker.call({
        op: 'open',
        module,
        language,
        bundles: paths,
        options: site.options,
        files: openingFiles(site.listed, paths, language, site.tag),
        ...(wasm ? { wasm } : {}),
      });
      // The worker opens its files meanwhile, and waits for the WebAssembly only to start Pagefind.
      if (wasm)
        void wasmBytes?.then((bytes) =>
          worker.call({ op: 'provide', url: wasm, ...(bytes ? { bytes } : {}) }),
        );
      await opened;
    }),
  );
  const shards = bundles.map(({ bundle: path, shard, pages: held }) => ({
    shard,
    pages: held,
    api: (holder.get(path) as SearchWorker).instance(language, path),
    reader: site.reader(path, language),
  }));
  return {
    language,
    pages,
    shards,
    packed: shards.every((one) => one.reader !== undefined),
    lanes: 2 * site.workers.length,
    base: site.base,
    highlightParam: site.highlightParam,
  };
}
