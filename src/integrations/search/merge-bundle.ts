// Writes a search bundle from the runs Pagefind indexed apart (`run-files.ts`): their words,
// filters and pages joined as Pagefind writes them for the pages indexed together
// (`src/lib/search/index-merge.ts`), then laid out for the site: the word index cut into smaller
// chunks, the fragments in packs of consecutive pages, pages named by number (docs/benchmarks.md).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sharedWasm } from '../../lib/search/bundles.ts';
import { encodeCbor, type CborValue } from '../../lib/search/cbor.ts';
import { searchFileKind } from '../../lib/search/files.ts';
import { packFragments, PACK_PAGES } from '../../lib/search/fragment-packs.ts';
import { chunkOf, chunkRanges, cutIndex, type IndexCut } from '../../lib/search/index-chunks.ts';
import { byteOrder, mergeFilter, mergeWords } from '../../lib/search/index-merge.ts';
import { numberPages, withSignature } from '../../lib/search/pagefind-meta.ts';
import { readEntry, readRunLanguage, type EntryLanguage, type RunLanguage } from './run-files.ts';

/** The packs of a bundle as its entry file lists them: pages per pack, and each language's packs in page order. */
export interface FragmentPacks {
  pages: number;
  languages: Record<string, string[]>;
}

// About 10 kB compressed a chunk: 2.8 times Pagefind's count of chunks (567 for 201 in a bundle
// of 9,700 documents), which the file budget of static hosts allows (docs/benchmarks.md has the sizes measured).
const CUT: IndexCut = { chunkBytes: 24 * 1024, formBytes: 4 * 1024 };

// A run's own files, which the merge writes anew.
const mergedAnew = /^(?:pagefind-entry\.json|.*\.pf_meta)$/u;

const compress = (value: CborValue): Uint8Array => gzipSync(withSignature(encodeCbor(value)), { level: 9 });

const hashOf = (bytes: Uint8Array, length: number): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, length);

/** Index chunks of the bundles already built, by file name (`index/<name>.pf_index`) to their path. */
export type EarlierChunks = ReadonlyMap<string, string>;

// A chunk's compressed bytes: an earlier bundle's file of the same name when it holds the same
// words (an edit changes the chunks of the edited document's words only), else compressed here,
// which is most of a merge's time (2.3 s of 5.2 s for a bundle of 9,447 documents).
function compressChunk(signed: Uint8Array, name: string, earlier: EarlierChunks): Uint8Array {
  const path = earlier.get(`${name}.pf_index`);
  if (path !== undefined && existsSync(path)) {
    const bytes = readFileSync(path);
    if (Buffer.compare(gunzipSync(bytes), signed) === 0) return bytes;
  }
  return gzipSync(signed, { level: 9 });
}

// Files named by the language and 7 characters of the hash of `files`, more only when two meet, as Pagefind names them.
function names(language: string, files: readonly Uint8Array[]): string[] {
  const taken = new Set<string>();
  return files.map((bytes) => {
    const hash = hashOf(bytes, 64);
    let length = 7;
    while (taken.has(`${language}_${hash.slice(0, length)}`)) length += 1;
    const name = `${language}_${hash.slice(0, length)}`;
    taken.add(name);
    return name;
  });
}

async function writeAll(
  folder: string,
  files: readonly Uint8Array[],
  fileNames: readonly string[],
  ext: string,
) {
  await mkdir(folder, { recursive: true });
  await Promise.all(
    files.map((bytes, at) => writeFile(join(folder, `${fileNames[at] as string}.${ext}`), bytes)),
  );
}

