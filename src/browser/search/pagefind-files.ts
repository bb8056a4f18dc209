// Pagefind's gzip files: metadata, index and filter chunks, fragments and its WebAssembly.
const GZIP_FILE = /\.pf_(?:meta|index|filter|fragment)$|\/wasm\.[^/]+\.pagefind$/u;
// The WebAssembly every instance of a language loads again: kept for each of them.
const SHARED_FILE = /\.pagefind$/u;

interface Read {
  bytes: Uint8Array;
  status: number;
  statusText: string;
}

/** A file's place without its query: Pagefind asks for its entry file with a fresh `?ts=` each time. */
function place(input: RequestInfo | URL): string {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  return `${url.origin}${url.pathname}`;
}

/** Gzip bytes decompressed by the browser. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A gzip file's bytes as Pagefind reads them once decompressed (its signature first), which it
// then takes as they are; a host that sent them decompressed already is left alone.
async function readFile(path: string, response: Response): Promise<Read> {
  const raw = new Uint8Array(await response.arrayBuffer());
  const gzipped = response.ok && GZIP_FILE.test(path) && raw[0] === 0x1f && raw[1] === 0x8b;
  return {
    bytes: gzipped ? await gunzip(raw) : raw,
    status: response.status,
    statusText: response.statusText,
  };
}

/** A Pagefind file's bytes as Pagefind reads them, decompressed by the browser. */
export async function fetchPagefindFile(url: string): Promise<Uint8Array> {
  const read = await readFile(place(url), await fetch(url));
  if (read.status !== 200) throw new Error(`search: ${url} answered ${read.status}`);
  return read.bytes;
}

const early = new Map<string, { answer: Promise<Read>; shared: boolean }>();
// The browser's own fetch, once Pagefind's requests are answered here.
let network: typeof fetch | undefined;

/**
 * Answers Pagefind's requests from the fetches `prefetch` began, and gives it its gzip files
 * decompressed by the browser: Pagefind fetches a bundle's files one after another as each
 * instance opens (entry, then metadata, then the next bundle), and inflates them in JavaScript.
 * Only Pagefind's own requests (an address alone, no options) are answered here; the network and
 * the service worker see the same requests as before, and caches keep the files as sent.
 */
export function answerPagefind(): void {
  if (network) return;
  const own = (network = globalThis.fetch.bind(globalThis));
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (init !== undefined || input instanceof Request) return own(input, init);
    const path = place(input);
    const kept = early.get(path);
    if (kept && !kept.shared) early.delete(path);
    if (!kept && !GZIP_FILE.test(path)) return own(input);
    const fresh = () => own(input).then((sent) => readFile(path, sent));
    const { bytes, status, statusText } = await (kept ? kept.answer.catch(fresh) : fresh());
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status, statusText });
  };
}

/**
 * Begins fetching `urls` now, for Pagefind to find when it asks for them; a request that fails is
 * made again when Pagefind asks.
 */
export function prefetch(urls: readonly string[]): void {
  for (const url of urls) {
    const path = place(url);
    if (early.has(path)) continue;
    const answer = (network ?? fetch)(url).then((sent) => readFile(path, sent));
    // A failure is Pagefind's to meet, when it asks.
    answer.catch(() => undefined);
    early.set(path, { answer, shared: SHARED_FILE.test(path) });
  }
}

/** Gives Pagefind `bytes` (decompressed) when it asks for `url`: a file the page fetched once for all. */
export function provide(url: string, bytes: Uint8Array): void {
  const path = place(url);
  early.set(path, {
    answer: Promise.resolve({ bytes, status: 200, statusText: 'OK' }),
    shared: SHARED_FILE.test(path),
  });
}
