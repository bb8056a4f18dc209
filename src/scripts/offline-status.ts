import { Workbox } from 'workbox-window';
import { isArchiveSaved, isPageCached, loadBuild } from './offline-facts.ts';

const base = import.meta.env.BASE_URL;

/** Registers the service worker, shows network and archive state, and offers a waiting update. */
export class OfflineStatus extends HTMLElement {
  #workbox: Workbox | undefined;

  connectedCallback(): void {
    addEventListener('online', () => void this.#refresh());
    addEventListener('offline', () => void this.#refresh());
    addEventListener('archive-saved-change', () => void this.#refresh());
    this.querySelector('[data-update] button')?.addEventListener('click', () =>
      this.#workbox?.messageSkipWaiting(),
    );
    if ('serviceWorker' in navigator) this.#register();
    void this.#refresh();
  }

  #register(): void {
    const workbox = new Workbox(`${base}sw.js`, { scope: base });
    this.#workbox = workbox;
    workbox.addEventListener('waiting', () => {
      this.dataset['update'] = 'ready';
      this.querySelector<HTMLElement>('[data-update]')?.removeAttribute('hidden');
    });
    // Only a reader's click on "update" makes a waiting worker take over; the page then reloads into the new build.
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) location.reload();
      else void this.#refresh();
    });
    // Under `astro dev` there is no worker to register; the site then simply works online only.
    workbox.register().then(
      () => (this.dataset['registered'] = 'true'),
      () => (this.dataset['registered'] = 'false'),
    );
  }

  async #refresh(): Promise<void> {
    const online = navigator.onLine;
    this.dataset['network'] = online ? 'online' : 'offline';
    this.querySelector<HTMLElement>('[data-offline]')?.toggleAttribute('hidden', online);
    const saved = await loadBuild()
      .then(isArchiveSaved)
      .catch(() => false);
    this.dataset['saved'] = String(saved);
    this.querySelector<HTMLElement>('[data-saved]')?.toggleAttribute('hidden', !saved);
    await markLinks(online);
  }
}

// While offline, links to pages that would not open are marked; back online, the marks go.
async function markLinks(online: boolean): Promise<void> {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const url = new URL(link.href, location.href);
    const isPage =
      url.origin === location.origin && url.pathname.startsWith(base) && /\/$|\.html$/u.test(url.pathname);
    if (!isPage) continue;
    const unavailable = !online && !(await isPageCached(url.pathname));
    link.toggleAttribute('data-offline-unavailable', unavailable);
    if (unavailable) link.title = 'Не сохранено для чтения без сети';
    else if (link.title === 'Не сохранено для чтения без сети') link.removeAttribute('title');
  }
}
