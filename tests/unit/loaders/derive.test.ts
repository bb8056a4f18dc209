import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeriver } from '../../../src/loaders/derive-pool.ts';
import deriveBatch from '../../../src/loaders/derive-worker.ts';
import { bodyPath, makeBodiesDir, pruneBodies, readBody } from '../../../src/loaders/document-bodies.ts';

async function bodiesFolder(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'bodies-'));
  await makeBodiesDir(directory);
  return directory;
}

const input = (index: number) => ({
  digest: `d${index}`,
  title: `Заголовок ${index}`,
  paragraphs: [`Переговоры в Кремле продолжились "в среду" — номер ${index}.`],
});

describe('deriving documents', () => {
  it('writes each body under its digest and returns terms and language', async () => {
    const bodies = await bodiesFolder();
    const [facts] = await deriveBatch({ bodies, fallbackLang: 'ru', inputs: [input(1)] });
    expect(facts).toMatchObject({ lang: 'ru', terms: { переговор: 1 } });
    const html = await readFile(bodyPath(bodies, 'd1'), 'utf8');
    expect(html).toMatch(/^<p>Переговоры\sв\sКремле\sпродолжились\s«в\sсреду»/u);
  });

  it('reports a document the renderer cannot take and still derives the others', async () => {
    const bodies = await bodiesFolder();
    const broken = { ...input(2), paragraphs: null as unknown as string[] };
    const facts = await deriveBatch({ bodies, fallbackLang: 'ru', inputs: [broken, input(3)] });
    expect(facts[0]).toHaveProperty('error');
    expect(facts[1]).toHaveProperty('lang', 'ru');
  });

  it('gives the same results on worker threads as inline', async () => {
    const inputs = Array.from({ length: 40 }, (_, index) => input(index));
    const inline = await deriveBatch({ bodies: await bodiesFolder(), fallbackLang: 'ru', inputs });
    const bodies = await bodiesFolder();
    const deriver = createDeriver(2);
    try {
      expect(await deriver.derive({ bodies, fallbackLang: 'ru', inputs })).toEqual(inline);
    } finally {
      await deriver.close();
    }
    expect((await readdir(bodies)).length).toBe(40);
  });
});

describe('the bodies folder', () => {
  it('drops the bodies of documents no longer in the store', async () => {
    const bodies = await bodiesFolder();
    await deriveBatch({ bodies, fallbackLang: 'ru', inputs: [input(1), input(2)] });
    expect(await pruneBodies(bodies, new Set(['d2']))).toBe(1);
    expect(await readdir(bodies)).toEqual(['d2.html']);
  });

  it('names the document whose body is missing', async () => {
    const bodies = await bodiesFolder();
    expect(() => readBody(bodies, { id: 'gone', digest: 'nothing' })).toThrow(/gone.*build again/u);
  });
});
