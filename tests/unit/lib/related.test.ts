import { describe, expect, it } from 'vitest';
import { relatedDocuments } from '../../../src/lib/related.ts';
import { termCounts } from '../../../src/lib/terms.ts';

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
