import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../../src/lib/seed/dateline.ts';
import { hasVisible, withoutHidden } from '../../../../src/lib/seed/hidden-characters.ts';
import { ingestSeed } from '../../../../src/lib/seed/ingest.ts';
import { normalizeText } from '../../../../src/lib/seed/normalize-text.ts';
import { parseSeed, type ParsedSeed } from '../../../../src/lib/seed/parse-seed.ts';
import { renderSeed } from '../../../../src/lib/seed/render-seed.ts';
import { slugFromPath } from '../../../../src/lib/seed/slug.ts';

// Text as the parser hands it out: normalised, one line, single spaces, trimmed, not empty, and
// (so that it reads back the same as a headline or a paragraph) without hidden characters.
const canonical = (text: string) => withoutHidden(normalizeText(text)).replace(/\s+/gu, ' ').trim();
const russian = fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯ ,.«»—-!?<>&"\'*#[]()0123456789');
const line = fc
  .oneof(
    fc.string({ unit: russian, minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  )
  .map(canonical)
  .filter(hasVisible);

const upper = fc.constantFrom(...'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯABCDEFGHIJKLMNOPRSTUVWZ');
const lower = fc.constantFrom(...'абвгдежзийклмнопрстуфхцчшщъыьэюяёabcdefghijklmnopqrstuvwxyz');
const word = fc.tuple(upper, fc.string({ unit: lower, minLength: 1, maxLength: 8 })).map(([a, b]) => a + b);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const isoDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Documents the seed format can express: a dateline only after body text, no body paragraph mistaken for one. */
const documents: fc.Arbitrary<ParsedSeed> = fc
  .record({
    date: isoDate,
    title: line,
    paragraphs: fc.array(line, { maxLength: 5 }),
    dateline: fc.option(
      fc.record({
        places: fc.array(words(1, 2), { minLength: 1, maxLength: 2 }),
        authors: fc.array(words(2, 3), { minLength: 1, maxLength: 3 }),
      }),
    ),
  })
  .map(({ dateline, ...rest }) => ({
    ...rest,
    places: dateline?.places ?? [],
    authors: dateline?.authors ?? [],
  }))
  .filter((doc) => {
    if (doc.places.length > 0)
      return (
        doc.paragraphs.length > 0 && `${doc.places.join(' – ')}, ${doc.authors.join(' и ')}`.length <= 160
      );
    return doc.paragraphs.length < 2 || parseDateline(doc.paragraphs.at(-1) ?? '') === undefined;
  });

/** How a real file may write the same document: header spacing, line endings, wraps, encodings. */
const styles = fc.record({
  indent: fc.constantFrom('', ' ', '\t', '  '),
  keyword: fc.constantFrom('date', 'DATE', 'Date', 'dAtE'),
  gap: fc.constantFrom(' ', '\t', '   ', ' \t '),
  titleOnNextLine: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  blank: fc.constantFrom('', ' ', '\t', '\u00A0'),
  trailing: fc.constantFrom('', ' ', '\t', '  '),
  wrapEvery: fc.integer({ min: 1, max: 6 }),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
});

type Style = typeof styles extends fc.Arbitrary<infer T> ? T : never;

function renderStyled(doc: ParsedSeed, style: Style): string {
  const wrap = (text: string) => {
    const parts = text.split(' ');
    const lines: string[] = [];
    for (let i = 0; i < parts.length; i += style.wrapEvery)
      lines.push(parts.slice(i, i + style.wrapEvery).join(' ') + style.trailing);
    return lines;
  };
  const head = `${style.indent}${style.keyword}${style.gap}${doc.date}`;
  const header = style.titleOnNextLine ? [head, doc.title] : [`${head}${style.gap}${doc.title}`];
  const blocks = [header, ...doc.paragraphs.map(wrap)];
  if (doc.places.length > 0) blocks.push([`${doc.places.join(' – ')}, ${doc.authors.join(' и ')}`]);
  return (
    blocks.map((block) => block.join(style.eol)).join(`${style.eol}${style.blank}${style.eol}`) + style.eol
  );
}

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array([...bom, ...iconv.encode(text, encoding)]);
}

function expectWellFormed(path: string, result: ReturnType<typeof ingestSeed>): void {
  if (result.ok) {
    expect(result.slug).toMatch(/^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/u);
    expect(result.seed.title).not.toBe('');
    expect([result.seed.title, ...result.seed.paragraphs].join('')).not.toMatch(/[\r\n\t\f]/u);
    for (const problem of result.problems) expect(problem.severity).toBe('warning');
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
  }
  for (const problem of result.problems) {
    expect(problem.file).toBe(path);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.reason).not.toBe('');
  }
}

describe('ingestion properties', () => {
  it('never throws on arbitrary bytes, and returns either a document or problems', () => {
    const header = new TextEncoder().encode(' date 2024-01-01 Заголовок\n\n');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([...header, ...tail])),
      fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([0xff, 0xfe, ...tail])),
      fc.string({ unit: 'binary', maxLength: 300 }).map((text) => new TextEncoder().encode(text)),
    );
    fc.assert(
      fc.property(bytes, (input) => expectWellFormed('any.txt', ingestSeed('any.txt', input))),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text, and reports problems on the line they are on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = parseSeed(text, 'any.txt');
        for (const problem of result.problems)
          expect(problem.line).toBeLessThanOrEqual(Math.max(1, normalizeText(text).split('\n').length));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back every valid document it writes: parse(renderSeed(doc)) equals doc', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const result = parseSeed(renderSeed(doc), 'doc.txt');
        expect(result.ok && result.seed).toEqual(doc);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same document however a file spells its header, line endings, wraps and encoding', () => {
    fc.assert(
      fc.property(documents, styles, (doc, style) => {
        const result = ingestSeed('doc.txt', encode(renderStyled(doc, style), style.encoding));
        expect(result.ok && result.seed).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('turns every file path into an ASCII slug of bounded length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), {
          minLength: 1,
          maxLength: 3,
        }),
        (segments) => {
          const slug = slugFromPath(`${segments.join('/')}.txt`);
          expect(slug).toMatch(/^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/u);
          expect(slug.length).toBeLessThanOrEqual(100);
          expect(slugFromPath(`${segments.join('/')}.txt`)).toBe(slug);
        },
      ),
    );
  });
});
