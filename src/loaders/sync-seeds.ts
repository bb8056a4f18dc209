import type { LoaderContext } from 'astro/loaders';
import { isLfsPointer } from '../lib/lfs-pointer.ts';
import { nameCollisions } from '../lib/name-collisions.ts';
import type { Problem } from '../lib/problems.ts';
import { progressCounter } from '../lib/progress.ts';
import type { ArchiveDocument } from '../schemas/document.ts';
import { buildCache, type SeedOutcome, type SyncReport } from './build-cache.ts';
import { BuildStop } from './build-stop.ts';
import { createDeriver } from './derive-pool.ts';
import type { DerivedSeed, SeedBytes } from './derive-worker.ts';
import { reportIngest, type IngestSummary } from './ingest-report.ts';
import { readSeed } from './read-seed.ts';
import { ingestFingerprint, seedDigest } from './seed-digest.ts';
import { scanSeedsFolder } from './seed-files.ts';

/** Where a sync reads seeds from and keeps what it made, and how it works. */
export interface SyncOptions {
  /** Absolute path of the seeds folder. */
  directory: string;
  maxBytes: number;
  /** Build cache folder: bodies, words, outcomes and records go there. */
  cacheDir: string;
  /** The site's language, which short texts fall back to. */
  lang: string;
  /** Worker threads that decode, parse and render changed files (0: none). */
  threads: number;
}

type Context = Pick<LoaderContext, 'store' | 'parseData' | 'logger'>;

// One seed file of this pass: unreadable, known by its digest, or waiting for its thread's result.
interface Item {
  file: string;
  problem?: Problem;
  digest?: string;
  known?: SeedOutcome;
  result?: number;
}

const READ_BATCH = 64;
// Batches handed to the threads and not yet stored: enough to keep both cores busy, few enough
// that a large archive is never held in memory whole.
const IN_FLIGHT = 8;

/**
 * Syncs every seed into the content store. Each file is read and digested first; only files whose
 * digest is new, or whose body, words or store entry is missing, are decoded, parsed and rendered
 * (on threads). Everything an unchanged file reported (warnings, its legacy encoding, its problems)
 * comes back from the outcome it left under its digest, so the report is the same as a cold build's.
 */
