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
