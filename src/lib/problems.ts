/** How serious a problem with one seed file is: errors drop the document, warnings keep it. */
export type Severity = 'error' | 'warning';

/** One thing wrong with one seed file, pointing at the line where it was found. */
export interface Problem {
  file: string;
  line: number;
  reason: string;
  severity: Severity;
}

/** Formats a problem the way compilers do: `file:line: reason`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.reason}`;
}
