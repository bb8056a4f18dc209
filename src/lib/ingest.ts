import { decodeSeed } from './decode.ts';
import { parseSeed, type ParsedSeed } from './parse-seed.ts';
import type { Problem } from './problems.ts';
import { slugFromPath } from './slug.ts';

/** Bumped whenever parsing or rendering changes, so cached entries are rebuilt. */
export const INGEST_VERSION = '2';

/** One seed file taken from bytes to a parsed document with its URL slug, or to its problems. */
export type IngestResult =
  { ok: true; slug: string; seed: ParsedSeed; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Decodes and parses one seed file given its path inside the seeds folder and its bytes. */
export function ingestSeed(relativePath: string, bytes: Uint8Array): IngestResult {
  const decoded = decodeSeed(bytes, relativePath);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const parsed = parseSeed(decoded.text, relativePath);
  if (!parsed.ok) return parsed;
  return { ok: true, slug: slugFromPath(relativePath), seed: parsed.seed, problems: parsed.problems };
}
