import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../../src/lib/document/excerpt.ts';
import { ingestSeed } from '../../../../src/lib/seed/ingest.ts';
import { newsArticle, serializeJsonLd } from '../../../../src/lib/document/json-ld.ts';
import { pageText } from '../../../../src/lib/seed/long-text.ts';
import { parseSeed, type ParsedSeed } from '../../../../src/lib/seed/parse-seed.ts';
import { feedText, latestItems } from '../../../../src/lib/site/feed.ts';
import { deriveDocument } from '../../../../src/loaders/derive-document.ts';
import { strictXml } from '../../../support/strict-xml.ts';

type Node = DefaultTreeAdapterMap['node'];

const SITE = {
  title: 'Архив',
  description: 'Описание',
  lang: 'ru',
  site: 'https://example.org/',
  base: '/',
  limit: 10,
  readMore: 'Читать на сайте',
};
// Characters no page or feed may hold (line breaks between paragraphs aside), and text that looks
// like a character reference.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNWRITABLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\p{Noncharacter_Code_Point}\p{Surrogate}]/u;
const ENTITY_LIKE = /&(?:#x?[0-9a-f]+|[a-z][a-z0-9]*);/giu;

const hostile = fc.constantFrom(
  '&#60;script&#62;',
  '&#0;',
  '&#x110000;',
  '&#99999999;',
  '&mdash;',
  '&amp;lt;',
  '\\u00a0;',
  '<b onclick="x">',
  ']]>',
  '</script>',
  '\uFFFF',
  '\uFFFE',
  '\uFDD0',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\u0007',
  '\u001b[2K',
  '\u0085',
  '\u2028',
  '\u202E',
  '\uF000tf0\uF000',
  '😀',
  '👩‍💻',
  'е\u0301',
  ' - ',
  '"',
  '«',
);
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 4, arbitrary: hostile },
  { weight: 2, arbitrary: fc.constantFrom('Переговоры', 'в', 'Кремле', 'и', 'A.', 'Б.', '2025') },
);
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' '));
// Now and then a line far past the limits, to reach the cuts of long headlines and paragraphs.
const longLine = fc
  .tuple(line, fc.integer({ min: 200, max: 1_500 }))
  .map(([text, times]) => `${text} `.repeat(times));
const document = fc
  .record({
    title: fc.oneof({ weight: 9, arbitrary: line }, { weight: 1, arbitrary: longLine }),
    paragraphs: fc.array(fc.oneof({ weight: 9, arbitrary: line }, { weight: 1, arbitrary: longLine }), {
      maxLength: 4,
    }),
    dateline: fc.option(fc.constantFrom('Москва, Анна Смирнова', 'Ⰰⰱ, Ⰲⰳ Ⰴⰵ', 'МОСКВА, Irina Li')),
  })
  .map(({ title, paragraphs, dateline }) =>
    [` date 2024-05-06 ${title}`, ...paragraphs, ...(dateline ? [dateline] : [])].join('\n\n'),
  );

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** The body HTML parsed as a browser would, with every parse error it reports. */
function strictHtml(html: string): { text: string; errors: string[] } {
  const errors: string[] = [];
  const root = parseFragment(html, { onParseError: (error) => errors.push(error.code) });
  return { text: textOf(root as Node), errors };
}

const entities = (text: string): string[] => text.match(ENTITY_LIKE) ?? [];
const spaced = (text: string): string => text.replace(/\s+/gu, ' ').trim();

async function runPipeline(seed: ParsedSeed): Promise<void> {
  const page = pageText(seed);
  const derived = deriveDocument({ file: 'doc.txt', seed }, 'ru');
  const { headline } = derived.fields;
  const description = excerpt(seed.paragraphs[0] ?? seed.title, 200);

  const body = strictHtml(derived.html);
  expect(body.errors).toEqual([]);
  for (const text of [body.text, headline, page.title, description]) expect(text).not.toMatch(UNWRITABLE);
  // Typography sets spaces, dashes and quotes; markup-like and entity-like text stays as written.
  expect(entities(body.text)).toEqual(page.paragraphs.flatMap(entities));
  expect(entities(headline)).toEqual(entities(page.title));

  const entry = { id: 'doc', data: { ...seed, title: page.title, description } };
  const items = latestItems([entry], SITE, () => derived.html);
  for (const xml of [feedText(SITE, items, 'rss'), feedText(SITE, items, 'atom')]) {
    expect(() => strictXml(xml)).not.toThrow();
    const [item] = parseFeed(xml).items;
    expect(spaced(item?.title ?? '')).toBe(spaced(page.title));
    expect(spaced(item?.description ?? '')).toBe(spaced(description));
  }
  const json = JSON.parse(feedText(SITE, items, 'json')) as { items: { title: string; summary?: string }[] };
  expect(json.items[0]?.title).toBe(page.title);

  const ld = serializeJsonLd(
    newsArticle(
      {
        title: page.title,
        description,
        date: seed.date,
        authors: seed.authors,
        places: seed.places,
        words: 1,
        lang: 'ru',
      },
      { url: 'https://example.org/doc/doc/', publisher: 'Архив' },
    ),
  );
  expect(ld).not.toMatch(/[<>&\u2028\u2029]/u);
  expect(JSON.parse(ld)).toMatchObject({ headline: page.title, description });
}

describe('the pure pipeline on hostile documents', () => {
  it('never throws, writes well-formed HTML and feeds, and keeps entity-like text literal', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (text) => {
        const parsed = parseSeed(text, 'doc.txt');
        if (parsed.ok) await runPipeline(parsed.seed);
        else expect(parsed.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('decodes the same documents from bytes in any Unicode form without throwing', () => {
    const bytes = fc
      .tuple(document, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'utf-32le'))
      .map(([text, encoding]) => {
        if (encoding === 'utf-8') return new TextEncoder().encode(text);
        const marks: Record<string, number[]> = {
          'utf-16le': [0xff, 0xfe],
          'utf-16be': [0xfe, 0xff],
          'utf-32le': [0xff, 0xfe, 0, 0],
        };
        // iconv-lite writes lone surrogates as they are in UTF-16 and replaces them in UTF-32.
        return new Uint8Array([...(marks[encoding] ?? []), ...iconv.encode(text, encoding)]);
      });
    fc.assert(
      fc.property(bytes, (input) => {
        const result = ingestSeed('doc.txt', input);
        if (!result.ok) return;
        for (const text of [result.seed.title, ...result.seed.paragraphs])
          expect(text).not.toMatch(UNWRITABLE);
      }),
      { numRuns: 150 },
    );
  });
});
