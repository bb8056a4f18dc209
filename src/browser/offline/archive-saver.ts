import type { OfflineBuild } from '../../lib/offline/caches.ts';
import type { ArchivePage } from '../../lib/offline/plan.ts';
import {
  estimate,
  formatMegabytes,
  saveAll,
  shortage,
  shortageText,
  storedBytes,
  type SaveItem,
  type SaveProgress,
} from '../../lib/offline/save-archive.ts';
import {
  cachedKeys,
  holdsPage,
  isArchiveSaved,
  isControlled,
  loadBuild,
  loadPages,
  loadSearchFiles,
  markSaved,
} from './offline-facts.ts';

/** A message of the worker refreshing the saved archive after a deploy. */
type RefreshMessage = SaveProgress & { type: string; finished?: boolean };

/** The "save the whole archive" control: estimate, progress, pause without network, and freeing the space. */
export class ArchiveSaver extends HTMLElement {
  #build: OfflineBuild | undefined;
  #pages: ArchivePage[] = [];
  #searchFiles: SaveItem[] = [];
  #abort: AbortController | undefined;

  connectedCallback(): void {
    this.#button('save')?.addEventListener('click', () => void this.#save());
    this.#button('stop')?.addEventListener('click', () => this.#abort?.abort());
    this.#button('free')?.addEventListener('click', () => void this.#free());
    if (!('serviceWorker' in navigator) || !('caches' in window)) return this.#show('unsupported');
    // After a deploy the new build's worker refreshes what is saved before it takes over: show how it goes,
    // then the new build's figures.
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<RefreshMessage>) => {
      if (event.data?.type === 'archive-refresh' && !event.data.finished && !this.#abort)
        this.#refreshing(event.data);
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => void this.#init());
    void navigator.serviceWorker.ready.then(() => this.#init());
  }

  async #init(): Promise<void> {
    // The first visit installs the worker; until it controls the page nothing can be saved through it.
    if (!isControlled()) {
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
      );
    }
    this.#build = await loadBuild();
    [this.#pages, this.#searchFiles] = await Promise.all([
      loadPages(this.#build),
      loadSearchFiles(this.#build),
    ]);
    this.dataset['mode'] = this.#build.mode;
    await this.#showEstimate();
  }

  // Pages (with their fragments) and the search index files not yet cached; the index comes first
  // when saving, so search works offline as soon as possible.
  async #remaining(): Promise<{ pages: SaveItem[]; search: SaveItem[] }> {
    if (!this.#build) return { pages: [], search: [] };
    const [pages, search] = await Promise.all([
      cachedKeys(this.#build.caches.pages),
      cachedKeys(this.#build.caches.search),
    ]);
    return {
      pages: this.#pages.filter((page) => !holdsPage(pages, page)),
      search: this.#searchFiles.filter((file) => !search.has(file.url)),
    };
  }

  async #showEstimate(): Promise<void> {
    const build = this.#build;
    if (!build) return;
    // What a finished save or refresh said gives way to what is saved now.
    this.#text('progress', '');
    if (build.mode === 'precache') {
      this.#text(
        'estimate',
        `Весь архив (${formatMegabytes(build.shellBytes + build.archiveBytes)}) сохраняется при первом посещении.`,
      );
      return this.#show('saved');
    }
    const remaining = await this.#remaining();
    const left = estimate(remaining.pages);
    const bytesLeft = left.bytes + estimate(remaining.search).bytes;
    const total = this.#pages.length;
    this.dataset['total'] = String(total);
    this.dataset['done'] = String(total - left.count);
    if (left.count === 0 && remaining.search.length === 0) {
      await markSaved(build, true);
      dispatchEvent(new Event('archive-saved-change'));
      this.#text('estimate', `Сохранены все ${total} страниц архива.`);
      return this.#show('saved');
    }
    this.#text(
      'estimate',
      `Осталось сохранить ${left.count} из ${total} страниц, около ${formatMegabytes(bytesLeft)}.`,
    );
    const short = await lacking(remaining);
    if (short) this.#text('error', short);
    this.#show('idle');
  }

