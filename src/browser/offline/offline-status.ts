import { Workbox } from 'workbox-window';
import { whenQuiet } from '../page-quiet.ts';
import { isArchiveSaved, isPageCached, loadBuild } from './offline-facts.ts';

const base = import.meta.env.BASE_URL;

/** Registers the service worker and shows network and archive state. */
export class OfflineStatus extends HTMLElement {
  connectedCallback(): void {
    addEventListener('online', () => {
      askRetry();
      void this.#refresh();
    });
    addEventListener('offline', () => void this.#refresh());
    addEventListener('archive-saved-change', () => void this.#refresh());
    this.#showNetwork();
    askRetry();
    // The worker's install and the archive's state (the build's list of files) wait until the
    // reader's searches pause.
    void whenQuiet().then(() => {
      if ('serviceWorker' in navigator) this.#register();
      return this.#refresh();
    });
  }

  #showNetwork(): boolean {
    const online = navigator.onLine;
    this.dataset['network'] = online ? 'online' : 'offline';
    this.querySelector<HTMLElement>('[data-offline]')?.toggleAttribute('hidden', online);
    return online;
  }

  #register(): void {
    const workbox = new Workbox(`${base}sw.js`, { scope: base });
    // A new deploy's worker takes over by itself once it holds what changed; the page shown stays as
    // it is, and the next page and search come from the new build.
    let controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // Search (`search-reopen.ts`) reopens its index with the new build's from the next query.
      if (controlled) dispatchEvent(new Event('archive-updated'));
      controlled = true;
      void this.#refresh();
    });
    // Under `astro dev` there is no worker to register; the site then simply works online only.
    workbox.register().then(
      () => (this.dataset['registered'] = 'true'),
      () => (this.dataset['registered'] = 'false'),
    );
  }

  async #refresh(): Promise<void> {
    const online = this.#showNetwork();
    const saved = await loadBuild()
      .then(isArchiveSaved)
      .catch(() => false);
    this.dataset['saved'] = String(saved);
    this.querySelector<HTMLElement>('[data-saved]')?.toggleAttribute('hidden', !saved);
    await markLinks(online);
  }
}

// The worker in control fetches again, while there is a network, what its update could not store.
function askRetry(): void {
  if ('serviceWorker' in navigator && navigator.onLine)
    navigator.serviceWorker.controller?.postMessage({ type: 'archive-retry' });
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
