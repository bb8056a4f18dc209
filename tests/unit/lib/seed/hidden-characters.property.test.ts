import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../../src/lib/document/excerpt.ts';
import { balanceDirection, hasVisible, withoutHidden } from '../../../../src/lib/seed/hidden-characters.ts';
import { pageText } from '../../../../src/lib/seed/long-text.ts';
import { parseSeed } from '../../../../src/lib/seed/parse-seed.ts';

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
const OPENERS: Record<string, 'embedding' | 'isolate'> = {
  '\u202A': 'embedding',
  '\u202B': 'embedding',
  '\u202D': 'embedding',
  '\u202E': 'embedding',
  '\u2066': 'isolate',
  '\u2067': 'isolate',
  '\u2068': 'isolate',
};

/** Whether every embedding is closed by a PDF and every isolate by a PDI, properly nested. */
function balanced(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    const kind = OPENERS[char];
    if (kind) open.push(kind);
    else if (char === '\u202C' && open.pop() !== 'embedding') return false;
    else if (char === '\u2069' && open.pop() !== 'isolate') return false;
  }
  return open.length === 0;
}

const hidden = fc.constantFrom(
  ...'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u3164\u115F\u1160\uFFA0\u200B\u200C\u200D\u2800\uFE0F',
);
const letter = fc.constantFrom(...'абв abc שלום مرحبا 1 😀 е\u0301 '.split(''));
const field = fc.string({ unit: fc.oneof(hidden, letter), maxLength: 40 });

describe('direction controls, as properties', () => {
  it('balanceDirection always gives balanced text, keeps every other character, and is idempotent', () => {
    fc.assert(
      fc.property(field, (text) => {
        const out = balanceDirection(text);
        expect(balanced(out)).toBe(true);
        expect(out.replace(CONTROLS, '')).toBe(text.replace(CONTROLS, ''));
        expect(balanceDirection(out)).toBe(out);
      }),
      { numRuns: 1_000 },
    );
  });

  it('withoutHidden leaves no direction control, mark or filler, and is idempotent', () => {
    fc.assert(
      fc.property(field, (text) => {
        const out = withoutHidden(text);
        expect(out).not.toMatch(
          /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u3164\u115F\u1160\uFFA0\u200B]/u,
        );
        expect(withoutHidden(out)).toBe(out);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a parsed document has a visible headline without controls, and balanced paragraphs, parts and description', () => {
    const doc = fc
      .tuple(
        field,
        fc.array(
          fc.oneof(
            field,
            field.map((text) => text.repeat(400)),
          ),
          { maxLength: 4 },
        ),
      )
      .map(([title, paragraphs]) => [` date 2024-05-06 ${title}`, ...paragraphs].join('\n\n'));
    fc.assert(
      fc.property(doc, (text) => {
        const result = parseSeed(text, 'doc.txt');
        if (!result.ok) return;
        const { seed } = result;
        expect(seed.title).not.toMatch(CONTROLS);
        expect(hasVisible(seed.title)).toBe(true);
        const page = pageText(seed);
        const description = excerpt(seed.paragraphs[0] ?? seed.title, 200);
        for (const part of [...seed.paragraphs, ...page.paragraphs, description])
          expect(balanced(part), JSON.stringify(part)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
