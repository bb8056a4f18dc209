import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../../src/lib/ingest.ts';
import { toSearchRecord } from '../../../src/lib/search-record.ts';

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

  it('reports binary files and invalid UTF-8 instead of decoding them', () => {
    expect(ingestSeed('b.txt', new Uint8Array([0x89, 0x50, 0x00, 0x01])).problems[0]?.reason).toMatch(
      /binary/u,
    );
    expect(ingestSeed('b.txt', new Uint8Array([0xff, 0xfe, 0xfd])).problems[0]?.reason).toMatch(/UTF-8/u);
  });
});

describe('toSearchRecord', () => {
  it('carries the metadata, filters and sort key that document pages carry', () => {
    const seed = {
      date: '2024-01-02',
      title: 'З',
      paragraphs: ['а', 'б'],
      places: ['Москва'],
      authors: ['Иван Петров'],
    };
    expect(toSearchRecord(seed, '/doc/x/', 'ru')).toEqual({
      url: '/doc/x/',
      content: 'З\n\nа\n\nб',
      language: 'ru',
      meta: { title: 'З', date: '2024-01-02', place: 'Москва', author: 'Иван Петров' },
      filters: { year: ['2024'], lang: ['ru'], place: ['Москва'], author: ['Иван Петров'] },
      sort: { date: '2024-01-02' },
    });
  });
});
