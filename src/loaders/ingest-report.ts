import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatProblem, type Problem } from '../lib/problems.ts';

/** Where each build writes its ingestion report, outside `dist/` (env `INGEST_REPORT`). */
export const REPORT_PATH = process.env['INGEST_REPORT'] ?? 'reports/ingest.json';

/** Tells whether problems should fail the build (`--strict` or `STRICT=1`). */
export function isStrict(): boolean {
  return process.argv.includes('--strict') || /^(1|true|yes)$/iu.test(process.env['STRICT'] ?? '');
}

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Prints the summary and every problem, writes them as JSON, and fails in strict mode. */
export async function reportIngest(documents: number, problems: Problem[], logger: Logger): Promise<void> {
  for (const problem of problems) logger.warn(formatProblem(problem));
  logger.info(`${documents} documents, ${problems.length} problems`);
  await mkdir(dirname(REPORT_PATH), { recursive: true });
  const report = { documents, problems, strict: isStrict(), generatedAt: new Date().toISOString() };
  await writeFile(REPORT_PATH, `${JSON.stringify(report, null, 2)}\n`);
  if (isStrict() && problems.length > 0) {
    throw new Error(`strict mode: ${problems.length} problems in seeds (see ${REPORT_PATH})`);
  }
}
