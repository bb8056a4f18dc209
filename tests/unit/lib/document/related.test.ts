import { describe, expect, it } from 'vitest';
import { syntheticSeed } from '../../../../scripts/bench/corpus.ts';
import { parseSeed } from '../../../../src/lib/seed/parse-seed.ts';
import { referenceSize, relatedDocuments } from '../../../../src/lib/document/related.ts';
import { termCounts } from '../../../../src/lib/document/terms.ts';

const doc = (id: string, text: string) => ({ id, terms: termCounts([text]) });
const corpus = [
  doc('kremlin-1', 'Кремль переговоры Песков Дмитриев Майами урегулирование'),
  doc('kremlin-2', 'Песков рассказал о переговорах в Кремле и урегулировании'),
  doc('ice-1', 'Гололёд в Петербурге, дороги скользкие, гололёд опасен'),
  doc('ice-2', 'На дорогах Петербурга сильный гололед'),
  doc('budget', 'Бюджет города утвердили депутаты'),
];

describe('relatedDocuments', () => {
  it('ranks documents sharing rare stemmed terms first', () => {
    const related = relatedDocuments(corpus, { count: 2 });
    expect(related.get('kremlin-1')?.[0]).toBe('kremlin-2');
    expect(related.get('ice-2')?.[0]).toBe('ice-1');
  });

  it('never relates a document to itself and returns nothing for a document sharing no term', () => {
    const related = relatedDocuments(corpus);
    for (const [id, others] of related) expect(others).not.toContain(id);
    expect(related.get('budget')).toEqual([]);
  });

  it('leaves out documents whose similarity is below the floor', () => {
    expect(relatedDocuments(corpus).get('kremlin-1')).not.toEqual([]);
    expect(relatedDocuments(corpus, { minScore: 1.01 }).get('kremlin-1')).toEqual([]);
  });

  it('returns at most `count` documents', () => {
    const many = Array.from({ length: 12 }, (_, index) => doc(`d${index}`, `общий термин слово${index}`));
    many.push(doc('other', 'посторонний текст'));
    const related = relatedDocuments(many, { count: 5 });
    expect(related.get('d0')).toHaveLength(5);
  });

  it('keeps only the strongest postings of a term when asked to', () => {
    const many = Array.from({ length: 6 }, (_, index) => doc(`d${index}`, 'общий термин'));
    many.push(doc('other', 'посторонний текст'));
    expect(relatedDocuments(many, { postings: 2 }).get('d5')?.length).toBeLessThanOrEqual(2);
  });
});

describe('related documents as the archive grows', () => {
  // Generated documents, newest first, each a 300-word news text.
  const generated = (from: number, count: number) =>
    Array.from({ length: count }, (_, index) => {
      const { path, text } = syntheticSeed(from + index);
      const parsed = parseSeed(text, path);
      if (!parsed.ok) throw new Error(`generated document ${path} does not parse`);
      return { id: `${from + index}`, terms: termCounts([parsed.seed.title, ...parsed.seed.paragraphs]) };
    }).reverse();

  it('counts term weights over the oldest power of two documents', () => {
    expect([0, 1, 2, 3, 1000, 1024, 1025].map(referenceSize)).toEqual([0, 1, 2, 2, 512, 1024, 1024]);
  });

  it('changes the lists of few documents but those the newer document joins when one is added', () => {
    const archive = generated(0, 1000);
    const before = relatedDocuments(archive);
    for (const added of generated(1000, 5)) {
      const after = relatedDocuments([added, ...archive]);
      const moved = [...before].filter(([id, list]) => {
        const now = after.get(id) ?? [];
        return !now.includes(added.id) && now.join() !== list.join();
      });
      // Weights counted over the whole archive reordered 40 to 60 of these 1,000 lists per added document.
      expect(moved.length).toBeLessThanOrEqual(10);
    }
  });
});
