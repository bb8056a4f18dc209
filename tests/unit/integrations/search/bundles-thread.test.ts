import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import buildBundles, { type BundleResult } from '../../../../src/integrations/search/bundles-thread.ts';
import { idHash, spacingFor } from '../../../../src/lib/search/bundles.ts';
import { buildCache } from '../../../../src/build/build-cache.ts';
import { chunkWords } from '../../../../src/lib/search/index-chunks.ts';
import { withoutSignature } from '../../../../src/lib/search/pagefind-meta.ts';
import type { DocumentRecord } from '../../../../src/schemas/document.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const record = (n: number): DocumentRecord => ({
  id: `doc-${n}`,
  digest: `digest-${n}`,
  title: `Снегопад ${n}`,
  headline: `Снегопад ${n}`,
  date: `2024-01-${String(n + 1).padStart(2, '0')}`,
  places: ['Казань'],
  authors: [],
  lang: 'ru',
});

// A build cache holding the records and rendered bodies the loader would have written.
async function cacheWith(
  records: readonly DocumentRecord[],
  body = (id: string): string => `<p>Текст документа ${id}.</p>`,
): Promise<string> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'search-bundles-'));
  folders.push(cacheDir);
  const { bodies } = buildCache(cacheDir);
  await bodies.make();
  for (const { digest, id } of records) bodies.write(digest, body(id));
  await buildCache(cacheDir).records.write(records);
  return cacheDir;
}

// The bundles of the records a cache holds, as the build hands them over.
const bundlesOf = async (cacheDir: string, bundleSize: number): Promise<BundleResult> =>
  buildBundles({ cacheDir, bundleSize, records: await buildCache(cacheDir).records.read() });

// Every file of every bundle, by output folder and path, as a hash of its bytes.
function contents(result: BundleResult): Record<string, string> {
  const files: Record<string, string> = {};
  for (const bundle of result.bundles) {
    for (const entry of readdirSync(bundle.cached, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files[`${bundle.folder}${path.slice(bundle.cached.length + 1)}`] = createHash('sha256')
        .update(readFileSync(path))
        .digest('hex');
    }
  }
  return files;
}

const records = Array.from({ length: 14 }, (_, n) => record(n));

describe('building search bundles from the loader records', () => {
  it('gives byte-identical bundles for the same records, and several for more than one bundle holds', async () => {
    const first = await bundlesOf(await cacheWith(records), 4);
    const second = await bundlesOf(await cacheWith(records), 4);
    expect(first.bundles.length).toBeGreaterThan(2);
    expect(first.bundles.map((bundle) => bundle.documents).reduce((a, b) => a + b)).toBe(14);
    expect(contents(second)).toEqual(contents(first));
  });

  it('reuses every bundle of an unchanged archive and re-indexes only the tail after an append', async () => {
    const cacheDir = await cacheWith(records);
    const built = await bundlesOf(cacheDir, 4);
    expect(built.bundles.every((bundle) => bundle.indexed)).toBe(true);
    const again = await bundlesOf(cacheDir, 4);
    expect(again.bundles.filter((bundle) => bundle.indexed)).toEqual([]);
    expect(contents(again)).toEqual(contents(built));

    // The newest document, whose id ends no run, joins the tail.
    const added = Array.from({ length: 40 }, (_, n) => record(20 + n)).find(
      ({ id }) => idHash(id) % spacingFor(4).tail !== 0,
    );
    if (!added) throw new Error('no id outside the boundaries');
    const grown = await cacheWith([...records, added]);
    rmSync(buildCache(grown).searchBundles, { recursive: true, force: true });
    await cp(buildCache(cacheDir).searchBundles, buildCache(grown).searchBundles, { recursive: true });
    const after = await bundlesOf(grown, 4);
    expect(after.bundles.filter((bundle) => bundle.indexed).map((bundle) => bundle.folder)).toEqual([
      'pagefind/',
    ]);
    const before = contents(built);
    const kept = Object.entries(contents(after)).filter(([path]) => !path.startsWith('pagefind/'));
    expect(kept.length).toBeGreaterThan(0);
    for (const [path, hash] of kept) expect(before[path]).toBe(hash);
  });

  it('re-indexes only the run of an edited document, and merges its bundle into the bytes a cold build writes', async () => {
    const body = (id: string): string => `<p>Текст документа ${id}.</p>`;
    const cacheDir = await cacheWith(records, body);
    const built = await bundlesOf(cacheDir, 4);
    expect(built.bundles.reduce((sum, bundle) => sum + bundle.runsIndexed, 0)).toBe(
      built.bundles.reduce((sum, bundle) => sum + bundle.runs, 0),
    );
    // The first document of a closed bundle merged from more than one run.
    let start = 0;
    const target = built.bundles.find((bundle) => {
      if (bundle.runs > 1 && !bundle.folder.startsWith('pagefind/')) return true;
      start += bundle.documents;
      return false;
    });
    if (!target) throw new Error('no closed bundle of several runs');
    const editedId = (records[start] as DocumentRecord).id;
    const edited = records.map((one) =>
      one.id === editedId ? { ...one, digest: `${one.digest}-edited` } : one,
    );
    const editedBody = (id: string): string =>
      id === editedId ? '<p>Ледоход начался на Волге.</p>' : body(id);

    const editedDir = await cacheWith(edited, editedBody);
    for (const folder of ['searchBundles', 'searchRuns'] as const) {
      rmSync(buildCache(editedDir)[folder], { recursive: true, force: true });
      await cp(buildCache(cacheDir)[folder], buildCache(editedDir)[folder], { recursive: true });
    }
    const after = await bundlesOf(editedDir, 4);
    expect(after.bundles.filter((bundle) => bundle.indexed).map((bundle) => bundle.runsIndexed)).toEqual([1]);
    expect(after.bundles.find((bundle) => bundle.indexed)?.runs).toBe(target.runs);
    const cold = await bundlesOf(await cacheWith(edited, editedBody), 4);
    expect(contents(after)).toEqual(contents(cold));
  });

  it('cuts the word index into chunks of about 24 kB of words, where Pagefind writes 20,000 positions', async () => {
    // Long documents over a few hundred words: Pagefind's chunks come to 50 kB and more.
    const stems = Array.from({ length: 300 }, (_, n) => `слово${String.fromCharCode(0x430 + (n % 32))}${n}`);
    const body = (id: string): string => {
      const n = Number(id.slice(4));
      return `<p>${Array.from({ length: 1500 }, (_, at) => stems[(at * 7 + n * 13) % stems.length]).join(' ')}.</p>`;
    };
    const many = Array.from({ length: 60 }, (_, n) => record(n));
    const built = await bundlesOf(await cacheWith(many, body), 100);
    const folder = join((built.bundles[0] as { cached: string }).cached, 'index');
    const chunks = readdirSync(folder).map((name) =>
      chunkWords(withoutSignature(gunzipSync(readFileSync(join(folder, name))))),
    );
    const sizes = chunks.map((words) => words.reduce((sum, word) => sum + word.bytes.length, 0));
    expect(new Set(chunks.flat().map(({ key }) => key)).size).toBeGreaterThanOrEqual(300);
    // Its own words up to 24 kB, and copies of its keys' one-letter-longer forms kept elsewhere.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(30 * 1024);
    expect(chunks.every((words) => new Set(words.map(({ key }) => key)).size === words.length)).toBe(true);
  });
});
