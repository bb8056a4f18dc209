// Search quality on real Russian documents no one here wrote (Debian's LibreOffice help, see
// real-corpus.ts): word-form recall, typo hit@10 and phrase hit@1, as readers type them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '../../tests/support/static-server.ts';
import { writeRealCorpus } from './real-corpus.ts';
import { measurePhraseSearch, type PhraseSearchFigures } from './search-phrases.ts';
import { measureTypos, type TypoFigures } from './search-typos.ts';
import { wordFormRecall, type WordFormRecall } from './search-word-forms.ts';

const HELP = '/usr/share/libreoffice/help/ru/text';

/** What the search-quality benchmark measured, or why it could not. */
export type SearchQuality =
  | {
      documents: number;
      wordForms: Omit<WordFormRecall, 'words'> & { words: undefined };
      typos: Omit<TypoFigures, 'outcomes'> & { outcomes: undefined };
      phrases: PhraseSearchFigures;
    }
  | { skipped: string };

/** Builds the real corpus under `root` and measures word forms, typos and phrases on it. */
export async function searchQuality(root: string, log: (line: string) => void): Promise<SearchQuality> {
  if (!existsSync(HELP)) return { skipped: 'needs Debian: apt-get install -y libreoffice-help-ru' };
  const seeds = join(root, 'seeds');
  const dist = join(root, 'dist');
  if (!existsSync(seeds)) writeRealCorpus(seeds, 'help');
  log('▶ astro build (real corpus: LibreOffice help in Russian)');
  const build = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    encoding: 'utf8',
    env: { ...process.env, SEEDS_DIR: seeds, ASTRO_CACHE_DIR: join(root, 'cache'), INGEST_REPORT: join(root, 'ingest.json') },
  });
  if (build.status !== 0) return { skipped: `the real corpus did not build:\n${build.stdout}${build.stderr}` };
  const server = await serveStatic(dist);
  try {
    log('▶ word forms');
    const recall = await wordFormRecall(server.url, dist);
    const wordForms = { ...recall, words: undefined };
    log('▶ typos');
    const typos = { ...(await measureTypos(dist, 150, (line) => log(`  ${line}`))), outcomes: undefined };
    log('▶ phrases');
    const phrases = await measurePhraseSearch(dist, 150);
    const documents = phrases.documents;
    return { documents, wordForms, typos, phrases };
  } finally {
    await server.close();
  }
}

/** One line of each figure against its target. */
export function qualityLines(quality: SearchQuality): string[] {
  if ('skipped' in quality) return [`search quality: skipped (${quality.skipped})`];
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  const { wordForms, typos, phrases } = quality;
  return [
    `search quality on ${quality.documents} real documents:`,
    `  word forms: dictionary form at ≥98 % of the other forms for ${wordForms.adjectives.atTarget}/${wordForms.adjectives.words} adjectives, ${wordForms.nouns.atTarget}/${wordForms.nouns.words} nouns; recall ${pct(wordForms.recall)}`,
    `  typos: hit@10 ${pct(typos.hitAt10)} on /search/, ${pct(typos.hitInPlace)} in place (target 85 %); extra bytes median ${Math.round(typos.extraBytes.median / 1000)} kB, max ${Math.round(typos.extraBytes.max / 1000)} kB (target 20 kB)`,
    `  phrases: rare three-word phrase first ${phrases.phrase.hitAt1.toFixed(1)} % (target 85 %); headline first ${phrases.headline.hitAt1.toFixed(1)} %; two headline words first ${phrases.headlineWords.hitAt1.toFixed(1)} %`,
  ];
}

if (import.meta.main) {
  const quality = await searchQuality(resolve('bench', 'real-help'), (line) => console.log(line));
  console.log(JSON.stringify(quality, null, 2));
  for (const line of qualityLines(quality)) console.log(line);
}
