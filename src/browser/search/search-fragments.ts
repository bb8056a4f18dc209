import { fragmentRange, packPlace } from '../../lib/search/fragment-packs.ts';
import { withoutSignature } from '../../lib/search/pagefind-meta.ts';
import { gunzip } from './pagefind-files.ts';

/** One language's packs in one bundle, as `bundles.json` lists them. */
export interface PackedFragments {
  /** The bundle's URL path (`/pagefind-0a1b2c3d4e5f6a7b/`). */
  bundle: string;
  pages: number;
  packs: readonly string[];
}

// Bytes `first` to `last` of a file. A host (or a cache) that ignores ranges sends it whole: the
// whole file is then kept, so its other fragments cost nothing more.
async function range(
  url: string,
  first: number,
  last: number,
  signal: AbortSignal | undefined,
): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const response = await fetch(url, { headers: { Range: `bytes=${first}-${last}` }, signal: signal ?? null });
  return answered(url, response);
}

// The whole file, checked with the host rather than taken from the browser's cache: what a read
// falls back on when a range failed.
async function wholeFile(
  url: string,
  signal: AbortSignal | undefined,
): Promise<{ bytes: Uint8Array; whole: boolean }> {
  return answered(url, await fetch(url, { cache: 'no-cache', signal: signal ?? null }));
}

async function answered(url: string, response: Response): Promise<{ bytes: Uint8Array; whole: boolean }> {
  if (!response.ok) throw new Error(`search: ${url} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return response.status === 206 ? { bytes, whole: false } : { bytes, whole: true };
}

/**
 * Reads the fragments of one language of one bundle from its packs (`src/lib/search/fragment-packs.ts`):
 * a page's pack and slot follow from its number (Pagefind's result id, in base 36), its two
 * offsets in the pack's header give the fragment's bytes, each read by a range request.
 */
export class FragmentReader {
  readonly #packed: PackedFragments;
  // Whole packs, when the host sent them whole.
  readonly #wholes = new Map<string, Uint8Array>();
  // Fragments read, as Pagefind keeps them: a page found again costs nothing. A read still under
  // way keeps the signal of the search it is for.
  readonly #fragments = new Map<
    string,
    { fragment: Promise<Record<string, unknown>>; signal?: AbortSignal }
  >();

  constructor(packed: PackedFragments) {
    this.#packed = packed;
  }

  /**
   * The fragment of the page whose result id is `id`, as Pagefind's data; its requests stop once
   * `signal` aborts (a query typed over), which leaves the connections to the query that replaced it.
   */
  read(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const kept = this.#fragments.get(id);
    if (kept && !kept.signal?.aborted) return kept.fragment;
    // A read that failed (a range a host or a cache on the way answered wrong) is made once
    // more from the whole pack, so a result is left out only when its pack cannot be had at all.
    const fragment = this.#read(id, false, signal).catch((error: unknown) => {
      if (signal?.aborted === true) throw error;
      return this.#read(id, true, signal);
    });
    const entry: { fragment: typeof fragment; signal?: AbortSignal } = signal
      ? { fragment, signal }
      : { fragment };
    this.#fragments.set(id, entry);
    fragment.then(
      () => delete entry.signal,
      () => this.#fragments.get(id) === entry && this.#fragments.delete(id),
    );
    return fragment;
  }

  async #read(id: string, whole: boolean, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    const page = Number.parseInt(id, 36);
    const { pack, slot } = packPlace(page, this.#packed.pages);
    const name = this.#packed.packs[pack];
    if (!Number.isInteger(page) || name === undefined) throw new Error(`search: no pack holds page ${id}`);
    const url = `${this.#packed.bundle}fragment/${name}.pf_pack`;
    // A pack the host sent whole holds every fragment; otherwise only the fragment's own two
    // offsets are read from the header (8 bytes, not the header's 260).
    const kept = this.#wholes.get(url);
    const read = kept
      ? { bytes: kept, whole: true }
      : whole
        ? await wholeFile(url, signal)
        : await range(url, 4 * slot, 4 * slot + 7, signal);
    if (read.whole) this.#wholes.set(url, read.bytes);
    const { start, end } = fragmentRange(read.bytes, read.whole ? slot : 0);
    const fragment = read.whole
      ? read.bytes.subarray(start, end)
      : (await range(url, start, end - 1, signal)).bytes;
    const text = new TextDecoder().decode(withoutSignature(await gunzip(fragment)));
    return JSON.parse(text) as Record<string, unknown>;
  }
}

/**
 * A result's link as Pagefind makes it: the page's URL under the site's base, with the query's
 * words as highlight parameters.
 */
export function resultUrl(base: string, raw: string, highlightParam: string, query: string): string {
  const path = `${base}/${raw}`.replace(/\/+/gu, '/');
  const url = new URL(path, 'https://example.com');
  for (const word of query.split(/\s+/u)) url.searchParams.append(highlightParam, word);
  return `${url.pathname}${url.search}${url.hash}`;
}
