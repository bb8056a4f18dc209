// Measures related-document computation on a generated corpus: `npm run bench:related -- 10000`.
// Words come from the seeds with Russian endings added, drawn with a Zipf-like law, 300 per document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { relatedDocuments } from '../src/lib/document/related.ts';
import { termCounts } from '../src/lib/document/terms.ts';

const count = Number(process.argv[2] ?? 10_000);
const folders = ['seeds', 'tests/fixtures/seeds'];
const text = folders
  .flatMap((folder) => readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8')))
  .join(' ');
const roots = [...new Set(text.toLowerCase().match(/\p{Script=Cyrillic}{4,}/gu) ?? [])];
const endings = ['', 'а', 'ов', 'ами', 'ой', 'ую', 'ого', 'ему', 'ые', 'ых'];
const vocabulary = Array.from({ length: 20_000 }, (_, index) => {
  const root = roots[index % roots.length] as string;
  return `${root.slice(0, -1)}${'бвгдклмнпрст'[Math.floor(index / roots.length) % 12]}${endings[index % endings.length]}`;
});
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const zipf = (): string => vocabulary[Math.floor(vocabulary.length ** random()) - 1] as string;
const texts = Array.from({ length: count }, () => Array.from({ length: 300 }, zipf).join(' '));

const heapBefore = process.memoryUsage().heapUsed;
let start = performance.now();
const documents = texts.map((body, index) => ({ id: `d${index}`, terms: termCounts([body]) }));
const termsMs = performance.now() - start;
start = performance.now();
const related = relatedDocuments(documents);
const relatedMs = performance.now() - start;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const found = [...related.values()].filter((ids) => ids.length === 5).length;
console.log(
  `${count} documents: terms ${(termsMs / 1000).toFixed(2)} s, related ${(relatedMs / 1000).toFixed(2)} s, ` +
    `heap +${heapMb.toFixed(0)} MB, ${found} with 5 related`,
);
