import { resolve } from 'node:path';
import type { TermCounts } from '../lib/document/terms.ts';
import type { Problem } from '../lib/seed/problems.ts';
import type { DocumentRecord } from '../schemas/document.ts';
import { digestFolder, type DigestFolder } from './digest-folder.ts';
import { readJson, writeJson } from './json-file.ts';

/**
 * Every file and folder the build keeps in its cache folder, by role. This module is the only one
 * that spells them (a unit test checks it): every other module asks `buildCache` for its file.
 */
export const CACHE_NAMES = {
  records: 'archive-records.json',
  bodies: 'archive-bodies',
  words: 'archive-words',
  terms: 'archive-terms',
  seeds: 'archive-seeds.json',
  sync: 'archive-sync.json',
  related: 'archive-related.json',
  vocabulary: 'archive-vocabulary.json',
  output: 'archive-output.json',
  lock: 'archive-build.lock',
  searchBundles: 'search-bundles',
  searchRuns: 'search-runs',
  builtFiles: 'built-files.json',
} as const;

/**
 * The build's own files in the output folder: the list of what builds wrote there, kept with the
 * site so any build knows what it may delete, and the lock a build holds on the folder.
 */
export const OUTPUT_NAMES = { manifest: '.archive-output.json', lock: '.archive-build.lock' } as const;

/** A document's words for the "did you mean" vocabulary: lower-case word → times it occurs. */
export type WordCounts = Record<string, number>;

/** A document's places and authors and the line of the dateline naming them, for the check of names. */
export interface DocumentNames {
  line: number;
  places: string[];
  authors: string[];
}

/**
 * What ingesting one seed file concluded, kept by the digest of its bytes so an unchanged file is
 * never decoded or parsed again: a document under its slug, with its encoding and warnings, or the
 * problems that kept it out.
 */
export type SeedOutcome =
  | { ok: true; slug: string; encoding: string; problems: Problem[]; names: DocumentNames }
  | { ok: false; problems: Problem[] };

/** What the last content sync did with the seed files, for the build report. */
export interface SyncReport {
  /** Seed files found. */
  files: number;
  /** Files whose digest was known: taken from the cache, neither decoded nor parsed. */
  reused: number;
  /** Files decoded and parsed in this sync (new or changed bytes, or cached outputs missing). */
  parsed: number;
  /** Documents rendered (body, headline, terms, language, words) and stored in this sync. */
  rendered: number;
}

/** One JSON file of the cache: read (`missing` when absent or damaged) and replaced in one step. */
export interface CacheFile {
  path: string;
  read: <T>(missing: T) => Promise<T>;
  write: (value: unknown) => Promise<void>;
}

/** The build cache's layout: each file and folder by role, with typed readers and writers. */
export interface BuildCache {
  folder: string;
  /** Every document's record, oldest first (ties by id); none before the first sync. */
  records: {
    path: string;
    read: () => Promise<DocumentRecord[]>;
    write: (records: readonly DocumentRecord[]) => Promise<void>;
  };
  /** Each document's rendered body, `<digest>.html`. */
  bodies: DigestFolder;
  /** Each document's words, `<digest>.json`. */
  words: DigestFolder;
  /** Each document's stemmed terms for related documents, `<digest>.json`. */
  terms: DigestFolder;
  /** The rendered body HTML of a document, by the digest its record or store entry carries. */
  body: (entry: { id: string; digest?: number | string }) => string;
  /** The words of the document with this digest, as its loader wrote them. */
  wordsOf: (digest: string) => WordCounts;
  /** The stemmed terms of the document with this digest, as its loader wrote them. */
  termsOf: (digest: string) => TermCounts;
  /** The outcome of each seed file the last sync read, by digest. */
  seeds: {
    read: () => Promise<Map<string, SeedOutcome>>;
    write: (outcomes: ReadonlyMap<string, SeedOutcome>) => Promise<void>;
  };
  /** What the last sync did; undefined before the first one. */
  sync: { read: () => Promise<SyncReport | undefined>; write: (report: SyncReport) => Promise<void> };
  /** Each document's related ids, under the key of the documents they were made from. */
  related: CacheFile;
  /** The "did you mean" chunks, under the key of the records they were counted from. */
  vocabulary: CacheFile;
  /** What the last build with this cache left in its output folder. */
  output: CacheFile;
  /** What the last survey learnt of each built file, for the offline list. */
  builtFiles: CacheFile;
  /** The folder of search bundles, one `<key>/` each. */
  searchBundles: string;
  /** The folder of the runs search bundles are merged from, as Pagefind wrote them, one `<key>/` each. */
  searchRuns: string;
  /** The lock a build holds on the cache folder. */
  lock: string;
}

