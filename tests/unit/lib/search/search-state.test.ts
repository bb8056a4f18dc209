import { describe, expect, it } from 'vitest';
import { readSearchState, writeSearchState } from '../../../../src/lib/search/search-state.ts';

describe('search state in the URL', () => {
  it('reads query, repeated filters and sort', () => {
    const state = readSearchState(
      new URLSearchParams('q=+снег+&year=2021&year=2022&year=2021&place=Казань&sort=oldest'),
    );
    expect(state).toEqual({
      query: 'снег',
      filters: { year: ['2021', '2022'], place: ['Казань'], author: [], lang: [] },
      sort: 'oldest',
    });
  });

  it('falls back to relevance for an unknown sort and ignores empty values', () => {
    const state = readSearchState(new URLSearchParams('sort=random&author='));
    expect(state.sort).toBe('relevance');
    expect(state.filters.author).toEqual([]);
  });

  it('writes only what differs from the defaults and reads back the same state', () => {
    const state = readSearchState(new URLSearchParams('q=лёд&lang=en&sort=newest'));
    expect(writeSearchState(state).toString()).toBe('q=%D0%BB%D1%91%D0%B4&lang=en&sort=newest');
    expect(readSearchState(writeSearchState(state))).toEqual(state);
    expect(writeSearchState(readSearchState(new URLSearchParams())).toString()).toBe('');
  });

  it('carries a search for the words as typed, uncorrected, only when asked', () => {
    const state = readSearchState(new URLSearchParams('q=гплолёд&verbatim=1'));
    expect(state.verbatim).toBe(true);
    expect(writeSearchState(state).toString()).toBe(
      'q=%D0%B3%D0%BF%D0%BB%D0%BE%D0%BB%D1%91%D0%B4&verbatim=1',
    );
    expect(readSearchState(new URLSearchParams('q=гплолёд&verbatim=0')).verbatim).toBeUndefined();
    expect(writeSearchState({ ...state, verbatim: false }).has('verbatim')).toBe(false);
  });
});
