import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The documents of the date-span fixture, and one for every January of a hundred years. */
export function writeDateSpanSeeds(directory: string): string {
  const seeds = resolve(directory);
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  cpSync('tests/fixtures/date-span', seeds, { recursive: true });
  for (let year = 1926; year <= 2025; year += 1) {
    writeFileSync(
      join(seeds, `year-${year}.txt`),
      ` date ${year}-01-15 Итоги ${year} года\n\nГод в архиве начался с короткой заметки о погоде и ценах.\n`,
    );
  }
  return seeds;
}
