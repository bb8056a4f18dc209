import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDeriver } from '../../../src/loaders/derive-pool.ts';
import deriveBatch, { type DeriveTask } from '../../../src/loaders/derive-thread.ts';
import { bodiesFolder, buildCache } from '../../../src/build/build-cache.ts';
import { digestFolder } from '../../../src/build/digest-folder.ts';

// A headline the renderer is made to fail on, as a library bug would.
vi.mock('../../../src/loaders/derive-document.ts', async (original) => {
  const actual = await original<typeof import('../../../src/loaders/derive-document.ts')>();
  return {
    ...actual,
    deriveDocument: (...args: Parameters<typeof actual.deriveDocument>) => {
      if (args[0].seed.title === 'Сбой') throw new Error('renderer failed');
      return actual.deriveDocument(...args);
    },
  };
});

const encoder = new TextEncoder();
const seed = (index: number, title = `Заголовок ${index}`) => ({
  file: `doc-${index}.txt`,
  digest: `d${index}`,
  bytes: encoder.encode(
    ` date 2025-01-0${(index % 9) + 1} ${title}\n\nПереговоры в Кремле продолжились "в среду" — номер ${index}.\n`,
  ),
});

async function task(seeds: DeriveTask['seeds']): Promise<DeriveTask> {
  const cache = await mkdtemp(join(tmpdir(), 'derive-'));
  const folders = { bodies: join(cache, 'bodies'), words: join(cache, 'words'), terms: join(cache, 'terms') };
  await Promise.all(Object.values(folders).map((folder) => digestFolder(folder, '').make()));
  return { ...folders, fallbackLang: 'ru', seeds };
}

describe('deriving documents from their bytes', () => {
  it('writes each body and its words under the digest and returns the page fields', async () => {
    const work = await task([seed(1)]);
    const [result] = await deriveBatch(work);
    expect(result?.outcome).toEqual({
      ok: true,
      slug: 'doc-1',
      encoding: 'utf-8',
      problems: [],
      names: { line: 1, places: [], authors: [] },
    });
    expect(result?.fields).toMatchObject({ title: 'Заголовок 1', lang: 'ru', source: 'doc-1.txt' });
    expect(result?.fields).not.toHaveProperty('terms');
    const html = await readFile(bodiesFolder(work.bodies).path('d1'), 'utf8');
    expect(html).toMatch(/^<p>Переговоры\sв\sКремле\sпродолжились\s«в\sсреду»/u);
    const words = JSON.parse(await readFile(join(work.words, 'd1.json'), 'utf8')) as Record<string, number>;
    expect(words).toMatchObject({ переговоры: 1, кремле: 1, заголовок: 1 });
    // The terms for related documents are kept beside them, not in the content store.
    const terms = JSON.parse(await readFile(join(work.terms, 'd1.json'), 'utf8')) as Record<string, number>;
    expect(terms).toMatchObject({ переговор: 1 });
  });

  it('gives the problems of a file that does not parse, and derives the others', async () => {
    const broken = { file: 'broken.txt', digest: 'b', bytes: encoder.encode('no header\n') };
    const results = await deriveBatch(await task([broken, seed(2)]));
    expect(results[0]?.outcome.ok).toBe(false);
    expect(results[0]?.outcome.problems[0]).toMatchObject({ file: 'broken.txt', severity: 'error' });
    expect(results[1]?.fields?.title).toBe('Заголовок 2');
  });

  it('names the document the renderer cannot take and still derives the others', async () => {
    const results = await deriveBatch(await task([seed(3, 'Сбой'), seed(4)]));
    expect(results[0]).toMatchObject({ outcome: { ok: true }, error: 'renderer failed' });
    expect(results[0]?.fields).toBeUndefined();
    expect(results[1]?.fields?.title).toBe('Заголовок 4');
  });

  it('gives the same results on worker threads as inline', async () => {
    const seeds = Array.from({ length: 40 }, (_, index) => seed(index + 10));
    const inline = await deriveBatch(await task(seeds));
    const work = await task(seeds);
    const deriver = createDeriver(2);
    try {
      expect(await deriver.derive(work)).toEqual(inline);
    } finally {
      await deriver.close();
    }
    expect((await readdir(work.bodies)).length).toBe(40);
  });
});

describe('a folder of files named by digest', () => {
  it('drops the files of digests no longer kept', async () => {
    const folder = digestFolder(await mkdtemp(join(tmpdir(), 'digests-')), '.html');
    folder.write('d1', 'one');
    folder.write('d2', 'two');
    expect(await folder.prune(new Set(['d2']))).toBe(1);
    expect(await readdir(folder.directory)).toEqual(['d2.html']);
  });

  it('names the document whose body is missing', async () => {
    const cache = buildCache(await mkdtemp(join(tmpdir(), 'bodies-')));
    expect(() => cache.body({ id: 'gone', digest: 'nothing' })).toThrow(/gone.*build again/u);
  });
});
