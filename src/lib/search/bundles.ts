import type { SearchFields } from './document.ts';

/** How documents are grouped into search index bundles; every figure is a number of documents. */
export interface BundleSpacing {
  /** Average distance between level-1 boundaries: the size of the open tail, where new documents go. */
  tail: number;
  /** Average distance between level-2 boundaries (a multiple of `tail`): the size of closed bundles. */
  closed: number;
  /** Most documents in one bundle: Pagefind holds a whole bundle in memory while it indexes it. */
  bundleSize: number;
}

/** One bundle of the plan: documents `[start, end)` of the date-ordered list. */
export interface BundleRange {
  start: number;
  end: number;
  /** The open tail after the last level-1 boundary: the bundle new documents join. */
  tail: boolean;
}

/**
 * The spacing that follows from the largest bundle: a tail of about 1/32 of it (at least two
 * documents), and level-2 runs of 64 tails, which packing at level-1 boundaries cuts into bundles
 * of nearly `bundleSize`. For 10,000: a tail of 313 documents and 2.5 bundles on average at 10,000
 * documents, 14 at 100,000 (docs/benchmarks.md).
 */
export function spacingFor(bundleSize: number): BundleSpacing {
  if (!Number.isInteger(bundleSize) || bundleSize < 1)
    throw new Error(`bundle size must be a positive integer, not ${bundleSize}`);
  const tail = Math.max(2, Math.round(bundleSize / 32));
  return { tail, closed: tail * 64, bundleSize };
}

