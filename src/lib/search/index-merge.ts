import { CborCursor, cborHead, type CborValue } from './cbor.ts';
import type { IndexWord } from './index-chunks.ts';

/** One run's words of a language, in key order, and how many pages of that language it holds. */
export interface RunWords {
  words: readonly IndexWord[];
  pages: number;
}

// A list of a word's pages as Pagefind writes it: each page an array whose first item is its
// number as a step from the page before (the first from 0); the rest (positions, weights, positions
// in meta fields) is the page's own and is kept byte for byte.
interface PageList {
  bytes: Uint8Array;
  count: number;
  /** Where the first page's step begins and ends in `bytes`, and its value. */
  stepAt: number;
  stepEnd: number;
  step: number;
  /** The number of the list's last page. */
  last: number;
}

function pageList(cursor: CborCursor): PageList {
  const head = cursor.head();
  if (head.major !== 4) throw new Error("pf_index: a word's pages expected");
  const start = cursor.at;
  let last = 0;
  let stepAt = 0;
  let stepEnd = 0;
  let step = 0;
  for (let left = head.value; left > 0; left -= 1) {
    const page = cursor.head();
    if (page.major !== 4 || page.value < 1) throw new Error('pf_index: a page entry expected');
    const at = cursor.at;
    const number = cursor.head();
    if (number.major !== 0) throw new Error("pf_index: a page's number expected");
    if (left === head.value) [stepAt, stepEnd, step] = [at - start, cursor.at - start, number.value];
    last += number.value;
    for (let part = 1; part < page.value; part += 1) cursor.skip();
  }
  return { bytes: cursor.bytes.subarray(start, cursor.at), count: head.value, stepAt, stepEnd, step, last };
}

interface ParsedWord {
  key: string;
  pages: PageList;
  /** The forms Pagefind recorded under the key, each with its pages; undefined when the entry has none. */
  forms: { form: string; pages: PageList }[] | undefined;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const text = (cursor: CborCursor, what: string): string => {
  const head = cursor.head();
  if (head.major !== 3) throw new Error(`pf_index: ${what} expected`);
  return decoder.decode(cursor.take(head.value));
};

function parseWord(word: IndexWord): ParsedWord {
  const cursor = new CborCursor(word.bytes);
  const parts = cursor.head();
  if (parts.major !== 4 || parts.value < 2 || parts.value > 3) throw new Error('pf_index: a word expected');
  const key = text(cursor, "a word's key");
  const pages = pageList(cursor);
  if (parts.value === 2) return { key, pages, forms: undefined };
  const list = cursor.head();
  if (list.major !== 4) throw new Error("pf_index: a word's forms expected");
  const forms = Array.from({ length: list.value }, () => {
    if (cursor.head().value !== 2) throw new Error('pf_index: a form expected');
    return { form: text(cursor, 'a form'), pages: pageList(cursor) };
  });
  return { key, pages, forms };
}

// Pieces of bytes, joined once at the end.
class Bytes {
  readonly parts: Uint8Array[] = [];
  length = 0;

