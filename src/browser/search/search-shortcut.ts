// Loaded on every page, so kept small: it opens search in place (or, on the search page, goes to
// its box) and leaves searching to src/browser/search/search-dialog.ts, loaded when search first opens.
import { searchDialogIn } from './search-dialog-markup.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName);
}

/**
 * `/` outside text fields, Ctrl+K or ⌘K anywhere. The physical keys count too, so the shortcuts
 * work under a Russian layout, where the same keys type `.` and `л`.
 */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  if (event.altKey) return false;
  const command = event.ctrlKey || event.metaKey;
  if (command) return event.key.toLowerCase() === 'k' || event.code === 'KeyK';
  const slash = event.key === '/' || (event.code === 'Slash' && !event.shiftKey);
  return slash && !isTyping(event.target);
}

/** The search page's own box, which the shortcuts focus there. */
function pageBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('main [role="search"] input[type="search"]');
}

/** Closes the dialog on Esc (also from a box with text, where Esc would first clear it) and on its backdrop. */
function closeOnDemand(dialog: HTMLDialogElement, close: () => void): void {
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  });
  dialog.addEventListener('click', (event) => {
    // The dialog's content covers all of it: a click on the dialog itself is on its backdrop.
    if (event.target === dialog || (event.target as Element).closest('[data-search-close]')) close();
  });
}

/**
 * Turns the header's search form, any `[data-search-open]` control and the shortcuts into
 * "open search in place"; without this script the form still submits to the search page.
 */
export function enhanceSearch(root: Document = document): void {
  const host = root.querySelector('search-dialog');
  let dialog: HTMLDialogElement | undefined;
  let returnTo: HTMLElement | null = null;
  // The header box gets focus back when search closes: that focus must not open it again.
  let quiet: EventTarget | null = null;

  // The browser gives focus back to where it was as the dialog closes; that must not reopen it.
  const close = (): void => {
    quiet = returnTo;
    dialog?.close();
  };
  // Made on first use, and listened to once.
  const made = (at: Element): HTMLDialogElement => {
    if (dialog) return dialog;
    const created = searchDialogIn(at);
    created.addEventListener('cancel', () => (quiet = returnTo));
    created.addEventListener('close', () => {
      quiet = returnTo;
      if (returnTo && root.activeElement !== returnTo) returnTo.focus();
      returnTo = null;
    });
    closeOnDemand(created, close);
    return (dialog = created);
  };

  const open = (query = ''): void => {
    const shown = host && made(host);
    const input = shown?.querySelector<HTMLInputElement>('input[type="search"]');
    if (!shown || !input) {
      pageBox()?.focus();
      pageBox()?.select();
      return;
    }
    if (!shown.open) {
      returnTo = root.activeElement instanceof HTMLElement ? root.activeElement : null;
      shown.showModal();
      void import('./search-dialog.ts').then(
        ({ defineSearchDialog }) => defineSearchDialog(),
        () => {
          const status = shown.querySelector('[role="status"]');
          if (status) status.textContent = 'Поиск сейчас недоступен: обновите страницу.';
        },
      );
    }
    if (query !== '') {
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.focus();
    input.select();
  };

  for (const form of root.querySelectorAll<HTMLFormElement>('form[role="search"]')) {
    if (form.closest('main, search-dialog')) continue;
    const box = form.querySelector<HTMLInputElement>('input[type="search"]');
    // An empty box opens search too, instead of asking to be filled.
    form.noValidate = true;
    box?.addEventListener('focus', () => {
      if (quiet !== box) open(box.value);
    });
    box?.addEventListener('blur', () => {
      if (quiet === box) quiet = null;
    });
    box?.addEventListener('click', () => open(box.value));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      open(box?.value);
    });
  }
  root.addEventListener('click', (event) => {
    const control = (event.target as Element | null)?.closest?.('[data-search-open]');
    if (!control) return;
    event.preventDefault();
    open();
  });
  root.addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event)) return;
    event.preventDefault();
    open();
  });
}
