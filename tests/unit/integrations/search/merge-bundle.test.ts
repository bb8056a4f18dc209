import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeBundle } from '../../../../src/integrations/search/merge-bundle.ts';
import {
  closePagefind,
  indexDocuments,
  writeBundle,
} from '../../../../src/integrations/search/pagefind-adapter.ts';
import {
  readEntry,
  readRunLanguage,
  type RunLanguage,
} from '../../../../src/integrations/search/run-files.ts';
import { decodeCbor, type CborValue } from '../../../../src/lib/search/cbor.ts';
import { chunkWords } from '../../../../src/lib/search/index-chunks.ts';
import { mergeFilter, mergeWords } from '../../../../src/lib/search/index-merge.ts';
import { withoutSignature } from '../../../../src/lib/search/pagefind-meta.ts';
import { searchDocument } from '../../../../src/lib/search/document.ts';

const root = mkdtempSync(join(tmpdir(), 'merge-bundle-'));
afterAll(async () => {
  await closePagefind();
  rmSync(root, { recursive: true, force: true });
});

// Sentences whose words come in many forms, so a key's forms and pages spread over the runs.
const sentences = [
  'Договор о поставках подписан в больнице, договоры ждут.',
  'По договору больницей руководит новый главный врач.',
  'Новой больницы не построили: договоров нет, новые сроки.',
  'Главного врача новых больниц назначат по новому договору.',
  'Ледоход на реке начался, ледоходом любуются жители.',
];
const document = (n: number): { url: string; html: string } => ({
  url: `/doc/${n}/`,
  html: searchDocument(
    {
      headline: `Новости ${n}`,
      date: `2024-02-${String(n + 1).padStart(2, '0')}`,
      places: [n % 3 ? 'Казань' : 'Москва'],
      authors: n % 2 ? ['Иванов'] : [],
      lang: n === 4 ? 'en' : 'ru',
    },
    `<p>${sentences.filter((_, at) => (n * 7 + at) % 3 !== 0).join(' ')} Номер ${n}.</p>`,
  ),
});

async function indexed(numbers: number[], folder: string): Promise<string> {
  await indexDocuments(numbers.map(document), (index) => writeBundle(index, folder));
  return folder;
}

async function language(folder: string, lang: string): Promise<RunLanguage> {
  const entry = await readEntry(folder);
  return readRunLanguage(folder, (entry.languages[lang] as { hash: string }).hash);
}

describe('a search bundle merged from runs indexed apart', () => {
  it('holds the words, filters and pages Pagefind writes for the same documents indexed together', async () => {
    const runs = [
      [0, 1, 2],
      [3, 4, 5, 6],
      [7, 8, 9, 10, 11],
    ];
    const together = await indexed(runs.flat(), join(root, 'together'));
    const apart = await Promise.all(runs.map((numbers, at) => indexed(numbers, join(root, `run-${at}`))));
    const whole = await language(together, 'ru');
    const parts = await Promise.all(apart.map((folder) => language(folder, 'ru')));
    const pages = (part: RunLanguage): number => (part.meta[1] as CborValue[]).length;

    const merged = mergeWords(parts.map((part) => ({ words: part.words, pages: pages(part) })));
    expect(merged.map(({ key }) => key)).toEqual(whole.words.map(({ key }) => key));
    expect(merged.map(({ bytes }) => Buffer.from(bytes).toString('hex'))).toEqual(
      whole.words.map(({ bytes }) => Buffer.from(bytes).toString('hex')),
    );
    // The test means something: some key has forms, and pages, in more than one run.
    const spread = whole.words.filter(
      ({ key }) => parts.filter((part) => part.words.some((w) => w.key === key)).length > 1,
    );
    expect(spread.some(({ bytes }) => (decodeCbor(bytes) as CborValue[]).length === 3)).toBe(true);

    for (const filter of whole.filters) {
      const name = filter[0];
      const values = parts.map((part) => ({
        values: part.filters.find(([own]) => own === name)?.[1] ?? [],
        pages: pages(part),
      }));
      expect(mergeFilter(name, values)).toEqual(filter);
    }
    expect(parts.flatMap((part) => part.meta[1] as CborValue[])).toEqual(whole.meta[1]);
  });

  it('writes a bundle of every language of its runs, with each run’s pages in order', async () => {
    const apart = await Promise.all(
      [[0, 1], [2, 3, 4], [5]].map((numbers, at) => indexed(numbers, join(root, `lang-${at}`))),
    );
    const folder = join(root, 'bundle');
    const packs = await mergeBundle(apart, folder, false);
    const entry = await readEntry(folder);
    expect(Object.keys(entry.languages)).toEqual(['en', 'ru']);
    expect(entry.languages['ru']?.page_count).toBe(5);
    expect(entry.languages['en']?.wasm).toMatch(/^_\/\.\.\/\.\.\/pagefind\/wasm\.en$/u);
    expect(packs.languages['ru']).toHaveLength(1);
    const meta = decodeCbor(
      withoutSignature(
        gunzipSync(await readFile(join(folder, `pagefind.${entry.languages['ru']?.hash}.pf_meta`))),
      ),
    ) as CborValue[];
    expect((meta[1] as CborValue[]).map((page) => (page as CborValue[])[0])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    const chunk = (meta[2] as CborValue[])[0] as string[];
    const words = chunkWords(
      withoutSignature(gunzipSync(await readFile(join(folder, 'index', `${chunk[2]}.pf_index`)))),
    );
    expect(words.length).toBeGreaterThan(10);
  });
});
