import { describe, expect, it } from 'vitest';
import { byMonth, byName, groupBy, nameSlug, paginate } from '../../../../src/lib/site/groups.ts';
import { namePages } from '../../../../src/lib/site/name-pages.ts';

const item = (id: string, date: string, places: string[] = []) => ({ id, data: { date, places } });

describe('grouping', () => {
  it('groups by month in ascending month order, items in their given order', () => {
    const months = byMonth([item('c', '2025-12-02'), item('a', '2024-03-05'), item('b', '2025-12-01')]);
    expect([...months.keys()]).toEqual(['2024-03', '2025-12']);
    expect(months.get('2025-12')?.map((entry) => entry.id)).toEqual(['c', 'b']);
  });

  it('puts an item naming a key twice into its group once', () => {
    expect(groupBy([1], () => ['a', 'a']).get('a')).toEqual([1]);
  });

  it('joins spellings with the same slug under the most frequent one, sorted in Russian order', () => {
    const groups = byName(
      [
        item('1', '2025-01-01', ['Москва']),
        item('2', '2025-01-02', ['москва', 'Киев']),
        item('3', '2025-01-03', ['Москва']),
      ],
      (entry) => entry.data.places,
    );
    expect(groups.map((group) => [group.key, group.label, group.items.length])).toEqual([
      ['kiev', 'Киев', 1],
      ['moskva', 'Москва', 3],
    ]);
  });

  it('makes ASCII slugs of Cyrillic names', () => {
    expect(nameSlug('Санкт-Петербург')).toBe('sankt-peterburg');
  });

  it('gives names ASCII cannot spell distinct, stable fingerprints, never the slug of a real name', () => {
    const names = ['Ⰰⰱ', 'Ⰱⰰ', 'Ⲙⲁⲛ', '𐐔𐐯', 'Name', '…', 'Москва Ⰰⰱ'];
    const slugs = names.map(nameSlug);
    expect(new Set(slugs).size).toBe(names.length);
    expect(slugs[4]).toBe('name');
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
    expect(slugs[6]).toMatch(/^moskva-[a-z0-9]{7}$/u);
    expect(nameSlug('Ⰰⰱ')).toBe(slugs[0]);
    expect(nameSlug('Ё'.normalize('NFD'))).toBe(nameSlug('Ё'));
  });

  it('cuts lists into pages and gives an empty list one empty page', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
  });

  it('gives a name its newest documents first and numbers full pages from the oldest', () => {
    const items = [
      item('3', '2025-01-03', ['Москва']),
      item('2', '2025-01-02', ['Москва']),
      item('1', '2025-01-01', ['Москва']),
    ];
    const pages = namePages(items, (entry) => entry.data.places, 2);
    expect(
      pages.map((page) => [
        page.params.page,
        page.props.page.entries.map((entry) => entry.id),
        page.props.total,
      ]),
    ).toEqual([
      [undefined, ['3', '2'], 3],
      ['1', ['2', '1'], 3],
    ]);
  });
});
