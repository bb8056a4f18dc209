import { describe, expect, it } from 'vitest';
import { documentLinks } from '../../../../src/lib/document/links.ts';
import { relatedDocuments } from '../../../../src/lib/document/related.ts';
import { termCounts } from '../../../../src/lib/document/terms.ts';

const doc = (id: string, date: string, text: string) => ({
  id,
  data: { date, headline: `Заголовок ${id}` },
  text,
});

describe('documentLinks', () => {
  it('links each document to its neighbours by date and to similar documents', () => {
    const documents = [
      doc('c', '2025-03-01', 'гололёд на дорогах Петербурга'),
      doc('b', '2025-02-01', 'бюджет города утвердили'),
      doc('a', '2025-01-01', 'сильный гололед в Петербурге'),
    ];
    const related = relatedDocuments(documents.map(({ id, text }) => ({ id, terms: termCounts([text]) })));
    const links = documentLinks(documents, related);
    expect(links.get('b')).toEqual({
      newer: { id: 'c', headline: 'Заголовок c', date: '2025-03-01' },
      older: { id: 'a', headline: 'Заголовок a', date: '2025-01-01' },
      related: [],
    });
    expect(links.get('c')?.newer).toBeUndefined();
    expect(links.get('c')?.related.map((link) => link.id)).toEqual(['a']);
    expect(links.get('a')?.older).toBeUndefined();
  });
});
