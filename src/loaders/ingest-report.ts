import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatProblem, type Problem } from '../lib/problems.ts';
import { siteConfig } from '../site-config.ts';

/** What one pass over the seeds folder found. */
export interface IngestSummary {
  documents: number;
  problems: Problem[];
  /** Files and hidden folders that are not documents and were skipped. */
  ignored: string[];
  /** Documents not read as UTF-8 or ASCII, with the encoding they were read in. */
  legacyEncodings: Record<string, string>;
  /** The seeds folder as configured, named when it holds no document. */
  folder?: string;
}

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** The one-line summary every build prints. */
export function summaryLine({ documents, problems }: Pick<IngestSummary, 'documents' | 'problems'>): string {
  return `${documents} documents, ${problems.length} problems`;
}

/**
 * Prints every problem on its own line and the summary, writes the same as JSON, and in strict
 * mode throws after listing them all.
 */
export async function reportIngest(input: IngestSummary, logger: Logger): Promise<void> {
  const { strict, ingestReport } = siteConfig;
  // An empty archive is a new one, or a folder that lost its files: it builds, and strict mode stops it.
  const empty: Problem = {
    file: `${(input.folder ?? 'seeds').replace(/\/*$/u, '')}/`,
    line: 0,
    reason: 'the seeds folder holds no document: the site is built empty',
    severity: 'warning',
  };
  const summary = input.documents > 0 ? input : { ...input, problems: [...input.problems, empty] };
  for (const problem of summary.problems) logger.warn(formatProblem(problem));
  if (summary.ignored.length > 0)
    logger.info(`skipped ${summary.ignored.length} entries that are not *.txt documents`);
  const line = summaryLine(summary);
  logger.info(line);
  await mkdir(dirname(ingestReport), { recursive: true });
  const report = {
    summary: line,
    ...summary,
    lines: summary.problems.map(formatProblem),
    strict,
    generatedAt: new Date().toISOString(),
  };
  await writeFile(ingestReport, `${JSON.stringify(report, null, 2)}\n`);
  if (strict && summary.problems.length > 0) {
    throw new Error(
      `strict mode: ${summary.problems.length} problems in seeds (listed above and in ${ingestReport})`,
    );
  }
}
