/** Keeps the search query in the address bar: `?q=` fills the box on load and follows typing. */
export class SearchPage extends HTMLElement {
  connectedCallback(): void {
    void customElements.whenDefined('pagefind-input').then(() => this.#attach());
  }

  #attach(): void {
    const input = this.querySelector<HTMLInputElement>('pagefind-input input');
    if (!input) {
      requestAnimationFrame(() => this.#attach());
      return;
    }
    const query = new URLSearchParams(location.search).get('q') ?? '';
    if (query !== '') {
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.addEventListener('input', () => {
      const url = new URL(location.href);
      if (input.value.trim() === '') url.searchParams.delete('q');
      else url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
    });
  }
}
