import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentSchema } from '../../../src/schemas/document.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import type { IngestSummary } from '../../../src/loaders/ingest-report.ts';
import { buildCache } from '../../../src/build/build-cache.ts';
import { buildChunks } from '../../../src/integrations/search/vocabulary-chunks.ts';
import { syncSeeds, type SyncOptions } from '../../../src/loaders/sync-seeds.ts';

// Every file decoded is counted, and every report is kept instead of written.
const decoded = vi.hoisted(() => ({ files: [] as string[], reports: [] as IngestSummary[] }));
vi.mock('../../../src/lib/seed/decode.ts', async (original) => {
  const actual = await original<typeof import('../../../src/lib/seed/decode.ts')>();
  return {
    ...actual,
    decodeSeed: (bytes: Uint8Array, file: string) => {
      decoded.files.push(file);
      return actual.decodeSeed(bytes, file);
    },
  };
});
vi.mock('../../../src/loaders/ingest-report.ts', () => ({
  reportIngest: async (summary: IngestSummary) => {
    decoded.reports.push(structuredClone(summary));
  },
}));

type DataEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

function memoryStore() {
  const entries = new Map<string, DataEntry>();
  return {
    get: (id: string) => entries.get(id),
    set: (entry: DataEntry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
  };
}

const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
let options: SyncOptions;
let context: Parameters<typeof syncSeeds>[1];

beforeEach(async () => {
  const root = await mkdtemp(join(tmpdir(), 'sync-'));
  const directory = join(root, 'seeds');
  await cp('tests/fixtures/ingest', directory, { recursive: true });
  options = {
    directory,
    maxBytes: 1_000_000,
    cacheDir: join(root, 'cache'),
    lang: 'ru',
    threads: 0,
    strict: false,
    ingestReport: join(root, 'ingest.json'),
  };
  const parseData = async ({ data }: { data: Record<string, unknown> }) => documentSchema.parse(data);
  context = { store: memoryStore(), parseData, logger: quiet } as unknown as typeof context;
  decoded.files.length = 0;
  decoded.reports.length = 0;
});

describe('syncing the seeds folder', () => {
  it('decodes no unchanged file again and reports its warnings, encoding and problems as before', async () => {
    // Two spellings of one place's address: a warning the rebuild must give again.
    await writeFile(
      join(options.directory, 'names-1.txt'),
      ' date 2024-05-01 Один\n\nТекст.\n\nМосква, Анна Петрова\n',
    );
    await writeFile(
      join(options.directory, 'names-2.txt'),
      ' date 2024-05-02 Два\n\nТекст.\n\nМОСКВА, Анна Петрова\n',
    );
    const first = await syncSeeds(options, context);
    const files = decoded.files.length;
    expect(files).toBeGreaterThan(30);
    expect(first).toMatchObject({ reused: 0, parsed: files });
    decoded.files.length = 0;
    const again = await syncSeeds(options, context);
    expect(decoded.files).toEqual([]);
    expect(again).toMatchObject({ files: first.files, reused: files, parsed: 0, rendered: 0 });
    const [cold, warm] = decoded.reports;
    expect(warm).toEqual(cold);
    expect(warm?.problems.some((problem) => problem.severity === 'warning')).toBe(true);
    expect(warm?.problems.some((problem) => /same URL slug "slug-collision" as/u.test(problem.reason))).toBe(
      true,
    );
    expect(warm?.legacyEncodings).toMatchObject({ 'encoding-koi8-r.txt': 'koi8-r' });
    expect(warm?.problems.some((problem) => /has the address \/place\//u.test(problem.reason))).toBe(true);
  });

  it('decodes a changed file alone and publishes its new record', async () => {
    await syncSeeds(options, context);
    decoded.files.length = 0;
    await writeFile(
      join(options.directory, 'encoding-utf8.txt'),
      ' date 2024-02-02 Новый заголовок\n\nНовый текст.\n',
    );
    const report = await syncSeeds(options, context);
    expect(decoded.files).toEqual(['encoding-utf8.txt']);
    expect(report).toMatchObject({ parsed: 1, rendered: 1 });
    const record = (await buildCache(options.cacheDir).records.read()).find(
      (entry) => entry.id === 'encoding-utf8',
    );
    expect(record?.title).toBe('Новый заголовок');
    expect(buildCache(options.cacheDir).wordsOf(record?.digest ?? '')).toMatchObject({ новый: 2, текст: 1 });
  });

  it('makes a document again when its cached body is gone', async () => {
    await syncSeeds(options, context);
    const record = (await buildCache(options.cacheDir).records.read()).find(
      (entry) => entry.id === 'encoding-ascii',
    );
    await rm(join(options.cacheDir, 'archive-bodies', `${record?.digest}.html`));
    decoded.files.length = 0;
    await syncSeeds(options, context);
    expect(decoded.files).toEqual(['encoding-ascii.txt']);
  });

  it('drops the record, body and terms of a deleted file, and its words once the vocabulary counted them out', async () => {
    await syncSeeds(options, context);
    const before = await buildCache(options.cacheDir).records.read();
    await rm(join(options.directory, 'encoding-ascii.txt'));
    await syncSeeds(options, context);
    const after = await buildCache(options.cacheDir).records.read();
    expect(after.map((entry) => entry.id)).toEqual(
      before.map((entry) => entry.id).filter((id) => id !== 'encoding-ascii'),
    );
    const bodies = await readdir(join(options.cacheDir, 'archive-bodies'));
    expect(bodies.sort()).toEqual(after.map((entry) => `${entry.digest}.html`).sort());
    expect((await readdir(join(options.cacheDir, 'archive-terms'))).length).toBe(after.length);
    expect(await readdir(join(options.cacheDir, 'archive-words'))).toEqual(
      expect.arrayContaining(before.map((entry) => `${entry.digest}.json`)),
    );
    await buildChunks(options.cacheDir, after);
    expect((await readdir(join(options.cacheDir, 'archive-words'))).length).toBe(after.length);
  });
});
