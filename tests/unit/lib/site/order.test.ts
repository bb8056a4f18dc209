import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../../src/lib/site/order.ts';

describe('compareNewestFirst', () => {
  it('puts newer dates first and breaks ties by id', () => {
    const items = [
      { id: 'b', data: { date: '2024-01-01' } },
      { id: 'c', data: { date: '2025-01-01' } },
      { id: 'a', data: { date: '2024-01-01' } },
    ];
    expect(items.sort(compareNewestFirst).map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });
});
