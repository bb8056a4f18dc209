import { describe, expect, it } from 'vitest';
import { createRandom, syntheticCorpus, syntheticSeed } from '../../../scripts/bench/corpus.ts';
import { ingestSeed } from '../../../src/lib/seed/ingest.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('syntheticCorpus', () => {
  it('gives the same documents for the same seed and different ones for another seed', () => {
    expect([...syntheticCorpus(5)]).toEqual([...syntheticCorpus(5)]);
    expect(syntheticSeed(3, { seed: 2 }).text).not.toBe(syntheticSeed(3).text);
  });

  it('makes each document depend on its index only, so a corpus can be grown', () => {
    const small = [...syntheticCorpus(3)];
    const large = [...syntheticCorpus(10)];
    expect(large.slice(0, 3)).toEqual(small);
  });

  it('writes documents the ingest accepts without problems, with unique paths', () => {
    const seeds = [...syntheticCorpus(200)];
    expect(new Set(seeds.map((seed) => seed.path)).size).toBe(200);
    for (const seed of seeds) {
      const result = ingestSeed(seed.path, bytes(seed.text));
      expect(result.ok, seed.path).toBe(true);
      expect(result.problems, seed.path).toEqual([]);
    }
  });

  it('spreads dates over the given years and files documents in a folder per year', () => {
    const years = new Set<string>();
    for (const seed of syntheticCorpus(300, { years: [2001, 2004] })) {
      const date = /^ date (\d{4})-\d{2}-\d{2} /u.exec(seed.text)?.[1];
      expect(seed.path.startsWith(`${date}/`)).toBe(true);
      years.add(date ?? '');
    }
    expect([...years].sort()).toEqual(['2001', '2002', '2003', '2004']);
  });

  it('ends most documents with a dateline of place and author, and writes Cyrillic text', () => {
    const seeds = [...syntheticCorpus(200)];
    const withDateline = seeds.filter((seed) => {
      const result = ingestSeed(seed.path, bytes(seed.text));
      return result.ok && result.seed.places.length > 0 && result.seed.authors.length > 0;
    });
    expect(withDateline.length).toBeGreaterThan(120);
    expect(withDateline.length).toBeLessThan(200);
    expect(seeds[0]?.text).toMatch(/[а-я]{4,}/u);
  });
});

describe('createRandom', () => {
  it('returns floats in [0, 1) that repeat for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