  push(bytes: Uint8Array | readonly number[]): void {
    const part = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.parts.push(part);
    this.length += part.length;
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

const utf8 = (value: string): Uint8Array => encoder.encode(value);

// The page lists of one word from several runs as one list: each run's pages move up by the pages
// of the runs before it, which changes only the step of its first page.
function joinPages(out: Bytes, lists: readonly { list: PageList; offset: number }[]): void {
  out.push(
    cborHead(
      4,
      lists.reduce((sum, { list }) => sum + list.count, 0),
    ),
  );
  let previous = 0;
  for (const { list, offset } of lists) {
    if (list.count === 0) continue;
    out.push(list.bytes.subarray(0, list.stepAt));
    out.push(cborHead(0, offset + list.step - previous));
    out.push(list.bytes.subarray(list.stepEnd));
    previous = offset + list.last;
  }
}

// A UTF-16 code unit moved so that code units order as code points (and UTF-8 bytes) do:
// surrogates above U+E000–U+FFFF.
const unit = (code: number): number => (code < 0xd800 ? code : code >= 0xe000 ? code - 0x800 : code + 0x2000);

/** Orders strings as Pagefind orders its keys: by their UTF-8 bytes. */
export function byteOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let at = 0; at < length; at += 1) {
    const difference = unit(a.charCodeAt(at)) - unit(b.charCodeAt(at));
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

interface RunEntry {
  word: ParsedWord;
  offset: number;
  raw: IndexWord;
}

function mergeWord(entries: readonly RunEntry[]): IndexWord {
  const first = entries[0] as { word: ParsedWord };
  const { key } = first.word;
  const out = new Bytes();
  const hasForms = entries.some(({ word }) => word.forms !== undefined);
  out.push(cborHead(4, hasForms ? 3 : 2));
  const keyBytes = utf8(key);
  out.push(cborHead(3, keyBytes.length));
  out.push(keyBytes);
  joinPages(
    out,
    entries.map(({ word, offset }) => ({ list: word.pages, offset })),
  );
  if (hasForms) {
    const forms = new Map<string, { list: PageList; offset: number }[]>();
    for (const { word, offset } of entries)
      for (const { form, pages } of word.forms ?? []) {
        const lists = forms.get(form) ?? [];
        lists.push({ list: pages, offset });
        forms.set(form, lists);
      }
    // Pagefind lists forms in the order their first page was indexed: the runs' order, then each run's.
    out.push(cborHead(4, forms.size));
    for (const form of forms.keys()) {
      const formBytes = utf8(form);
      out.push(cborHead(4, 2));
      out.push(cborHead(3, formBytes.length));
      out.push(formBytes);
      joinPages(out, forms.get(form) ?? []);
    }
  }
  return { key, bytes: out.join() };
}

/**
 * The words of runs of consecutive pages (each in key order, each numbering its pages from 0) as
 * the words of one index of all their pages, in key order: what Pagefind writes for the pages
 * indexed together.
 */
export function mergeWords(runs: readonly RunWords[]): IndexWord[] {
  const byKey = new Map<string, RunEntry[]>();
  let offset = 0;
  for (const run of runs) {
    for (const raw of run.words) {
      const word = parseWord(raw);
      const entries = byKey.get(word.key) ?? [];
      entries.push({ word, offset, raw });
      byKey.set(word.key, entries);
    }
    offset += run.pages;
  }
  const keys = [...byKey.keys()];
  // Without characters past U+FFFF, code-unit order is byte order, and the default sort is several times faster.
  if (keys.some((key) => /[\u{10000}-\u{10ffff}]/u.test(key))) keys.sort(byteOrder);
  else keys.sort();
  return keys.map((key) => {
    const entries = byKey.get(key) ?? [];
    const [only] = entries;
    // A key of the first run alone keeps its bytes: its pages are numbered as they were.
    return entries.length === 1 && only?.offset === 0 ? only.raw : mergeWord(entries);
  });
}

/** A filter as Pagefind writes it: its name, and each value with the numbers of its pages. */
export type Filter = [string, [string, number[]][]];

/** One filter of several runs of consecutive pages as one: each run's pages moved up by the pages before it. */
export function mergeFilter(name: string, runs: readonly { values: Filter[1]; pages: number }[]): Filter {
  const values = new Map<string, number[]>();
  let offset = 0;
  for (const run of runs) {
    for (const [value, pages] of run.values) {
      const list = values.get(value) ?? [];
      list.push(...pages.map((page) => page + offset));
      values.set(value, list);
    }
    offset += run.pages;
  }
  return [name, [...values.keys()].sort(byteOrder).map((value) => [value, values.get(value) ?? []])];
}

/** The filter file's value, checked to be a filter. */
export function asFilter(value: CborValue): Filter {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || !Array.isArray(value[1]))
    throw new Error('pf_filter: not a filter (name, values)');
  return value as Filter;
}
