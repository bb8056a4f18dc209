import type { OfflineBuild } from '../integrations/offline.ts';
import type { ArchivePage } from '../lib/offline-plan.ts';
import { estimate, formatMegabytes, saveAll, type SaveItem, type SaveProgress } from '../lib/save-archive.ts';
import {
  cachedPaths,
  isArchiveSaved,
  isControlled,
  loadBuild,
  loadPages,
  savedKey,
} from './offline-facts.ts';

/** The "save the whole archive" control: estimate, progress, pause without network, and freeing the space. */
export class ArchiveSaver extends HTMLElement {
  #build: OfflineBuild | undefined;
  #pages: ArchivePage[] = [];
  #abort: AbortController | undefined;

  connectedCallback(): void {
    this.#button('save')?.addEventListener('click', () => void this.#save());
    this.#button('stop')?.addEventListener('click', () => this.#abort?.abort());
    this.#button('free')?.addEventListener('click', () => void this.#free());
    if (!('serviceWorker' in navigator) || !('caches' in window)) return this.#show('unsupported');
    void navigator.serviceWorker.ready.then(() => this.#init());
  }

  async #init(): Promise<void> {
    // The first visit installs the worker; until it controls the page nothing can be saved through it.
    if (!isControlled()) {
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
      );
    }
    [this.#build, this.#pages] = await Promise.all([loadBuild(), loadPages()]);
    this.dataset['mode'] = this.#build.mode;
    await this.#showEstimate();
  }

  async #remaining(): Promise<SaveItem[]> {
    if (!this.#build) return [];
    const [pages, fragments] = await Promise.all([
      cachedPaths(this.#build.caches.pages),
      cachedPaths(this.#build.caches.fragments),
    ]);
    return this.#pages.filter(
      (page) => !pages.has(page.url) || (page.fragment !== null && !fragments.has(page.fragment)),
    );
  }

  async #showEstimate(): Promise<void> {
    const build = this.#build;
    if (!build) return;
    if (build.mode === 'precache') {
      this.#text(
        'estimate',
        `Весь архив (${formatMegabytes(build.shellBytes + build.archiveBytes)}) сохраняется при первом посещении.`,
      );
      return this.#show('saved');
    }
    const left = estimate(await this.#remaining());
    const total = this.#pages.length;
    this.dataset['total'] = String(total);
    this.dataset['done'] = String(total - left.count);
    if (left.count === 0) {
      localStorage.setItem(savedKey, build.build);
      dispatchEvent(new Event('archive-saved-change'));
      this.#text('estimate', `Сохранены все ${total} страниц архива.`);
      return this.#show('saved');
    }
    this.#text(
      'estimate',
      `Осталось сохранить ${left.count} из ${total} страниц, около ${formatMegabytes(left.bytes)}.`,
    );
    this.#show('idle');
  }

  async #save(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.#show('saving');
    let failed = 0;
    // The worker writes to its cache after it has answered, so a page can be fetched and not yet stored:
    // wait for the writes, and fetch again what is still missing, a few passes at most.
    for (let pass = 0; pass < 3 && !abort.signal.aborted; pass += 1) {
      const items = await this.#remaining();
      if (items.length === 0) break;
      const already = this.#pages.length - items.length;
      ({ failed } = await saveAll(items, {
        fetchItem: fetchItem,
        isOnline: () => navigator.onLine,
        waitOnline: () => new Promise((done) => addEventListener('online', () => done(), { once: true })),
        onProgress: (progress) => this.#progress(progress, already),
        signal: abort.signal,
      }));
      for (
        let tries = 0;
        tries < 25 && !abort.signal.aborted && (await this.#remaining()).length > 0;
        tries += 1
      ) {
        await new Promise((done) => setTimeout(done, 200));
      }
    }
    this.#abort = undefined;
    this.#text('error', failed > 0 ? `Не удалось сохранить страниц: ${failed}.` : '');
    await this.#showEstimate();
  }

  #progress(progress: SaveProgress, already: number): void {
    const done = already + progress.done;
    const total = already + progress.total;
    this.dataset['done'] = String(done);
    this.dataset['total'] = String(total);
    const bar = this.querySelector('progress');
    if (bar) {
      bar.max = Math.max(progress.bytesTotal, 1);
      bar.value = progress.bytesDone;
    }
    this.#text(
      'progress',
      `Сохранено ${done} из ${total} страниц · ${formatMegabytes(progress.bytesDone)} из ${formatMegabytes(progress.bytesTotal)}`,
    );
    this.#show(progress.paused ? 'paused' : 'saving');
  }

  async #free(): Promise<void> {
    this.#abort?.abort();
    if (this.#build) {
      await Promise.all([
        caches.delete(this.#build.caches.pages),
        caches.delete(this.#build.caches.fragments),
      ]);
    }
    localStorage.removeItem(savedKey);
    dispatchEvent(new Event('archive-saved-change'));
    this.#text('error', '');
    await this.#showEstimate();
  }

  #show(state: string): void {
    this.dataset['state'] = state;
    const saved = this.#build ? isArchiveSaved(this.#build) : false;
    this.dataset['saved'] = String(saved);
  }

  #button(name: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`);
  }

  #text(name: string, text: string): void {
    const element = this.querySelector(`[data-text="${name}"]`);
    if (element) element.textContent = text;
  }
}

// Fetching through the service worker puts the page and its fragment into the runtime caches.
async function fetchItem(item: SaveItem): Promise<boolean> {
  for (const url of [item.url, item.fragment]) {
    if (!url) continue;
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) return false;
  }
  return true;
}
