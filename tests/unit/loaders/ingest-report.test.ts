import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportIngest, type IngestSummary } from '../../../src/loaders/ingest-report.ts';

const problems = [
  { file: 'a.txt', line: 1, reason: 'empty file', severity: 'error' as const },
  { file: 'b.txt', line: 3, reason: 'date 2025-13-45 does not exist', severity: 'error' as const },
];

async function run({ strict }: { strict: boolean }, summary: Partial<IngestSummary> = {}) {
  const report = join(await mkdtemp(join(tmpdir(), 'ingest-report-')), 'nested', 'ingest.json');
  const lines: string[] = [];
  const logger = {
    info: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
  };
  const outcome = reportIngest(
    { documents: 4, problems, ignored: ['README.md'], legacyEncodings: {}, ...summary },
    logger,
    { strict, ingestReport: report },
  );
  return { outcome, lines, report };
}

describe('reportIngest', () => {
  it('prints each problem on its own line and the summary, and writes the same as JSON', async () => {
    const { outcome, lines, report } = await run({ strict: false });
    await outcome;
    expect(lines).toContain('a.txt:1: error: empty file');
    expect(lines).toContain('b.txt:3: error: date 2025-13-45 does not exist');
    expect(lines).toContain('4 documents, 2 problems');
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json).toMatchObject({
      summary: '4 documents, 2 problems',
      documents: 4,
      problems,
      ignored: ['README.md'],
      strict: false,
    });
    expect(json.lines).toEqual([
      'a.txt:1: error: empty file',
      'b.txt:3: error: date 2025-13-45 does not exist',
    ]);
  });

  it('in strict mode lists every problem before failing', async () => {
    const { outcome, lines, report } = await run({ strict: true });
    await expect(outcome).rejects.toThrow(/strict mode: 2 problems/u);
    expect(lines.filter((line) => line.includes(': error: '))).toHaveLength(2);
    expect(JSON.parse(await readFile(report, 'utf8')).strict).toBe(true);
  });

  it('prints a file name with a line break on one escaped line, in the log and the JSON report', async () => {
    const forged = {
      file: 'x.txt\nfake.txt:1: error: forged',
      line: 1,
      reason: 'empty file',
      severity: 'error' as const,
    };
    const { outcome, lines, report } = await run({ strict: false }, { problems: [forged] });
    await outcome;
    expect(lines).toContain('x.txt\\nfake.txt:1: error: forged:1: error: empty file');
    expect(lines.filter((line) => line.includes('\n'))).toEqual([]);
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.lines).toEqual(['x.txt\\nfake.txt:1: error: forged:1: error: empty file']);
    expect(json.problems[0].file).toBe(forged.file);
  });

  it('warns, naming the folder, when the seeds folder holds no document; strict mode then fails', async () => {
    const empty = { documents: 0, problems: [], folder: 'my-seeds' };
    const plain = await run({ strict: false }, empty);
    await plain.outcome;
    expect(plain.lines).toContain(
      'my-seeds/: warning: the seeds folder holds no document: the site is built empty',
    );
    const strict = await run({ strict: true }, empty);
    await expect(strict.outcome).rejects.toThrow(/strict mode: 1 problems/u);
  });
});

describe('seed files with no document among them', () => {
  it('stops the build in every mode, saying how many are Git LFS pointers', async () => {
    const summary = { documents: 0, problems, folder: 'seeds/', files: 2, lfsPointers: 2 };
    const plain = await run({ strict: false }, summary);
    await expect(plain.outcome).rejects.toThrow(
      'none of the 2 seed files in seeds/ is a document (listed above); 2 of them are Git LFS pointers: run `git lfs pull`',
    );
    expect(plain.lines).toContain('a.txt:1: error: empty file');
    expect(plain.lines).not.toContain(
      'seeds/: warning: the seeds folder holds no document: the site is built empty',
    );
  });
});
