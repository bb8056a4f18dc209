/**
 * Reads a whole-number setting from its environment variable's text: empty or unset gives the
 * default; anything but a whole number of at least `min` is an error naming the variable.
 */
export function parseCount(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value.trim() === '') return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, not "${value}"`);
  }
  return count;
}

/**
 * Reads a size in megabytes (decimal, `0.05` allowed) from its environment variable's text, as
 * bytes: empty or unset gives the default; anything but a number of at least 0 is an error naming it.
 */
export function parseMegabytes(name: string, value: string | undefined, fallbackMb: number): number {
  if (value === undefined || value.trim() === '') return fallbackMb * 1e6;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes < 0) {
    throw new Error(`${name} must be a number of megabytes of at least 0, not "${value}"`);
  }
  return Math.round(megabytes * 1e6);
}
