import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCases } from '../../../fixtures/ingest-cases.ts';
import { ingestSeed } from '../../../../src/lib/seed/ingest.ts';

const folder = 'tests/fixtures/ingest';
const read = (path: string) => readFile(join(folder, path));

describe('the ingestion fixtures', () => {
  it('hold exactly the bytes their script writes', async () => {
    for (const { path, bytes } of ingestCases) expect([...(await read(path))], path).toEqual([...bytes]);
  });

  for (const { path, outcome } of ingestCases) {
    if ('ignored' in outcome) continue;
    if ('problem' in outcome) {
      it(`reports ${path} as a problem on line ${outcome.line}`, async () => {
        const result = ingestSeed(path, await read(path));
        // A slug collision is found across files (in the loader); alone the file is a page.
        if (path === 'slug-collision.txt') return expect(result.ok).toBe(true);
        expect(result.ok).toBe(false);
        expect(result.problems).toHaveLength(1);
        const [problem] = result.problems;
        expect(problem).toMatchObject({ file: path, line: outcome.line, severity: 'error' });
        expect(problem?.reason).toMatch(outcome.problem);
      });
      continue;
    }
    it(`turns ${path} into the document "${outcome.title.slice(0, 40)}"`, async () => {
      const result = ingestSeed(path, await read(path));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.slug).toBe(outcome.page);
      expect(result.seed.title).toBe(outcome.title);
      if (outcome.body !== undefined) expect(result.seed.paragraphs[0]).toBe(outcome.body);
      expect(result.seed.places).toEqual(outcome.places ?? []);
      expect(result.seed.authors).toEqual(outcome.authors ?? []);
      const text = [result.seed.title, ...result.seed.paragraphs].join('\n');
      expect(text).not.toMatch(/[\r\t\f\u00A0\u200B\u00AD\uFEFF]/u);
      expect(text).toBe(text.normalize('NFC'));
      if (outcome.warning) expect(result.problems[0]?.reason).toMatch(outcome.warning);
      else expect(result.problems).toEqual([]);
    });
  }
});
