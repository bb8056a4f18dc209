import type { LoaderContext } from 'astro/loaders';
import { isLfsPointer } from '../lib/seed/lfs-pointer.ts';
import { nameCollisions } from '../lib/seed/name-collisions.ts';
import type { Problem } from '../lib/seed/problems.ts';
import { progressCounter } from '../lib/build/progress.ts';
import type { ArchiveDocument, DocumentRecord } from '../schemas/document.ts';
import { buildCache, type BuildCache, type SeedOutcome, type SyncReport } from '../build/build-cache.ts';
import { BuildStop } from '../build/build-stop.ts';
import { createDeriver, type Deriver } from './derive-pool.ts';
import type { DerivedSeed, DeriveTask } from './derive-thread.ts';
import { reportIngest, type IngestReportSettings, type IngestSummary } from './ingest-report.ts';
import { readSeed, type ReadResult } from './read-seed.ts';
import { ingestFingerprint, seedDigest } from './seed-digest.ts';
import { scanSeedsFolder } from './seed-files.ts';

/** Where a sync reads seeds from and keeps what it made, and how it works. */
export interface SyncOptions extends IngestReportSettings {
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

// One seed file of a pass, by what is known of it once read: the problem that kept it unread, the
// outcome its digest gave an earlier sync, or its bytes, to derive.
type Seed =
  | { kind: 'unread'; file: string; problem: Problem }
  | { kind: 'known'; file: string; digest: string; outcome: SeedOutcome }
  | { kind: 'changed'; file: string; digest: string; bytes: Uint8Array };

// A seed ready to commit: a changed one has been derived (its outcome, and a document's fields).
type Settled =
  | Exclude<Seed, { kind: 'changed' }>
  | { kind: 'derived'; file: string; digest: string; derived: DerivedSeed };

// What one pass shares: where it reads and writes, and what it has concluded so far.
interface Pass {
  options: SyncOptions;
  context: Context;
  cache: BuildCache;
  fingerprint: string;
  deriver: Deriver;
  /** Outcomes the last sync kept, by digest. */
  previous: ReadonlyMap<string, SeedOutcome>;
  /** Digests read so far in this pass. */
  read: Set<string>;
  /** Outcomes of this pass's files, kept for the next one. */
  outcomes: Map<string, SeedOutcome>;
  /** Each slug published, with the file that has it. */
  owners: Map<string, string>;
  names: ReturnType<typeof nameCollisions>;
  summary: IngestSummary;
  report: SyncReport;
  progress: () => void;
}

const READ_BATCH = 64;
// Batches handed to the threads and not yet stored: enough to keep both cores busy, few enough
// that a large archive is never held in memory whole.
const IN_FLIGHT = 8;

const error = (file: string, reason: string): Problem => ({ file, line: 1, reason, severity: 'error' });

// A known outcome stands in for its file when what it made is still there: the store entry and
// files under its digest, or, for a file that lost its slug to an earlier one, nothing at all.
function stillMade(pass: Pass, outcome: SeedOutcome, digest: string): boolean {
  if (!outcome.ok) return true;
  const entry = String(pass.context.store.get(outcome.slug)?.digest ?? '');
  if (entry === digest)
    return [pass.cache.bodies, pass.cache.words, pass.cache.terms].every((folder) => folder.had(digest));
  return pass.read.has(entry);
}

// What a read file is to this pass. The size limit was checked by the read, once.
function seedOf(pass: Pass, file: string, read: ReadResult): Seed {
  if ('problem' in read) return { kind: 'unread', file, problem: read.problem };
  if (isLfsPointer(read.bytes)) pass.summary.lfsPointers = (pass.summary.lfsPointers ?? 0) + 1;
  const digest = seedDigest(pass.fingerprint, file, read.bytes);
  const known = pass.previous.get(digest);
  pass.read.add(digest);
  if (known && stillMade(pass, known, digest)) return { kind: 'known', file, digest, outcome: known };
  return { kind: 'changed', file, digest, bytes: read.bytes };
}

const task = (pass: Pass, seeds: DeriveTask['seeds']): DeriveTask => ({
  bodies: pass.cache.bodies.directory,
  words: pass.cache.words.directory,
  terms: pass.cache.terms.directory,
  fallbackLang: pass.options.lang,
  seeds,
});

// Derives the changed seeds of a batch (on threads), each in its place.
async function settle(pass: Pass, seeds: readonly Seed[]): Promise<Settled[]> {
  const changed = seeds.filter((seed) => seed.kind === 'changed');
  const results = changed.length > 0 ? await pass.deriver.derive(task(pass, changed)) : [];
  let next = 0;
  return seeds.map((seed): Settled => {
    if (seed.kind !== 'changed') return seed;
    const derived = results[next++] ?? {
      outcome: { ok: false, problems: [error(seed.file, 'not derived')] },
    };
    return { kind: 'derived', file: seed.file, digest: seed.digest, derived };
  });
}

// A known seed whose slug nobody holds yet, though its store entry is another's or gone (a pruned
// cache, a slug given up by a deleted file): read and made again.
async function remade(pass: Pass, seed: Extract<Settled, { kind: 'known' }>): Promise<Settled> {
  const { outcome } = seed;
  if (!outcome.ok || pass.owners.has(outcome.slug)) return seed;
  if (String(pass.context.store.get(outcome.slug)?.digest) === seed.digest) return seed;
  const read = await readSeed(pass.options.directory, seed.file, pass.options.maxBytes);
  if ('problem' in read) return { kind: 'unread', file: seed.file, problem: read.problem };
  const [settled] = await settle(pass, [
    { kind: 'changed', file: seed.file, digest: seed.digest, bytes: read.bytes },
  ]);
  return settled ?? seed;
}

// Stores a derived document under its slug; false, with the problem, when it cannot be.
async function publish(
  pass: Pass,
  seed: Extract<Settled, { kind: 'derived' }>,
  slug: string,
): Promise<boolean> {
  const { store, parseData } = pass.context;
  const { fields, error: failure } = seed.derived;
  if (!fields) {
    pass.summary.problems.push(error(seed.file, `cannot render the document: ${failure ?? 'no result'}`));
    return false;
  }
  try {
    store.set({ id: slug, data: await parseData({ id: slug, data: fields }), digest: seed.digest });
    pass.report.rendered += 1;
    return true;
  } catch (problem) {
    const reason = `document does not fit the schema: ${(problem as Error).message.split('\n')[0]}`;
    pass.summary.problems.push(error(seed.file, reason));
    return false;
  }
}

// Takes one seed's conclusion into the pass, in the order of the files: the first file with a slug has it.
async function commit(pass: Pass, ready: Settled): Promise<void> {
  pass.progress();
  const seed = ready.kind === 'known' ? await remade(pass, ready) : ready;
  if (seed.kind === 'unread') {
    pass.summary.problems.push(seed.problem);
    return;
  }
  if (seed.kind === 'derived' && seed.derived.fault !== undefined) throw new BuildStop(seed.derived.fault);
  const outcome = seed.kind === 'known' ? seed.outcome : seed.derived.outcome;
  pass.report[seed.kind === 'known' ? 'reused' : 'parsed'] += 1;
  pass.outcomes.set(seed.digest, outcome);
  pass.summary.problems.push(...outcome.problems);
  if (!outcome.ok) return;
  const owner = pass.owners.get(outcome.slug);
  if (owner !== undefined) {
    pass.summary.problems.push(
      error(seed.file, `same URL slug "${outcome.slug}" as ${owner}; rename one of the two files`),
    );
    return;
  }
  if (seed.kind === 'derived' && !(await publish(pass, seed, outcome.slug))) return;
  pass.owners.set(outcome.slug, seed.file);
  pass.names.add({ file: seed.file, ...outcome.names });
  if (outcome.encoding !== 'utf-8' && outcome.encoding !== 'ascii') {
    pass.summary.legacyEncodings[seed.file] = outcome.encoding;
  }
}

// Reads the files in batches, derives what changed on threads and commits each batch in order,
// a few batches ahead.
async function readAll(pass: Pass, files: readonly string[]): Promise<void> {
  const { directory, maxBytes } = pass.options;
  let committed = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const reads = await Promise.all(
      files
        .slice(start, start + READ_BATCH)
        .map(async (file) => ({ file, read: await readSeed(directory, file, maxBytes) })),
    );
    const seeds = reads.map(({ file, read }) => seedOf(pass, file, read));
    const settled = settle(pass, seeds);
    // Awaited in order below; a failure before its turn must not count as unhandled.
    settled.catch(() => {});
    committed = committed.then(async () => {
      for (const seed of await settled) await commit(pass, seed);
    });
    inFlight.push(committed);
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await committed;
}

const recordOf = (entry: {
  id: string;
  digest?: string | number;
  data: Record<string, unknown>;
}): DocumentRecord => {
  const { title, headline, date, places, authors, lang } = entry.data as ArchiveDocument;
  return { id: entry.id, digest: String(entry.digest), title, headline, date, places, authors, lang };
};

// Drops what no file of this pass published, and keeps the records, outcomes and report.
async function finish(pass: Pass): Promise<void> {
  const { store, logger } = pass.context;
  for (const id of store.keys()) if (!pass.owners.has(id)) store.delete(id);
  const entries = [...store.values()];
  const keep = new Set(entries.map((entry) => String(entry.digest)));
  // A gone document's words stay until the vocabulary is counted: it takes them out of its last count.
  await Promise.all([pass.cache.bodies, pass.cache.terms].map((folder) => folder.prune(keep)));
  await pass.cache.records.write(entries.map(recordOf));
  await pass.cache.seeds.write(pass.outcomes);
  pass.summary.documents = pass.owners.size;
  pass.summary.problems.push(...pass.names.problems());
  await pass.cache.sync.write(pass.report);
  await reportIngest(pass.summary, logger, pass.options);
}

/**
 * Syncs every seed into the content store. Each file is read and digested first; only files whose
 * digest is new, or whose body, words or store entry is missing, are decoded, parsed and rendered
 * (on threads). Everything an unchanged file reported (warnings, its legacy encoding, its problems)
 * comes back from the outcome it left under its digest, so the report is the same as a cold build's.
 */
export async function syncSeeds(options: SyncOptions, context: Context): Promise<SyncReport> {
  const cache = buildCache(options.cacheDir);
  await Promise.all([cache.bodies.make(), cache.words.make(), cache.terms.make()]);
  const fingerprint = await ingestFingerprint(options);
  const previous = await cache.seeds.read();
  const { files, ignored } = await scanSeedsFolder(options.directory);
  const synced = progressCounter((line) => context.logger.info(line), 'documents synced', 5000);
  const summary = { documents: 0, problems: [], ignored, legacyEncodings: {} };
  const pass: Pass = {
    options,
    context,
    cache,
    fingerprint,
    deriver: createDeriver(options.threads),
    previous,
    read: new Set(),
    outcomes: new Map(),
    owners: new Map(),
    names: nameCollisions(),
    summary: { ...summary, folder: options.directory, files: files.length, lfsPointers: 0 },
    report: { files: files.length, reused: 0, parsed: 0, rendered: 0 },
    progress: () => synced(files.length),
  };
  try {
    await readAll(pass, files);
  } finally {
    await pass.deriver.close();
  }
  await finish(pass);
  return pass.report;
}