/** A well-mixed 32-bit hash of a document's id (FNV-1a, then Murmur3's finaliser). */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(id)) hash = Math.imul(hash ^ unit, 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// Cuts [start, end) into as few runs of at most `most` as can be, of even sizes.
function evenly(start: number, end: number, most: number, tail: boolean): BundleRange[] {
  const count = Math.max(1, Math.ceil((end - start) / most));
  return Array.from({ length: count }, (_, at) => ({
    start: start + Math.round((at * (end - start)) / count),
    end: start + Math.round(((at + 1) * (end - start)) / count),
    tail: tail && at === count - 1,
  }));
}

// A closed chunk larger than `most` is cut at its level-1 boundaries, packing runs greedily.
function packed(start: number, end: number, cuts: readonly number[], most: number): BundleRange[] {
  const ranges: BundleRange[] = [];
  let from = start;
  let last = start;
  for (const cut of [...cuts, end]) {
    if (cut - from > most && last > from) {
      ranges.push({ start: from, end: last, tail: false });
      from = last;
    }
    last = cut;
  }
  ranges.push({ start: from, end, tail: false });
  return ranges.flatMap((range) =>
    range.end - range.start > most ? evenly(range.start, range.end, most, false) : [range],
  );
}

/**
 * Groups `ids` (oldest first) into bundles by content-defined boundaries: a document whose id
 * hashes to a multiple of `tail` ends a level-1 run, a multiple of `closed` a level-2 run. Closed
 * bundles are the level-2 runs up to the last level-1 boundary (cut at level-1 boundaries when
 * larger than `most`); after it comes the open tail, last even when empty. A boundary depends on
 * its own document's id alone (never on its content): an edit changes the edited document's bundle
 * only, and an added or removed document only bundles of its own level-2 run (a new document's is
 * the tail, unless its id makes it a boundary, which closes the tail into the last run).
 */
export function planBundles(ids: readonly string[], spacing: BundleSpacing): BundleRange[] {
  const hashes = ids.map(idHash);
  const level1 = hashes.flatMap((hash, at) => (hash % spacing.tail === 0 ? [at + 1] : []));
  const closedEnd = level1.at(-1) ?? 0;
  const ranges: BundleRange[] = [];
  let start = 0;
  let cuts: number[] = [];
  for (const cut of level1) {
    if ((hashes[cut - 1] ?? 1) % spacing.closed === 0 || cut === closedEnd) {
      ranges.push(...packed(start, cut, cuts, spacing.bundleSize));
      start = cut;
      cuts = [];
    } else cuts.push(cut);
  }
  ranges.push(...evenly(closedEnd, ids.length, spacing.bundleSize, true));
  return ranges;
}

/** Documents `[start, end)` of the date-ordered list that Pagefind indexes together. */
export interface IndexRun {
  start: number;
  end: number;
}

/**
 * The runs a bundle is indexed in: its documents cut after each one that ends a level-1 run. A
 * bundle is merged from its runs (`src/lib/search/index-merge.ts`), so an edit re-indexes the
 * run of the edited document (about `tail` documents), not its bundle.
 */
export function bundleRuns(ids: readonly string[], range: BundleRange, spacing: BundleSpacing): IndexRun[] {
  const runs: IndexRun[] = [];
  let start = range.start;
  for (let at = range.start; at + 1 < range.end; at += 1) {
    if (idHash(ids[at] as string) % spacing.tail !== 0) continue;
    runs.push({ start, end: at + 1 });
    start = at + 1;
  }
  runs.push({ start, end: range.end });
  return runs;
}

/** What a bundle's content key is made of: everything that decides the bytes Pagefind writes. */
export interface BundleKeyParts {
  /** Pagefind's version and the digest of the code that writes the bundle, as one string. */
  indexer: string;
  /** The members in order: id, content digest and the search fields of each. */
  members: readonly (SearchFields & { id: string; digest: string })[];
}

/** The text a bundle's content key is the hash of: equal texts index to equal bytes. */
export function bundleKeyText({ indexer, members }: BundleKeyParts): string {
  return JSON.stringify([
    indexer,
    members.map(({ id, digest, headline, date, places, authors, lang }) => [
      id,
      digest,
      headline,
      date,
      places,
      authors,
      lang,
    ]),
  ]);
}

/**
 * The output folder of a bundle: the tail is the entry bundle `pagefind/`, the others are named by
 * `name`, a digest of what they hold (see `bundleName`).
 */
export function bundleFolder(name: string, tail: boolean): string {
  return tail ? 'pagefind/' : `pagefind-${name}/`;
}

/**
 * The `wasm` value that makes Pagefind load a language's WebAssembly from the entry bundle
 * (`pagefind/`), whichever bundle asks. It reads `<bundle>wasm.<value>.pagefind`: the value climbs
 * out of the bundle's folder, so every bundle of a language names one URL, which the browser
 * fetches once, and a bundle's bytes do not depend on which bundle is the entry.
 */
export function sharedWasm(wasm: string): string {
  return `_/../../${bundleFolder('', true)}wasm.${wasm}`;
}

/** A language's index in a Pagefind entry file: `pagefind.<hash>.pf_meta` and `wasm.<wasm>.pagefind`. */
export interface PagefindIndexFiles {
  hash: string;
  wasm: string;
}

/** Each language's index as a Pagefind entry file names it. */
export function entryIndexes(entry: string): Record<string, PagefindIndexFiles> {
  const { languages } = JSON.parse(entry) as { languages: Record<string, PagefindIndexFiles> };
  return Object.fromEntries(
    Object.entries(languages).map(([lang, { hash, wasm }]) => [lang, { hash, wasm }]),
  );
}

/** One bundle as the search page finds it in `pagefind/bundles.json`. */
export interface ListedBundle {
  /** Folder relative to the site's base (`pagefind-0a1b2c3d4e5f6a7b/`, `pagefind/`). */
  path: string;
  /** Documents of each language in the bundle. */
  languages: Record<string, number>;
  /** Dates of its first and last document (bundles are in date order, oldest first). */
  first: string;
  last: string;
  /** Each language's index files, as the bundle's entry file names them: fetched at once, not after it. */
  indexes?: Record<string, PagefindIndexFiles>;
  /** Its fragments' packs: pages per pack and each language's pack names in page order (`src/lib/search/fragment-packs.ts`). */
  packs?: { pages: number; languages: Record<string, string[]> };
}

/** The list of bundles the build writes for the search page, oldest first, the entry bundle last. */
export interface BundleList {
  bundles: ListedBundle[];
}
