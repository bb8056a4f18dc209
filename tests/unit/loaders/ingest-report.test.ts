import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const problems = [
  { file: 'a.txt', line: 1, reason: 'empty file', severity: 'error' as const },
  { file: 'b.txt', line: 3, reason: 'date 2025-13-45 does not exist', severity: 'error' as const },
];

async function run(env: Record<string, string>) {
  const report = join(await mkdtemp(join(tmpdir(), 'ingest-report-')), 'nested', 'ingest.json');
  vi.stubEnv('INGEST_REPORT', report);
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  const { reportIngest } = await import('../../../src/loaders/ingest-report.ts');
  const lines: string[] = [];
  const logger = {
    info: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
  };
  const outcome = reportIngest(
    { documents: 4, problems, ignored: ['README.md'], legacyEncodings: {} },
    logger,
  );
  return { outcome, lines, report };
}

afterEach(() => vi.unstubAllEnvs());

describe('reportIngest', () => {
  it('prints each problem on its own line and the summary, and writes the same as JSON', async () => {
    const { outcome, lines, report } = await run({ STRICT: '' });
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
    const { outcome, lines, report } = await run({ STRICT: '1' });
    await expect(outcome).rejects.toThrow(/strict mode: 2 problems/u);
    expect(lines.filter((line) => line.includes(': error: '))).toHaveLength(2);
    expect(JSON.parse(await readFile(report, 'utf8')).strict).toBe(true);
  });
});
