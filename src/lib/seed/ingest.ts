import { decodeSeed } from './decode.ts';
import { parseSeed, type ParsedSeed } from './parse-seed.ts';
import type { Problem } from './problems.ts';
import { checkSize } from './size-limit.ts';
import { slugFromPath } from './slug.ts';

/** One seed file taken from bytes to a parsed document with its URL slug, or to its problems. */
export type IngestResult =
  | {
      ok: true;
      slug: string;
      seed: ParsedSeed;
      encoding: string;
      problems: Problem[];
      /** Line of the dateline, when there is one. */
      datelineLine?: number;
    }
  | { ok: false; problems: Problem[] };

/** Limits that apply while ingesting. */
export interface IngestOptions {
  /** Largest accepted file in bytes; larger files are a problem. */
  maxBytes?: number;
}

/** Decodes and parses one seed file given its path inside the seeds folder and its bytes. */
export function ingestSeed(
  relativePath: string,
  bytes: Uint8Array,
  options: IngestOptions = {},
): IngestResult {
  const tooLarge = checkSize(relativePath, bytes.length, options.maxBytes ?? Infinity);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const decoded = decodeSeed(bytes, relativePath);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const parsed = parseSeed(decoded.text, relativePath);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    slug: slugFromPath(relativePath),
    seed: parsed.seed,
    encoding: decoded.encoding,
    problems: parsed.problems,
    ...(parsed.datelineLine !== undefined && { datelineLine: parsed.datelineLine }),
  };
}
