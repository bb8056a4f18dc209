import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSeedDocuments } from '../../../src/loaders/seed-documents.ts';

async function folder(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'seed-documents-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text);
  return directory;
}

async function slugsIn(directory: string): Promise<string[]> {
  const slugs: string[] = [];
  for await (const { slug } of readSeedDocuments(directory)) slugs.push(slug);
  return slugs;
}

afterEach(() => {
  delete process.env['MAX_SEED_SIZE'];
});

describe('readSeedDocuments', () => {
  it('yields the documents the loader publishes and skips broken files', async () => {
    const directory = await folder({
      'a.txt': 'date 2024-01-01 А\n\nТекст.',
      'broken.txt': 'no header here',
      'b.txt': 'date 2024-01-02 Б\n\nТекст.',
    });
    expect(await slugsIn(directory)).toEqual(['a', 'b']);
  });

  it('lets the first file in path order keep a slug, as the loader does', async () => {
    const directory = await folder({
      'Итоги.txt': 'date 2024-01-01 Первый\n\nТекст.',
      'itogi.txt': 'date 2024-01-02 Второй\n\nТекст.',
    });
    const titles: string[] = [];
    for await (const { seed } of readSeedDocuments(directory)) titles.push(seed.title);
    expect(titles).toEqual(['Второй']);
  });

  it('leaves out files over the size limit', async () => {
    process.env['MAX_SEED_SIZE'] = '40';
    const directory = await folder({
      'small.txt': 'date 2024-01-01 А\n\nТекст.',
      'large.txt': `date 2024-01-01 Б\n\n${'Текст. '.repeat(20)}`,
    });
    expect(await slugsIn(directory)).toEqual(['small']);
  });
});
