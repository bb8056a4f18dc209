// The search dialog's markup, made in the page when search first opens: search in place needs
// scripts anyway, and made here it costs every page nothing (1.6 kB of HTML a page when it was
// rendered into each). Its styles are global (src/components/SearchDialog.astro, src/styles/search.css).

import { resultListAttributes, SEARCH_BOX_ATTRIBUTES } from '../../lib/search/search-markup.ts';

type Child = Node | string;

function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function build(page: string): HTMLDialogElement {
  const dialog = element(
    'dialog',
    { 'aria-labelledby': 'search-dialog-title' },
    element(
      'form',
      { role: 'search', method: 'get', action: page },
      element(
        'label',
        { id: 'search-dialog-title', class: 'visually-hidden', for: 'search-dialog-q' },
        'Поиск по архиву',
      ),
      element('input', { id: 'search-dialog-q', placeholder: 'Поиск по архиву', ...SEARCH_BOX_ATTRIBUTES }),
      element(
        'button',
        { type: 'button', 'data-search-close': '', 'aria-label': 'Закрыть поиск' },
        element('span', { class: 'key' }, 'Esc'),
        element('span', { class: 'word' }, 'Закрыть'),
      ),
    ),
    element(
      'div',
      { class: 'scroll' },
      element('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      element('p', { class: 'suggestion', hidden: '' }),
      element('ol', resultListAttributes(true)),
    ),
    element(
      'p',
      { class: 'footer' },
      element('a', { class: 'all', href: page }, 'Все результаты, фильтры и порядок'),
      element(
        'span',
        { class: 'keys' },
        element('kbd', {}, '↓'),
        element('kbd', {}, '↑'),
        ' — по результатам, ',
        element('kbd', {}, 'Enter'),
        ' — открыть',
      ),
    ),
  );
  return dialog as HTMLDialogElement;
}

/** The dialog of a `<search-dialog>` host, made inside it on first use; its form and "all results" link lead to the host's `data-page`. */
export function searchDialogIn(host: Element): HTMLDialogElement {
  const made = host.querySelector('dialog');
  if (made) return made;
  const dialog = build(host.getAttribute('data-page') ?? '/search/');
  host.append(dialog);
  return dialog;
}
