import { describe, expect, it } from 'vitest';
import { formatProblem, printable } from '../../../../src/lib/seed/problems.ts';

describe('formatProblem', () => {
  it('prints a problem as file:line: severity: reason', () => {
    expect(formatProblem({ file: 'a/b.txt', line: 3, reason: 'empty file', severity: 'error' })).toBe(
      'a/b.txt:3: error: empty file',
    );
  });

  it('cannot be made to print a forged line by a file name or a reason', () => {
    const file = 'x.txt\nfake.txt:1: error: forged\r\u001b[2K\u202Etxt.exe';
    const line = formatProblem({ file, line: 1, reason: 'same slug as a\u2028b', severity: 'warning' });
    expect(line).toBe(
      'x.txt\\nfake.txt:1: error: forged\\r\\u001b[2K\\u202etxt.exe:1: warning: same slug as a\\u2028b',
    );
    expect(line.split(/[\n\r\u2028\u2029\u0085]/u)).toHaveLength(1);
  });

  it('prints fillers and other invisible characters in a file name escaped, so no name looks like another', () => {
    expect(printable('\u3164\u200B.txt')).toBe('\\u3164\\u200b.txt');
    expect(printable('👩\u200D💻.txt')).toBe('👩\u200D💻.txt');
  });

  it('leaves ordinary names in any script alone', () => {
    expect(printable('Новости/東京 レポート (1).txt')).toBe('Новости/東京 レポート (1).txt');
  });
});
