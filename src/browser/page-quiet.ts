// The work a page was opened for; background work waits for it, at most this long.
const held = new Set<Promise<unknown>>();
const LONGEST_HOLD_MS = 10_000;

/** Marks `work` as what the page was opened for (a search from its address): background work waits for it. */
export function holdBackground<T>(work: Promise<T>): Promise<T> {
  held.add(work);
  const done = (): boolean => held.delete(work);
  work.then(done, done);
  return work;
}

/**
 * Resolves once the page has loaded and what it was opened for has answered: the service worker's
 * first install fetches the whole shell, and on a reader's first visit it would otherwise compete
 * with the search they came for.
 */
export async function whenQuiet(): Promise<void> {
  if (document.readyState !== 'complete')
    await new Promise((loaded) => addEventListener('load', loaded, { once: true }));
  const limit = new Promise((enough) => setTimeout(enough, LONGEST_HOLD_MS));
  await Promise.race([Promise.allSettled([...held]), limit]);
}
