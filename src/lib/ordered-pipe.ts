/** Hands items to an async consumer in order, one at a time, and pushes back when too many wait. */
export interface OrderedPipe<T> {
  /** Queues an item; resolves at once, or once the queue is down to `limit` when it was past it. */
  push: (item: T) => Promise<void>;
  /** Resolves once every queued item is consumed; rejects with the consumer's first error. */
  close: () => Promise<void>;
}

/** Makes an `OrderedPipe` over `consume`: a failed item fails every later `push` and `close`. */
export function orderedPipe<T>(consume: (item: T) => Promise<void>, limit: number): OrderedPipe<T> {
  const waiting: T[] = [];
  const blocked: (() => void)[] = [];
  let running: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;

  const check = (): void => {
    if (failure) throw failure.error;
  };
  const release = (): void => {
    if (waiting.length > limit && !failure) return;
    for (const resume of blocked.splice(0)) resume();
  };

  async function run(): Promise<void> {
    try {
      for (let item = waiting.shift(); item !== undefined; item = waiting.shift()) {
        await consume(item);
        release();
      }
    } catch (error) {
      failure = { error };
      waiting.length = 0;
      release();
    } finally {
      running = undefined;
    }
  }

  return {
    push: async (item) => {
      check();
      waiting.push(item);
      running ??= run();
      if (waiting.length > limit) await new Promise<void>((resume) => blocked.push(resume));
      check();
    },
    close: async () => {
      while (running) await running;
      check();
    },
  };
}
