import type { Problem } from './problems.ts';

/** The size limit of one seed file when none is configured: 20 MB. */
export const DEFAULT_MAX_SEED_BYTES = 20 * 1024 * 1024;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** Reads a size such as `20MB`, `512 KB` or `1048576` (binary units); throws on anything else. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/iu.exec(text);
  const factor = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || factor === undefined || Number(match[1]) <= 0) {
    throw new Error(`not a size: "${text}" (write bytes, or a number with KB, MB or GB)`);
  }
  return Math.floor(Number(match[1]) * factor);
}

/** Formats a byte count the way the limit is written: `3.2 MB`, `512 KB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The problem of a file larger than the limit, or undefined when it fits. */
export function checkSize(file: string, size: number, limit: number): Problem | undefined {
  if (size <= limit) return undefined;
  const reason = `file is ${formatSize(size)}, larger than the ${formatSize(limit)} limit (MAX_SEED_SIZE)`;
  return { file, line: 1, reason, severity: 'error' };
}
