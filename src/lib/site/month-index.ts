/** Tells whether a key is a month `YYYY-MM` (years 0001–9999, months 01–12). */
export function isMonthKey(key: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/u.test(key);
}

/** Counts months from the start of year 0, so that month arithmetic is plain integer arithmetic. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month `YYYY-MM` a month index stands for. */
export function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