// One language of the bundle from its runs, oldest first; gives its metadata's name and its packs.
async function writeLanguage(
  folder: string,
  language: string,
  runs: readonly RunLanguage[],
  earlier: EarlierChunks,
) {
  const pages = runs.map((run) => (run.meta[1] as CborValue[]).length);
  const cut = cutIndex(mergeWords(runs.map((run, at) => ({ words: run.words, pages: pages[at] ?? 0 }))), CUT);
  const signed = cut.map((chunk) => withSignature(chunkOf(chunk)));
  // Named by the words they hold, so an unchanged chunk is found by name among the earlier ones.
  const chunkNames = names(language, signed);
  const chunks = signed.map((bytes, at) => compressChunk(bytes, chunkNames[at] as string, earlier));
  await writeAll(join(folder, 'index'), chunks, chunkNames, 'pf_index');

  const filterNames = [...new Set(runs.flatMap((run) => run.filters.map(([name]) => name)))].sort(byteOrder);
  const filters = filterNames.map((name) =>
    compress(
      mergeFilter(
        name,
        runs.map((run, at) => ({
          values: run.filters.find(([own]) => own === name)?.[1] ?? [],
          pages: pages[at] ?? 0,
        })),
      ),
    ),
  );
  const filterFiles = names(language, filters);
  await writeAll(join(folder, 'filter'), filters, filterFiles, 'pf_filter');

  const packs = packFragments(
    runs.flatMap((run) => run.fragments),
    PACK_PAGES,
  );
  const packNames = packs.map((bytes) => `${language}_${hashOf(bytes, 10)}`);
  await writeAll(join(folder, 'fragment'), packs, packNames, 'pf_pack');

  const [first] = runs as [RunLanguage];
  const { meta } = numberPages([
    first.meta[0] as CborValue,
    runs.flatMap((run) => run.meta[1] as CborValue[]),
    [],
    [],
    [],
  ]);
  meta[2] = chunkRanges(cut).map(({ from, to }, at) => [from, to, chunkNames[at] as string]);
  meta[3] = filterNames.map((name, at) => [name, filterFiles[at] as string]);
  const compressed = compress([...meta, ...first.meta.slice(5)]);
  const metaName = `${language}_${hashOf(compressed, 10)}`;
  await writeFile(join(folder, `pagefind.${metaName}.pf_meta`), compressed);
  return { meta: metaName, packs: packNames, pages: pages.reduce((sum, count) => sum + count, 0) };
}

// Pagefind's scripts and each language's WebAssembly, from the first run that holds each.
async function copyRuntime(runs: readonly string[], folder: string, tail: boolean): Promise<void> {
  const copied = new Set<string>();
  for (const run of runs) {
    for (const entry of await readdir(run, { withFileTypes: true })) {
      const { name } = entry;
      if (!entry.isFile() || copied.has(name) || mergedAnew.test(name)) continue;
      // Pagefind's ready-made interfaces: the site loads none of them from a further bundle.
      if (!tail && searchFileKind(name).kind === 'unused') continue;
      copied.add(name);
      await copyFile(join(run, name), join(folder, name));
    }
  }
}

/**
 * Writes into `folder` the bundle of the runs in `runs` (consecutive runs of its documents, oldest
 * first, each a folder Pagefind wrote): the same words, filters and fragments as Pagefind writes for
 * their documents indexed together, laid out as the site reads them; an index chunk `earlier`
 * holds with the same words is taken from there. The entry file lists the
 * packs and names the entry bundle's WebAssembly as each language's (`sharedWasm`).
 */
export async function mergeBundle(
  runs: readonly string[],
  folder: string,
  tail: boolean,
  earlier: EarlierChunks = new Map(),
): Promise<FragmentPacks> {
  await mkdir(folder, { recursive: true });
  const entries = await Promise.all(runs.map(readEntry));
  const [first] = entries;
  if (!first) throw new Error('a search bundle needs at least one run');
  const languages = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages)))].sort(byteOrder);
  const packs: FragmentPacks = { pages: PACK_PAGES, languages: {} };
  const merged: Record<string, EntryLanguage> = {};
  for (const language of languages) {
    const held = entries.flatMap((entry, at) => {
      const own = entry.languages[language];
      return own ? [{ own, folder: runs[at] as string }] : [];
    });
    const written = await writeLanguage(
      folder,
      language,
      await Promise.all(held.map(({ own, folder: run }) => readRunLanguage(run, own.hash))),
      earlier,
    );
    const wasm = held.find(({ own }) => own.wasm !== undefined)?.own.wasm;
    merged[language] = {
      hash: written.meta,
      ...(wasm === undefined ? {} : { wasm: sharedWasm(wasm) }),
      page_count: written.pages,
    };
    packs.languages[language] = written.packs;
  }
  await copyRuntime(runs, folder, tail);
  await writeFile(
    join(folder, 'pagefind-entry.json'),
    JSON.stringify({ ...first, languages: merged, fragment_packs: packs }),
  );
  return packs;
}

/** The packs a bundle's entry file lists, or none for a bundle whose fragments are Pagefind's own. */
export function entryPacks(entry: string): FragmentPacks | undefined {
  return (JSON.parse(entry) as { fragment_packs?: FragmentPacks }).fragment_packs;
}
