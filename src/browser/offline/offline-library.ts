import { cachedKeys, holdsPage, isControlled, loadBuild, loadPages } from './offline-facts.ts';

/** Lists the documents that open without a network, refreshed when a save finishes or space is freed. */
export class OfflineLibrary extends HTMLElement {
  connectedCallback(): void {
    addEventListener('archive-saved-change', () => void this.#render());
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => void this.#render());
    void navigator.serviceWorker.ready.then(() => this.#render());
  }

  async #render(): Promise<void> {
    const build = await loadBuild();
    const pages = await loadPages(build);
    const controlled = isControlled();
    const cached = build.mode === 'precache' ? null : await cachedKeys(build.caches.pages);
    const available = pages.filter(
      (page) => page.title !== null && controlled && (cached === null || holdsPage(cached, page)),
    );
    const list = this.querySelector('ul');
    if (!list) return;
    list.replaceChildren(
      ...available.map((page) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = page.url;
        // Titles come from documents: set as text, never as markup.
        link.textContent = page.title;
        item.append(link);
        return item;
      }),
    );
    this.dataset['count'] = String(available.length);
    const summary = this.querySelector('[data-text="summary"]');
    if (summary) {
      summary.textContent =
        available.length === 0
          ? 'Пока ни один материал не сохранён для чтения без сети.'
          : `Без сети откроются материалы: ${available.length}.`;
    }
  }
}
