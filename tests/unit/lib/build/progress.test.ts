import { describe, expect, it } from 'vitest';
import { progressCounter } from '../../../../src/lib/build/progress.ts';

describe('progressCounter', () => {
  it('reports every step and the last item, with the count, total and seconds', () => {
    const lines: string[] = [];
    let clock = 1000;
    const count = progressCounter(
      (line) => lines.push(line),
      'pages rendered',
      2000,
      () => clock,
    );
    for (let item = 0; item < 4500; item += 1) {
      clock += 1;
      count(4500);
    }
    expect(lines).toEqual([
      '2,000 of 4,500 pages rendered (2.0 s)',
      '4,000 of 4,500 pages rendered (4.0 s)',
      '4,500 of 4,500 pages rendered (4.5 s)',
    ]);
  });

  it('leaves the total out when it is not known', () => {
    const lines: string[] = [];
    const count = progressCounter((line) => lines.push(line), 'documents synced', 1);
    count();
    expect(lines).toEqual([expect.stringMatching(/^1 documents synced \(\d+\.\d s\)$/u)]);
  });
});
