// The attributes of the query box and of the result list, shared by the search page (Astro
// components) and search in place (its dialog, made in the page): the two must not drift apart.

/** The query box's attributes beside its `id` and `placeholder`: large, without the browser's corrections, with the search key on phones' keyboards. */
export const SEARCH_BOX_ATTRIBUTES = {
  class: 'search-box',
  name: 'q',
  type: 'search',
  autocomplete: 'off',
  spellcheck: 'false',
  enterkeyhint: 'search',
} as const;

/** The result list's attributes; `compact` gives the dialog's smaller headlines and shorter excerpts. */
export function resultListAttributes(compact: boolean): { class: string; 'aria-label': string } {
  return {
    class: ['search-results', 'results', ...(compact ? ['compact'] : [])].join(' '),
    'aria-label': 'Результаты поиска',
  };
}
