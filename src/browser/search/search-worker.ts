/// <reference lib="webworker" />
import { answerPagefind, prefetch, provide } from './pagefind-files.ts';
import { instanceKey, type WorkerAsk, type WorkerReply, type WorkerResponse } from './search-worker-calls.ts';

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  matchedMetaFields?: string[];
  data: () => Promise<Record<string, unknown>>;
}
interface Instance {
  search(
    term: string | null,
    options: Record<string, unknown>,
  ): Promise<{
    results: PagefindResult[];
    unfilteredResultCount: number;
    filters: WorkerResponse['filters'];
  } | null>;
  preload(term: string): Promise<void>;
  filters(): Promise<WorkerResponse['filters']>;
  destroy(): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): Instance;
}

const instances = new Map<string, Instance>();
const modules = new Map<string, Promise<PagefindModule>>();
// The WebAssembly each `open` waits for, until the page provides it.
const provided = new Map<
  string,
  { bytes: Promise<Uint8Array | undefined>; give: (bytes?: Uint8Array) => void }
>();

function loaded(url: string): Promise<PagefindModule> {
  let module = modules.get(url);
  if (!module) {
    module = import(/* @vite-ignore */ url) as Promise<PagefindModule>;
    modules.set(url, module);
  }
  return module;
}

function wasmFor(url: string): NonNullable<ReturnType<typeof provided.get>> {
  let waiting = provided.get(url);
  if (!waiting) {
    let give: (bytes?: Uint8Array) => void = () => undefined;
    const bytes = new Promise<Uint8Array | undefined>((resolve) => (give = resolve));
    waiting = { bytes, give };
    provided.set(url, waiting);
  }
  return waiting;
}
// The results of the latest searches of each bundle, whose fragments Pagefind reads (the dev
// server's index, whose fragments are not packed): a result is asked for by its search and place.
const answered = new Map<number, PagefindResult[]>();
const KEPT_SEARCHES = 64;

// Pagefind picks an instance's index by the `lang` of the page's root element, whatever its options
// say; a worker has no page, so it is shown one naming the language while the instance is made.
function inLanguage<T>(language: string, make: () => T): T {
  const scope = globalThis as { document?: unknown };
  scope.document = { querySelector: () => ({ getAttribute: () => language }) };
  try {
    return make();
  } finally {
    delete scope.document;
  }
}

// One Pagefind module per language (its WebAssembly holds the language's stemmer); each bundle is
// an instance of it. The first instance loads the WebAssembly, which the others then share.
async function open(ask: Extract<WorkerAsk, { op: 'open' }>): Promise<void> {
  answerPagefind();
  prefetch(ask.files);
  const module = await loaded(ask.module);
  // Without the page's copy, Pagefind fetches the WebAssembly itself.
  const wasm = ask.wasm === undefined ? undefined : await wasmFor(ask.wasm).bytes;
  if (ask.wasm && wasm) provide(ask.wasm, wasm);
  const create = (bundle: string): Instance =>
    inLanguage(ask.language, () => module.createInstance({ ...ask.options, basePath: bundle }));
  const [first, ...others] = ask.bundles;
  if (first === undefined) return;
  const primary = create(first);
  instances.set(instanceKey(ask.language, first), primary);
  // A search waits for its instance to be ready; an empty one returns then. Two instances that
  // loaded the WebAssembly at once would each make the module's one copy.
  await primary.search('', {});
  for (const bundle of others) instances.set(instanceKey(ask.language, bundle), create(bundle));
}

function instance(index: string): Instance {
  const found = instances.get(index);
  if (!found) throw new Error(`search worker: ${index} is not open`);
  return found;
}

async function run(ask: WorkerAsk): Promise<unknown> {
  switch (ask.op) {
    case 'load':
      await loaded(ask.module);
      return null;
    case 'provide':
      wasmFor(ask.url).give(ask.bytes);
      return null;
    case 'open':
      return open(ask);
    case 'search': {
      const response = await instance(ask.index).search(ask.term, ask.options);
      if (!response) return null;
      answered.set(ask.call, response.results);
      for (const call of answered.keys()) if (answered.size > KEPT_SEARCHES) answered.delete(call);
      // Only what the page reads crosses to it: the page, its score, its matched words and fields.
      const results = response.results.map(({ id, score, words, matchedMetaFields }) =>
        matchedMetaFields ? { id, score, words, matchedMetaFields } : { id, score, words },
      );
      return { results, unfilteredResultCount: response.unfilteredResultCount, filters: response.filters };
    }
    case 'preload':
      return instance(ask.index).preload(ask.term);
    case 'filters':
      return instance(ask.index).filters();
    case 'data': {
      const result = answered.get(ask.search)?.[ask.place];
      if (!result) throw new Error('search worker: that search is no longer kept');
      return result.data();
    }
    case 'destroy':
      await Promise.all([...instances.values()].map((one) => one.destroy()));
      instances.clear();
      answered.clear();
      return null;
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerAsk>) => {
  const ask = event.data;
  run(ask).then(
    (value) => self.postMessage({ call: ask.call, value } satisfies WorkerReply),
    (error: unknown) => self.postMessage({ call: ask.call, error: String(error) } satisfies WorkerReply),
  );
});
