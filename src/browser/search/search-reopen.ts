/** A search engine that can let go of the index it has open. */
export interface Reopenable {
  reset(): Promise<void>;
}

/**
 * After a deploy's worker takes over (`archive-updated`), the next query opens the new build's
 * index: the one open names index files the host and the caches no longer hold.
 */
export function reopenOnUpdate(engine: Reopenable): void {
  addEventListener('archive-updated', () => void engine.reset());
}
