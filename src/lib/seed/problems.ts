/** How serious a problem with one seed file is: errors drop the document, warnings keep it. */
export type Severity = 'error' | 'warning';

/** One thing wrong with one seed file, pointing at the line where it was found. */
export interface Problem {
  file: string;
  /** 1-based line; 0 when the problem is the file or folder as a whole. */
  line: number;
  reason: string;
  severity: Severity;
}

// Control characters and the ones that reorder text (bidi overrides, isolates, marks) would let a
// file name print a line of its own, or one that reads differently from what it holds; fillers and
// other invisible ones (U+3164, U+200B, U+FEFF) would print a name that looks like another.
const UNPRINTABLE =
  /[\p{Cc}\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\u3164\uFEFF\uFFA0]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes control and text-direction characters as `\n`, `\r`, `\t` or `\uXXXX`, so text stays on one printed line. */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Formats a problem the way compilers do, `file:line: severity: reason`, on exactly one line. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${printable(problem.file)}:${problem.line}` : printable(problem.file);
  return `${where}: ${problem.severity}: ${printable(problem.reason)}`;
}
