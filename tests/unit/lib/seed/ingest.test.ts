import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../../../src/lib/seed/ingest.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ingestSeed', () => {
  it('gives a slug from the file path and the parsed document', () => {
    const result = ingestSeed(
      'Новости/Итоги.txt',
      bytes('date 2024-01-02 З\n\nТекст.\n\nМосква, Иван Петров'),
    );
    expect(result).toMatchObject({
      ok: true,
      slug: 'novosti--itogi',
      seed: { title: 'З', places: ['Москва'] },
    });
  });

  it('reports binary files and broken byte order marks instead of decoding them', () => {
    expect(ingestSeed('b.txt', new Uint8Array([0x89, 0x50, 0x00, 0x01])).problems[0]?.reason).toMatch(
      /binary/u,
    );
    expect(ingestSeed('b.txt', new Uint8Array([0xff, 0xfe, 0xfd])).problems[0]?.reason).toMatch(/UTF-16LE/u);
  });

  it('names the encoding a document was read in', () => {
    expect(ingestSeed('a.txt', bytes('date 2024-01-02 A\n\nB'))).toMatchObject({
      ok: true,
      encoding: 'ascii',
    });
  });

  it('turns a file larger than the limit into a problem before decoding it', () => {
    const result = ingestSeed('big.txt', bytes('date 2024-01-02 A\n\nB'), { maxBytes: 10 });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'big.txt',
          line: 1,
          reason: 'file is 20 bytes, larger than the 10 bytes limit (MAX_SEED_SIZE)',
          severity: 'error',
        },
      ],
    });
  });
});