const cacheFile = (path: string): CacheFile => ({
  path,
  read: (missing) => readJson(path, missing),
  write: (value) => writeJson(path, value),
});

const byDateThenId = (a: DocumentRecord, b: DocumentRecord): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const isMap = (value: unknown): value is Record<string, SeedOutcome> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readBody(bodies: DigestFolder, entry: { id: string; digest?: number | string }): string {
  if (entry.digest === undefined) throw new Error(`document ${entry.id} has no digest`);
  try {
    return bodies.read(String(entry.digest));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`the rendered body of ${entry.id} is missing (${code}); build again`, { cause: error });
  }
}

/** The bodies folder of a cache (the only part a derive thread is given, by its path). */
export function bodiesFolder(directory: string): DigestFolder {
  return digestFolder(directory, '.html');
}

/** The words or terms folder of a cache (the only parts a derive thread is given, by their paths). */
export function wordsFolder(directory: string): DigestFolder {
  return digestFolder(directory, '.json');
}

/** The build cache in `cacheDir` (made on first write). */
export function buildCache(cacheDir: string): BuildCache {
  const at = (name: string): string => resolve(cacheDir, name);
  const records = at(CACHE_NAMES.records);
  // Rendered bodies live beside Astro's content store, not in it: the store is held in memory and
  // bundled into the build whole, and bodies are most of its weight (docs/benchmarks.md).
  const bodies = bodiesFolder(at(CACHE_NAMES.bodies));
  const words = wordsFolder(at(CACHE_NAMES.words));
  const terms = wordsFolder(at(CACHE_NAMES.terms));
  const seeds = at(CACHE_NAMES.seeds);
  const sync = cacheFile(at(CACHE_NAMES.sync));
  return {
    folder: resolve(cacheDir),
    records: {
      path: records,
      read: () => readJson<DocumentRecord[]>(records, []),
      write: (list) => writeJson(records, [...list].sort(byDateThenId)),
    },
    bodies,
    words,
    terms,
    body: (entry) => readBody(bodies, entry),
    wordsOf: (digest) => JSON.parse(words.read(digest)) as WordCounts,
    termsOf: (digest) => JSON.parse(terms.read(digest)) as TermCounts,
    seeds: {
      read: async () => {
        const outcomes = await readJson<unknown>(seeds, {});
        return isMap(outcomes) ? new Map(Object.entries(outcomes)) : new Map();
      },
      write: (outcomes) => writeJson(seeds, Object.fromEntries(outcomes)),
    },
    sync: { read: () => sync.read<SyncReport | undefined>(undefined), write: (report) => sync.write(report) },
    related: cacheFile(at(CACHE_NAMES.related)),
    vocabulary: cacheFile(at(CACHE_NAMES.vocabulary)),
    output: cacheFile(at(CACHE_NAMES.output)),
    builtFiles: cacheFile(at(CACHE_NAMES.builtFiles)),
    searchBundles: at(CACHE_NAMES.searchBundles),
    searchRuns: at(CACHE_NAMES.searchRuns),
    lock: at(CACHE_NAMES.lock),
  };
}