export async function syncSeeds(options: SyncOptions, context: Context): Promise<SyncReport> {
  const { store, parseData, logger } = context;
  const fingerprint = await ingestFingerprint(options);
  const cache = buildCache(options.cacheDir);
  const { bodies, words } = cache;
  await Promise.all([bodies.make(), words.make()]);
  const previous = await cache.seeds.read();
  const outcomes = new Map<string, SeedOutcome>();
  const { files, ignored } = await scanSeedsFolder(options.directory);
  const summary: IngestSummary = {
    documents: 0,
    problems: [],
    ignored,
    legacyEncodings: {},
    folder: options.directory,
    files: files.length,
  };
  let lfsPointers = 0;
  const names = nameCollisions();
  const report: SyncReport = { files: files.length, reused: 0, parsed: 0, rendered: 0 };
  const owners = new Map<string, string>();
  const digests = new Set<string>();
  const late: SeedBytes[] = [];
  const problem = (file: string, reason: string): void => {
    summary.problems.push({ file, line: 1, reason, severity: 'error' });
  };
  const synced = progressCounter((line) => logger.info(line), 'documents synced', 5000);

  // A known outcome stands in for its file when what it made is still there: the store entry and
  // files under its digest, or, for a file that lost its slug to an earlier one, nothing at all.
  const stillMade = (outcome: SeedOutcome, digest: string): boolean => {
    if (!outcome.ok) return true;
    const entry = String(store.get(outcome.slug)?.digest ?? '');
    if (entry === digest) return bodies.has(digest) && words.has(digest);
    return digests.has(entry);
  };

  const publish = async (file: string, digest: string, derived: DerivedSeed): Promise<boolean> => {
    const { outcome, fields, error, fault } = derived;
    if (fault !== undefined) throw new BuildStop(fault);
    if (!outcome.ok) return false;
    if (!fields) {
      problem(file, `cannot render the document: ${error ?? 'no result'}`);
      return false;
    }
    try {
      store.set({ id: outcome.slug, data: await parseData({ id: outcome.slug, data: fields }), digest });
      report.rendered += 1;
      return true;
    } catch (failure) {
      problem(file, `document does not fit the schema: ${(failure as Error).message.split('\n')[0]}`);
      return false;
    }
  };

  const commit = async (items: readonly Item[], results: readonly DerivedSeed[]): Promise<void> => {
    for (const item of items) {
      synced(files.length);
      if (item.problem || item.digest === undefined) {
        if (item.problem) summary.problems.push(item.problem);
        continue;
      }
      const derived = item.result === undefined ? undefined : results[item.result];
      const outcome = derived?.outcome ?? item.known;
      if (!outcome) continue;
      outcomes.set(item.digest, outcome);
      summary.problems.push(...outcome.problems);
      if (!outcome.ok) continue;
      const owner = owners.get(outcome.slug);
      if (owner !== undefined) {
        problem(item.file, `same URL slug "${outcome.slug}" as ${owner}; rename one of the two files`);
        continue;
      }
      if (derived && !(await publish(item.file, item.digest, derived))) continue;
      if (!derived && String(store.get(outcome.slug)?.digest) !== item.digest) {
        late.push({ file: item.file, digest: item.digest, bytes: new Uint8Array() });
      }
      owners.set(outcome.slug, item.file);
      names.add({ file: item.file, ...outcome.names });
      if (outcome.encoding !== 'utf-8' && outcome.encoding !== 'ascii') {
        summary.legacyEncodings[item.file] = outcome.encoding;
      }
    }
  };

  const deriver = createDeriver(options.threads);
  const task = (seeds: SeedBytes[]) => ({
    bodies: bodies.directory,
    words: words.directory,
    fallbackLang: options.lang,
    maxBytes: options.maxBytes,
    seeds,
  });
  try {
    let committed = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    for (let start = 0; start < files.length; start += READ_BATCH) {
      const batch = files.slice(start, start + READ_BATCH);
      const reads = await Promise.all(
        batch.map((file) => readSeed(options.directory, file, options.maxBytes)),
      );
      const items: Item[] = [];
      const changed: SeedBytes[] = [];
      for (const [index, file] of batch.entries()) {
        const read = reads[index] ?? { problem: { file, line: 1, reason: 'not read', severity: 'error' } };
        if ('problem' in read) {
          items.push({ file, problem: read.problem });
          continue;
        }
        if (isLfsPointer(read.bytes)) lfsPointers += 1;
        const digest = seedDigest(fingerprint, file, read.bytes);
        const known = previous.get(digest);
        if (known && stillMade(known, digest)) {
          items.push({ file, digest, known });
          report.reused += 1;
        } else {
          items.push({ file, digest, result: changed.length });
          changed.push({ file, digest, bytes: read.bytes });
        }
        digests.add(digest);
      }
      report.parsed += changed.length;
      const results = changed.length > 0 ? deriver.derive(task(changed)) : Promise.resolve([]);
      // Awaited in order below; a failure before its turn must not count as unhandled.
      results.catch(() => {});
      committed = committed.then(async () => commit(items, await results));
      inFlight.push(committed);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await committed;
    // Files whose outcome was known but whose outputs were gone (a pruned cache, a slug given up
    // by a deleted file) are read and made again.
    if (late.length > 0) {
      for (const seed of late) {
        const read = await readSeed(options.directory, seed.file, options.maxBytes);
        if ('bytes' in read) seed.bytes = read.bytes;
      }
      report.parsed += late.length;
      report.reused -= late.length;
      const results = await deriver.derive(task(late));
      for (const [index, seed] of late.entries()) {
        const derived = results[index];
        if (!derived || !(await publish(seed.file, seed.digest, derived))) {
          const outcome = derived?.outcome;
          if (outcome?.ok) owners.delete(outcome.slug);
        }
      }
    }
  } finally {
    await deriver.close();
  }
  for (const id of store.keys()) if (!owners.has(id)) store.delete(id);
  const keep = new Set([...store.values()].map((entry) => String(entry.digest)));
  await Promise.all([bodies.prune(keep), words.prune(keep)]);
  await cache.records.write(
    [...store.values()].map((entry) => {
      const { title, headline, date, places, authors, lang } = entry.data as ArchiveDocument;
      return { id: entry.id, digest: String(entry.digest), title, headline, date, places, authors, lang };
    }),
  );
  await cache.seeds.write(outcomes);
  summary.documents = owners.size;
  summary.lfsPointers = lfsPointers;
  summary.problems.push(...names.problems());
  await cache.sync.write(report);
  await reportIngest(summary, logger);
  return report;
}
