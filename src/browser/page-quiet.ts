// Background work waits for the reader's searches: until none has run for this long, and at most
// this long after the page loaded.
const QUIET_MS = 2_000;
const LONGEST_WAIT_MS = 15_000;

const held = new Set<Promise<unknown>>();
let lastHeld = Number.NEGATIVE_INFINITY;

/** Marks `work` as the reader's (a search): background work waits until such work has paused. */
export function holdBackground<T>(work: Promise<T>): Promise<T> {
  held.add(work);
  lastHeld = performance.now();
  const done = (): void => {
    held.delete(work);
    lastHeld = performance.now();
  };
  work.then(done, done);
  return work;
}

/**
 * Resolves once the page has loaded and the reader's searches have paused: the service worker's
 * first install fetches the whole shell (8.8 MB at 100,000 documents), and on a first visit it
 * would otherwise compete with the search the reader came for and the next one they type.
 */
export async function whenQuiet(): Promise<void> {
  if (document.readyState !== 'complete')
    await new Promise((loaded) => addEventListener('load', loaded, { once: true }));
  const deadline = performance.now() + LONGEST_WAIT_MS;
  for (let now = performance.now(); now < deadline; now = performance.now()) {
    const paused = now - lastHeld;
    if (held.size === 0 && paused >= QUIET_MS) return;
    const wait = held.size > 0 ? 200 : QUIET_MS - paused;
    await new Promise((later) => setTimeout(later, Math.min(wait, deadline - now)));
  }
}
