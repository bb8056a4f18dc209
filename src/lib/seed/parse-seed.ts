import { parseDateline } from './dateline.ts';
import { balanceDirection, hasVisible, invisibleCodes, withoutHidden } from './hidden-characters.ts';
import { isValidIsoDate } from './iso-date.ts';
import { boundedTitle, PARAGRAPH_LIMIT, paragraphParts, TITLE_LIMIT } from './long-text.ts';
import { normalizeChecked, type Unwritable } from './normalize-text.ts';
import type { Problem } from './problems.ts';

/** What one seed file says: a dated headline, body paragraphs and an optional dateline. */
export interface ParsedSeed {
  date: string;
  title: string;
  paragraphs: string[];
  places: string[];
  authors: string[];
}

/** The outcome of parsing one seed: a document (possibly with warnings) or only problems. */
export type ParseResult =
  | {
      ok: true;
      seed: ParsedSeed;
      problems: Problem[];
      /** Line of the dateline, when there is one. */ datelineLine?: number;
    }
  | { ok: false; problems: Problem[] };

// ` date 2025-12-26 Headline`: any spacing, any letter case for `date`.
const HEADER = /^\s*date\s+(\S+)(?:\s+(.*))?$/iu;
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;

interface Block {
  line: number;
  text: string;
}

function toBlocks(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = firstLine;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') {
      if (current.length > 0) blocks.push({ line: start, text: current.join(' ') });
      current = [];
      return;
    }
    if (current.length === 0) start = firstLine + index;
    current.push(text);
  });
  if (current.length > 0) blocks.push({ line: start, text: current.join(' ') });
  // A paragraph is shown alone and quoted in descriptions and feeds: its direction controls are
  // balanced within it, and one that draws nothing is as blank as an empty line.
  return blocks
    .filter((block) => hasVisible(block.text))
    .map((block) => ({ ...block, text: balanceDirection(block.text.replace(/ {2,}/gu, ' ')) }));
}

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function listed(codes: readonly string[]): string {
  return codes.length > 3 ? `${codes.slice(0, 3).join(', ')} and ${codes.length - 3} more` : codes.join(', ');
}

function unwritableWarning(file: string, { kind, line, codes }: Unwritable): Problem {
  const reason =
    kind === 'control'
      ? `control characters removed (${listed(codes)}): no web page or feed can hold them`
      : `not characters (${listed(codes)}): no web page or feed can hold them, shown as U+FFFD`;
  return { file, line, reason, severity: 'warning' };
}

const count = (n: number): string => n.toLocaleString('en-US');

function longTextWarnings(
  file: string,
  title: string,
  headerLine: number,
  body: readonly Block[],
): Problem[] {
  const warning = (line: number, reason: string): Problem => ({ file, line, reason, severity: 'warning' });
  const found: Problem[] = [];
  if (boundedTitle(title).cut) {
    const reason = `headline of ${count(title.length)} characters: lists, feeds, meta tags and search show its first ${TITLE_LIMIT}, its page shows it whole above the text`;
    found.push(warning(headerLine, reason));
  }
  for (const block of body) {
    if (block.text.length <= PARAGRAPH_LIMIT) continue;
    const parts = paragraphParts(block.text).length;
    found.push(
      warning(
        block.line,
        `paragraph of ${count(block.text.length)} characters: its page shows it in ${parts} parts`,
      ),
    );
  }
  return found;
}

/** Parses the text of one seed file; never throws, reports every problem with its line. */
export function parseSeed(input: string, file: string): ParseResult {
  const problem = (line: number, reason: string): Problem => ({ file, line, reason, severity: 'error' });
  const normalized = normalizeChecked(input);
  const lines = normalized.text.split('\n');
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return { ok: false, problems: [problem(1, 'empty file')] };

  const header = HEADER.exec(lines[headerIndex] ?? '');
  const headerLine = headerIndex + 1;
  if (!header) {
    return {
      ok: false,
      problems: [problem(headerLine, 'first line is not a header `date YYYY-MM-DD Headline`')],
    };
  }
  const date = header[1] ?? '';
  if (!ISO_SHAPE.test(date)) {
    return { ok: false, problems: [problem(headerLine, `date "${date}" is not in YYYY-MM-DD form`)] };
  }
  if (!isValidIsoDate(date)) {
    return { ok: false, problems: [problem(headerLine, `date ${date} does not exist`)] };
  }

  let bodyStart = headerIndex + 1;
  let written = oneLine(header[2] ?? '');
  // A header with only the date may carry its headline on the very next line.
  if (written === '' && (lines[bodyStart] ?? '').trim() !== '') {
    written = oneLine(lines[bodyStart] ?? '');
    bodyStart += 1;
  }
  if (written === '')
    return { ok: false, problems: [problem(headerLine, 'header has a date but no headline')] };
  // The headline names the document wherever it is listed: what a reader cannot see is not kept.
  const title = oneLine(withoutHidden(written));
  if (!hasVisible(title)) {
    const reason = `headline has no visible character, only ${listed(invisibleCodes(written))}`;
    // `bodyStart` is the 0-based index after the headline's line, so its 1-based line number.
    return { ok: false, problems: [problem(bodyStart, reason)] };
  }

  const blocks = toBlocks(lines.slice(bodyStart), bodyStart + 1);
  const last = blocks.at(-1);
  const dateline = blocks.length > 1 && last ? parseDateline(withoutHidden(last.text)) : undefined;
  const body = dateline ? blocks.slice(0, -1) : blocks;
  const problems = normalized.unwritable.map((found) => unwritableWarning(file, found));
  problems.push(...longTextWarnings(file, title, headerLine, body));
  if (body.length === 0) {
    problems.push({
      file,
      line: headerLine,
      reason: 'document has a headline but no body text',
      severity: 'warning',
    });
  }
  return {
    ok: true,
    seed: {
      date,
      title,
      paragraphs: body.map((block) => block.text),
      places: dateline?.places ?? [],
      authors: dateline?.authors ?? [],
    },
    problems,
    ...(dateline && last && { datelineLine: last.line }),
  };
}