  async #save(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.#show('saving');
    // A saved archive should not be evicted when the device runs short of space; the browser decides.
    await navigator.storage?.persist?.().catch(() => false);
    // What does not fit is not started: the reader is told how much room it needs and how much is free.
    const short = await lacking(await this.#remaining());
    if (short) {
      this.#abort = undefined;
      this.#text('error', short);
      return this.#show('idle');
    }
    this.#text('error', '');
    let failed = 0;
    // The worker writes to its cache after it has answered, so a page can be fetched and not yet stored:
    // wait for the writes, and fetch again what is still missing, a few passes at most.
    const deps = {
      fetchItem,
      isOnline: () => navigator.onLine,
      waitOnline: () => new Promise<void>((done) => addEventListener('online', () => done(), { once: true })),
      signal: abort.signal,
    };
    const left = async (): Promise<number> => {
      const { pages, search } = await this.#remaining();
      return pages.length + search.length;
    };
    for (let pass = 0; pass < 3 && !abort.signal.aborted; pass += 1) {
      const { pages, search } = await this.#remaining();
      if (pages.length + search.length === 0) break;
      let searchFailed = 0;
      if (search.length > 0) {
        this.#text('progress', 'Сохраняется поисковый индекс…');
        this.#show('saving');
        ({ failed: searchFailed } = await saveAll(search, {
          ...deps,
          onProgress: (progress) => this.#pause(progress),
        }));
      }
      const already = this.#pages.length - pages.length;
      const saved = await saveAll(pages, {
        ...deps,
        onProgress: (progress) => this.#progress(progress, already),
      });
      failed = searchFailed + saved.failed;
      for (let tries = 0; tries < 25 && !abort.signal.aborted && (await left()) > 0; tries += 1) {
        await new Promise((done) => setTimeout(done, 200));
      }
    }
    this.#abort = undefined;
    this.#text('error', failed > 0 ? `Не удалось сохранить страниц: ${failed}.` : '');
    // Space that ran out on the way is said plainly (by `#showEstimate`), not as failed pages.
    await this.#showEstimate();
  }

  #pause(progress: SaveProgress): void {
    this.#show(progress.paused ? 'paused' : 'saving');
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
        caches.delete(this.#build.caches.search),
        markSaved(this.#build, false),
      ]);
    }
    dispatchEvent(new Event('archive-saved-change'));
    this.#text('error', '');
    await this.#showEstimate();
  }

  // The new build's worker fetching what changed in the saved archive.
  #refreshing(progress: SaveProgress): void {
    this.#text(
      'progress',
      `Обновляется сохранённый архив: ${progress.done} из ${progress.total} · ${formatMegabytes(progress.bytesDone)} из ${formatMegabytes(progress.bytesTotal)}`,
    );
    const bar = this.querySelector('progress');
    if (bar) {
      bar.max = Math.max(progress.bytesTotal, 1);
      bar.value = progress.bytesDone;
    }
    this.#show(progress.paused ? 'paused' : 'saving');
  }

  #show(state: string): void {
    this.dataset['state'] = state;
    const build = this.#build;
    if (!build) return void (this.dataset['saved'] = 'false');
    void isArchiveSaved(build).then((saved) => (this.dataset['saved'] = String(saved)));
  }

  #button(name: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`);
  }

  #text(name: string, text: string): void {
    const element = this.querySelector(`[data-text="${name}"]`);
    if (element) element.textContent = text;
  }
}

// The room the rest of the archive lacks, in the reader's words, or null when it fits.
async function lacking(remaining: { pages: SaveItem[]; search: SaveItem[] }): Promise<string | null> {
  if (!navigator.storage?.estimate) return null;
  const room = await navigator.storage.estimate().catch(() => ({}));
  const short = shortage(storedBytes([...remaining.pages, ...remaining.search]), room);
  return short ? shortageText(short) : null;
}

// Fetching through the service worker puts a page or search file into its cache.
async function fetchItem(item: SaveItem): Promise<boolean> {
  const response = await fetch(item.url);
  await response.arrayBuffer();
  return response.ok;
}
