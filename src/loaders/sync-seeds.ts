import { availableParallelism } from 'node:os';
import type { LoaderContext } from 'astro/loaders';
import { countWords, excerpt } from '../lib/excerpt.ts';
import { ingestSeed, INGEST_VERSION, type IngestResult } from '../lib/ingest.ts';
import { boundedTitle, pageText } from '../lib/long-text.ts';
import { nameCollisions } from '../lib/name-collisions.ts';
import { progressCounter } from '../lib/progress.ts';
import { siteConfig } from '../site-config.ts';
import { createDeriver } from './derive-pool.ts';
import type { DeriveInput } from './derive-document.ts';
import type { DerivedFacts } from './derive-worker.ts';
import { bodiesDir, hasBody, makeBodiesDir, pruneBodies } from './document-bodies.ts';
import { writeRecords } from './document-records.ts';
import type { ArchiveDocument } from '../schemas/document.ts';
import { reportIngest, type IngestSummary } from './ingest-report.ts';
import { readSeed, type ReadResult } from './read-seed.ts';
import { scanSeedsFolder } from './seed-files.ts';

type Parsed = Extract<IngestResult, { ok: true }> & { file: string; digest: string };

const READ_BATCH = 64;
// Batches handed to the threads and not yet stored: enough to keep both cores busy, few enough
// that a large archive is never held in memory whole.
const IN_FLIGHT = 8;

/** Worker threads for deriving documents: env `SYNC_THREADS` (0: none), else one per core but one. */
export function threadsFromEnv(): number {
  const raw = process.env['SYNC_THREADS']?.trim();
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isInteger(value) && value >= 0 ? value : availableParallelism() - 1;
}

/** Syncs every seed into the content store: unchanged files are skipped by digest, the rest derived on threads. */
export async function syncSeeds(directory: string, maxBytes: number, context: LoaderContext): Promise<void> {
  const { store, parseData, generateDigest, logger } = context;
  const bodies = bodiesDir(siteConfig.cacheDir);
  await makeBodiesDir(bodies);
  const deriver = createDeriver(threadsFromEnv());
  const { files, ignored } = await scanSeedsFolder(directory);
  const owners = new Map<string, string>();
  const names = nameCollisions();
  const summary: IngestSummary = {
    documents: 0,
    problems: [],
    ignored,
    legacyEncodings: {},
    folder: directory,
  };
  const problem = (file: string, reason: string): void => {
    summary.problems.push({ file, line: 1, reason, severity: 'error' });
  };
  const synced = progressCounter((line) => logger.info(line), 'documents synced', 5000);

  const storeDocument = async (document: Parsed, facts: DerivedFacts | undefined): Promise<void> => {
    const { seed, slug, file, digest } = document;
    if (!facts || 'error' in facts) {
      problem(file, `cannot render the document: ${facts?.error ?? 'no result'}`);
      owners.delete(slug);
      return;
    }
    try {
      const data = await parseData({
        id: slug,
        data: {
          title: boundedTitle(seed.title).title,
          headline: facts.headline,
          date: seed.date,
          places: seed.places,
          authors: seed.authors,
          description: excerpt(seed.paragraphs[0] ?? seed.title, 200),
          words: countWords([seed.title, ...seed.paragraphs]),
          source: file,
          terms: facts.terms,
          lang: facts.lang,
        },
      });
      store.set({ id: slug, data, digest });
    } catch (error) {
      problem(file, `document does not fit the schema: ${(error as Error).message.split('\n')[0]}`);
      owners.delete(slug);
    }
  };

  const pending: Promise<void>[] = [];
  try {
    for (let start = 0; start < files.length; start += READ_BATCH) {
      const batch = files.slice(start, start + READ_BATCH);
      const contents = await Promise.all(batch.map((file) => readSeed(directory, file, maxBytes)));
      const changed: Parsed[] = [];
      for (const [index, file] of batch.entries()) {
        synced(files.length);
        const read = contents[index] as ReadResult;
        if ('problem' in read) {
          summary.problems.push(read.problem);
          continue;
        }
        const result = ingestSeed(file, read.bytes, { maxBytes });
        summary.problems.push(...result.problems);
        if (!result.ok) continue;
        const owner = owners.get(result.slug);
        if (owner !== undefined) {
          problem(file, `same URL slug "${result.slug}" as ${owner}; rename one of the two files`);
          continue;
        }
        owners.set(result.slug, file);
        names.add({ file, line: result.datelineLine ?? 1, ...result.seed });
        if (result.encoding !== 'utf-8' && result.encoding !== 'ascii') {
          summary.legacyEncodings[file] = result.encoding;
        }
        const digest = generateDigest(`${INGEST_VERSION}\n${file}\n${read.bytes.toString('latin1')}`);
        if (store.get(result.slug)?.digest !== digest || !hasBody(bodies, digest)) {
          changed.push({ ...result, file, digest });
        }
      }
      if (changed.length === 0) continue;
      const inputs: DeriveInput[] = changed.map(({ digest, seed }) => ({ digest, ...pageText(seed) }));
      pending.push(
        deriver.derive({ bodies, fallbackLang: siteConfig.lang, inputs }).then(async (facts) => {
          for (const [index, document] of changed.entries()) {
            await storeDocument(document, facts[index]);
          }
        }),
      );
      if (pending.length >= IN_FLIGHT) await pending.shift();
    }
    await Promise.all(pending);
  } finally {
    await deriver.close();
  }
  for (const id of store.keys()) if (!owners.has(id)) store.delete(id);
  const keep = new Set([...store.values()].map((entry) => String(entry.digest)));
  await pruneBodies(bodies, keep);
  await writeRecords(
    siteConfig.cacheDir,
    [...store.values()].map((entry) => {
      const { title, headline, date, places, authors, lang } = entry.data as ArchiveDocument;
      return { id: entry.id, digest: String(entry.digest), title, headline, date, places, authors, lang };
    }),
  );
  summary.documents = owners.size;
  summary.problems.push(...names.problems());
  await reportIngest(summary, logger);
}
