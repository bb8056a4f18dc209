// Real Russian text no one here wrote, turned into seeds for measuring search: the Russian help of
// LibreOffice (real headlines, long bodies) and the Russian fortunes (short texts), both from Debian's
// packages `libreoffice-help-ru` and `fortunes-ru`. Nothing of them is committed; `--help` says how.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

const HELP_ROOT = '/usr/share/libreoffice/help/ru/text';
const FORTUNES_ROOT = '/usr/share/games/fortunes/ru';

/** One real document in the seed format. */
export interface RealSeed {
  path: string;
  text: string;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

function blocks(node: Nodes, out: string[]): void {
  if (node.type !== 'element' && node.type !== 'root') return;
  const element = node as Element;
  if (node.type === 'element' && ['header', 'aside', 'script', 'style', 'nav'].includes(element.tagName)) return;
  if (node.type === 'element' && /^(?:p|h[2-6]|li|td)$/u.test(element.tagName)) {
    const text = textOf(element).replace(/\s+/gu, ' ').trim();
    if (text) out.push(text);
    return;
  }
  for (const child of node.children) blocks(child, out);
}

function walk(folder: string, files: string[]): void {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path, files);
    else if (name.endsWith('.html')) files.push(path);
  }
}

function dateFor(index: number): string {
  const day = new Date(Date.UTC(2001, 0, 1) + index * 86_400_000 * 0.37);
  return day.toISOString().slice(0, 10);
}

/** The Russian LibreOffice help pages that hold Russian text, as seeds: headline from `<title>`. */
export function helpSeeds(): RealSeed[] {
  const files: string[] = [];
  walk(HELP_ROOT, files);
  const seeds: RealSeed[] = [];
  for (const file of files) {
    const tree = fromHtml(readFileSync(file, 'utf8'));
    const paragraphs: string[] = [];
    blocks(tree, paragraphs);
    let title = '';
    const findTitle = (node: Nodes): void => {
      if (node.type === 'element' && node.tagName === 'title') title = textOf(node).trim();
      else if ('children' in node) node.children.forEach(findTitle);
    };
    findTitle(tree);
    const body = paragraphs.filter((text) => /\p{Script=Cyrillic}/u.test(text));
    if (!title || !/\p{Script=Cyrillic}/u.test(title) || body.length === 0) continue;
    const name = relative(HELP_ROOT, file).replace(/\.html$/u, '').replaceAll('/', '-');
    seeds.push({ path: `help/${name}.txt`, text: `date ${dateFor(seeds.length)} ${title}\n\n${body.join('\n\n')}\n` });
  }
  return seeds;
}

/** The Russian fortunes in UTF-8, one seed each: the first words make the headline. */
export function fortuneSeeds(): RealSeed[] {
  const seeds: RealSeed[] = [];
  for (const name of readdirSync(FORTUNES_ROOT).sort()) {
    if (name.includes('.')) continue;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(FORTUNES_ROOT, name)));
    } catch {
      continue; // KOI8-R files: their UTF-8 twins carry the same texts
    }
    for (const fortune of text.split(/^%\s*$/mu)) {
      const lines = fortune
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('--'));
      const words = lines.join(' ').split(/\s+/u);
      if (words.length < 8 || !/\p{Script=Cyrillic}/u.test(lines.join(' '))) continue;
      const headline = words.slice(0, 6).join(' ');
      const body = lines.join('\n');
      const id = String(seeds.length).padStart(5, '0');
      seeds.push({ path: `fortunes/${name}-${id}.txt`, text: `date ${dateFor(seeds.length)} ${headline}\n\n${body}\n` });
    }
  }
  return seeds;
}

/** Writes the chosen real seeds into a folder; returns how many. */
export function writeRealCorpus(folder: string, source: 'help' | 'fortunes' | 'all', limit = Infinity): number {
  const seeds = [
    ...(source === 'fortunes' ? [] : helpSeeds()),
    ...(source === 'help' ? [] : fortuneSeeds()),
  ].slice(0, limit);
  for (const seed of seeds) {
    const path = join(folder, seed.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, seed.text);
  }
  return seeds.length;
}

if (import.meta.main) {
  const [folder, source = 'help', limit] = process.argv.slice(2);
  if (!folder || !['help', 'fortunes', 'all'].includes(source)) {
    console.error(
      'usage: npx node scripts/bench/real-corpus.ts <seeds-folder> [help|fortunes|all] [limit]\n' +
        'needs Debian packages: apt-get install -y libreoffice-help-ru fortunes-ru',
    );
    process.exit(2);
  }
  const count = writeRealCorpus(folder, source as 'help' | 'fortunes' | 'all', limit ? Number(limit) : Infinity);
  console.log(`${count} real documents written to ${folder}`);
}
