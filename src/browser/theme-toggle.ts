const KEY = 'theme';
const dark = matchMedia('(prefers-color-scheme: dark)');

function chosen(): string | undefined {
  return document.documentElement.dataset['theme'];
}

/** A button that switches between light and dark and remembers the choice in localStorage. */
export class ThemeToggle extends HTMLElement {
  #button: HTMLButtonElement | null = null;
  #sync = (): void => {
    const isDark = (chosen() ?? (dark.matches ? 'dark' : 'light')) === 'dark';
    this.#button?.setAttribute('aria-pressed', String(isDark));
  };

  connectedCallback(): void {
    this.#button = this.querySelector('button');
    if (!this.#button) return;
    this.#button.hidden = false;
    this.#button.addEventListener('click', () => {
      const next = this.#button?.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Private modes may refuse storage; the choice then lasts for this page only.
      }
      this.#sync();
    });
    dark.addEventListener('change', this.#sync);
    this.#sync();
  }

  disconnectedCallback(): void {
    dark.removeEventListener('change', this.#sync);
  }
}
