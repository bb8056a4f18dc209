/** The search box a shortcut should focus: the search page's own box first, else the header's. */
export function searchBox(root: ParentNode = document): HTMLInputElement | null {
  return (
    root.querySelector<HTMLInputElement>('main [role="search"] input[type="search"]') ??
    root.querySelector<HTMLInputElement>('[role="search"] input[type="search"]')
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName);
}

/** Focuses the search box on `/` (outside text fields) and on Ctrl+K or ⌘K (anywhere). */
export function onSearchShortcut(event: KeyboardEvent): void {
  const command = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  const slash =
    event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (!command && !slash) return;
  const box = searchBox();
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
}
