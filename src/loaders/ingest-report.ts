import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatProblem, printable, type Problem } from '../lib/seed/problems.ts';
import { BuildStop } from '../build/build-stop.ts';

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
  /** Seed files found, documents or not. */
  files?: number;
  /** Seed files that are Git LFS pointers, not the documents they stand for. */
  lfsPointers?: number;
}

/** Whether problems stop the build, and where the report goes. */
export interface IngestReportSettings {
  strict: boolean;
  ingestReport: string;
}

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** The one-line summary every build prints. */
export function summaryLine({ documents, problems }: Pick<IngestSummary, 'documents' | 'problems'>): string {
  return `${documents} documents, ${problems.length} problems`;
}

// Seed files and not one document among them: a checkout without `git lfs pull`, a wrong encoding
// everywhere. Publishing would replace the site with an empty one, so the build stops in every mode.
function nothingToBuild({ files = 0, lfsPointers = 0, folder = 'seeds' }: IngestSummary): BuildStop {
  const pointers =
    lfsPointers > 0 ? `; ${lfsPointers} of them are Git LFS pointers: run \`git lfs pull\`` : '';
  return new BuildStop(
    `none of the ${files} seed files in ${printable(folder.replace(/\/*$/u, ''))}/ is a document (listed above)${pointers}`,
  );
}

/**
 * Prints every problem on its own line and the summary, writes the same as JSON, and in strict
 * mode throws after listing them all. Seed files without a single document stop the build in every
 * mode (a `BuildStop`); an empty folder builds an empty site, with a warning.
 */
export async function reportIngest(
  input: IngestSummary,
  logger: Logger,
  { strict, ingestReport }: IngestReportSettings,
): Promise<void> {
  // An empty archive is a new one, or a folder that lost its files: it builds, and strict mode stops it.
  const empty: Problem = {
    file: `${(input.folder ?? 'seeds').replace(/\/*$/u, '')}/`,
    line: 0,
    reason: 'the seeds folder holds no document: the site is built empty',
    severity: 'warning',
  };
  const stop = input.documents === 0 && (input.files ?? 0) > 0;
  const summary = input.documents > 0 || stop ? input : { ...input, problems: [...input.problems, empty] };
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
  if (stop) throw nothingToBuild(input);
  if (strict && summary.problems.length > 0) {
    throw new Error(
      `strict mode: ${summary.problems.length} problems in seeds (listed above and in ${ingestReport})`,
    );
  }
}
