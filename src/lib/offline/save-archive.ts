/** One URL to save and what it counts for in the progress. */
export interface SaveItem {
  url: string;
  bytes: number;
  /** Bytes it takes once stored (uncompressed), when the build gives it. */
  size?: number;
  /** The page's search fragment, saved with it. */
  fragment?: string | null;
}

/** Progress of a save: pages done of total, bytes done of total, and whether it waits for a network. */
export interface SaveProgress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  failed: number;
  paused: boolean;
}

/** What a save needs from the browser: fetching, the network state, and a way to wait for it. */
export interface SaveDeps {
  /** Fetches one item through the service worker; resolves false on an HTTP error, rejects on a network error. */
  fetchItem(item: SaveItem): Promise<boolean>;
  isOnline(): boolean;
  /** Resolves when the network is back. */
  waitOnline(): Promise<void>;
  onProgress(progress: SaveProgress): void;
  signal?: AbortSignal;
}

/** Totals of what is left to save: the size estimate shown before a save starts. */
export function estimate(items: readonly SaveItem[]): { count: number; bytes: number } {
  return { count: items.length, bytes: items.reduce((sum, item) => sum + item.bytes, 0) };
}

/** Bytes the items take once stored: what saving them needs of the browser's storage. */
export function storedBytes(items: readonly SaveItem[]): number {
  return items.reduce((sum, item) => sum + (item.size ?? item.bytes), 0);
}

/** What `navigator.storage.estimate()` tells of the site's storage. */
export interface StorageRoom {
  quota?: number;
  usage?: number;
}

/** The room a save lacks: what it needs and what is free, or null when it fits (or the browser does not say). */
export function shortage(needed: number, room: StorageRoom): { needed: number; free: number } | null {
  if (room.quota === undefined || room.usage === undefined) return null;
  const free = Math.max(0, room.quota - room.usage);
  return needed > free ? { needed, free } : null;
}

/** Tells the reader, in plain words, that the archive does not fit. */
export function shortageText({ needed, free }: { needed: number; free: number }): string {
  return `Не хватает места: сохранённый архив займёт около ${formatMegabytes(needed)}, а свободно ${formatMegabytes(free)}. Освободите память устройства и попробуйте снова.`;
}

/**
 * Fetches every item, a few at a time. Losing the network pauses the save (the item is retried when
 * it is back), an HTTP error or repeated network errors while online count as failed, and aborting
 * stops it between items.
 */
export async function saveAll(
  items: readonly SaveItem[],
  deps: SaveDeps,
  concurrency = 4,
  retries = 3,
): Promise<SaveProgress> {
  const progress: SaveProgress = {
    done: 0,
    total: items.length,
    bytesDone: 0,
    bytesTotal: estimate(items).bytes,
    failed: 0,
    paused: false,
  };
  let next = 0;
  const report = (): void => deps.onProgress({ ...progress });

  async function settle(item: SaveItem): Promise<void> {
    let networkErrors = 0;
    for (;;) {
      if (deps.signal?.aborted) return;
      if (!deps.isOnline()) {
        progress.paused = true;
        report();
        await deps.waitOnline();
        progress.paused = false;
        continue;
      }
      try {
        if (await deps.fetchItem(item)) {
          progress.done += 1;
          progress.bytesDone += item.bytes;
        } else progress.failed += 1;
        report();
        return;
      } catch {
        // The network may have gone and come back while the request was out: retry a few times, pausing
        // first if it is still gone, before counting the item as failed.
        networkErrors += 1;
        if (networkErrors >= retries && deps.isOnline()) {
          progress.failed += 1;
          report();
          return;
        }
      }
    }
  }

  async function worker(): Promise<void> {
    while (next < items.length && !deps.signal?.aborted) {
      const item = items[next++];
      if (item) await settle(item);
    }
  }

  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { ...progress };
}

/** Formats bytes as megabytes for Russian text (`1,4 МБ`). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1_000_000;
  const digits = megabytes < 10 ? 1 : 0;
  return `${new Intl.NumberFormat('ru', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(megabytes)} МБ`;
}
