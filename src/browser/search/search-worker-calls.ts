type Counts = Record<string, Record<string, number>>;

/** What the page asks a search worker (`search-worker.ts`); `call` pairs it with the reply. */
export type WorkerAsk = { call: number } &
  /** Loads a Pagefind module ahead of the index list that says which bundles it opens. */
  (
    | { op: 'load'; module: string }
    | {
        op: 'open';
        /** The language's Pagefind module, its bundles (the first loads the WebAssembly), their options. */
        module: string;
        language: string;
        bundles: string[];
        options: Record<string, unknown>;
        /** Files to fetch at once, before Pagefind asks for them one bundle after another. */
        files: string[];
        /** The language's WebAssembly, which the page fetches once for every worker and `provide`s. */
        wasm?: string;
      }
    | { op: 'search'; index: string; term: string | null; options: Record<string, unknown> }
    | { op: 'preload'; index: string; term: string }
    | { op: 'filters'; index: string }
    | { op: 'data'; search: number; place: number }
    /** The WebAssembly an `open` waits for, decompressed; none when the page could not fetch it. */
    | { op: 'provide'; url: string; bytes?: Uint8Array }
    | { op: 'destroy' }
  );

/** A worker's answer to a search of one bundle: what the page reads of Pagefind's response. */
export interface WorkerResponse {
  results: { id: string; score: number; words: number[]; matchedMetaFields?: string[] }[];
  unfilteredResultCount: number;
  filters: Counts;
}

/** A worker's reply to one call. */
export interface WorkerReply {
  call: number;
  value?: unknown;
  error?: string;
}

/** How a worker names the instance of a language's index in a bundle (a bundle may hold several). */
export function instanceKey(language: string, bundle: string): string {
  return `${language} ${bundle}`;
}

type Ask = WorkerAsk extends infer A ? (A extends unknown ? Omit<A, 'call'> : never) : never;

/** One bundle's Pagefind instance, searched in a worker; each result reads its fragment on demand. */
export interface RemoteInstance {
  search(
    term: string | null,
    options: Record<string, unknown>,
  ): Promise<
    | (Omit<WorkerResponse, 'results'> & {
        results: (WorkerResponse['results'][number] & { data: () => Promise<Record<string, unknown>> })[];
      })
    | null
  >;
  preload(term: string): Promise<void>;
  filters(): Promise<Counts>;
}

/**
 * A worker that holds Pagefind instances and searches them off the page's thread: the bundles of a
 * large archive are searched by several at once, and the page stays free for the reader's typing.
 */
export class SearchWorker {
  readonly #worker: Worker;
  readonly #calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor() {
    this.#worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => {
      const waiting = this.#calls.get(data.call);
      this.#calls.delete(data.call);
      if (data.error === undefined) waiting?.resolve(data.value);
      else waiting?.reject(new Error(data.error));
    });
    // A worker that cannot start (its script unreachable offline, say) fails every call.
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      for (const waiting of this.#calls.values())
        waiting.reject(new Error(`search worker: ${event.message}`));
      this.#calls.clear();
    });
  }

  /** Sends one call; resolves with its reply. */
  call<T>(ask: Ask): Promise<T> {
    return this.#send<T>(ask).reply;
  }

  #send<T>(ask: Ask): { call: number; reply: Promise<T> } {
    const call = this.#next++;
    const reply = new Promise<T>((resolve, reject) => {
      this.#calls.set(call, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...ask, call });
    });
    return { call, reply };
  }

  /** The instance of a language's index in `bundle`, once an `open` call named it. */
  instance(language: string, bundle: string): RemoteInstance {
    const index = instanceKey(language, bundle);
    return {
      search: async (term, options) => {
        const { call, reply } = this.#send<WorkerResponse | null>({ op: 'search', index, term, options });
        const response = await reply;
        if (!response) return null;
        const results = response.results.map((result, place) => ({
          ...result,
          data: () => this.call<Record<string, unknown>>({ op: 'data', search: call, place }),
        }));
        return { ...response, results };
      },
      preload: (term) => this.call({ op: 'preload', index, term }),
      filters: () => this.call({ op: 'filters', index }),
    };
  }

  /** Closes its instances and the worker. */
  async close(): Promise<void> {
    await this.call({ op: 'destroy' }).catch(() => undefined);
    this.#worker.terminate();
  }
}
