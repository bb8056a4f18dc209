import { describe, expect, it } from 'vitest';
import { nameCollisions } from '../../../../src/lib/seed/name-collisions.ts';

const doc = (file: string, places: string[], authors: string[] = []) => ({ file, line: 5, places, authors });

describe('nameCollisions', () => {
  it('reports each spelling that shares an address with another, once, on its dateline', () => {
    const names = nameCollisions();
    names.add(doc('a.txt', ['Москва'], ['Ирина Ли']));
    names.add(doc('b.txt', ['МОСКВА'], ['Irina Li']));
    names.add(doc('c.txt', ['МОСКВА', 'Москва']));
    expect(names.problems()).toEqual([
      {
        file: 'b.txt',
        line: 5,
        reason:
          'place "МОСКВА" has the address /place/moskva/ of "Москва" (a.txt): both are listed there; spell them alike, or apart',
        severity: 'warning',
      },
      {
        file: 'b.txt',
        line: 5,
        reason:
          'author "Irina Li" has the address /author/irina-li/ of "Ирина Ли" (a.txt): both are listed there; spell them alike, or apart',
        severity: 'warning',
      },
    ]);
  });

  it('finds nothing wrong with one spelling used often, or with names only ASCII fingerprints tell apart', () => {
    const names = nameCollisions();
    names.add(doc('a.txt', ['Ⰰⰱ', 'Name'], ['Ⰱⰰ Ⰰⰱ']));
    names.add(doc('b.txt', ['Ⰱⰰ', 'Name'], ['Ⰰⰱ Ⰱⰰ']));
    expect(names.problems()).toEqual([]);
  });
});
