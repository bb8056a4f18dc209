import { describe, expect, it } from 'vitest';
import {
  headlineWords,
  rarePhrases,
  wholeHeadlines,
  type IndexedDocument,
} from '../../../scripts/bench/phrase-queries.ts';

const documents: IndexedDocument[] = [
  { url: '/a/', title: 'Мост через реку', content: 'Вчера показался мост через реку.' },
  { url: '/b/', title: 'Новости парка', content: 'Мост покрасили. Через парк прошли к реке и реку почистили.' },
  { url: '/c/', title: 'Новости города', content: 'Показался новый мост через реку.' },
  { url: '/d/', title: 'Погода', content: 'Туман над городом.' },
];

describe('queries with a known answer for measuring search', () => {
  it('picks three consecutive words one document alone holds together and another holds apart', () => {
    // «мост через реку» is in /a/ and /c/ alike; «вчера показался мост» is nowhere else, even apart;
    // /c/ holds «показался», «мост» and «через» apart, so /a/ is the answer to those three.
    expect(rarePhrases(documents, 10)).toEqual([{ query: 'показался мост через', url: '/a/' }]);
  });

  it('picks each headline no other document shares, and two of its words no other headline holds', () => {
    expect(wholeHeadlines(documents, 10).map(({ query }) => query).sort()).toEqual([
      'Мост через реку',
      'Новости города',
      'Новости парка',
    ]);
    const pairs = headlineWords(documents, 10);
    expect(pairs).toEqual([{ query: 'мост через', url: '/a/' }]);
  });

  it('gives the same queries every time', () => {
    expect(rarePhrases(documents, 2)).toEqual(rarePhrases([...documents].reverse(), 2));
  });
});
