// Word-form recall of a built site's search: for each listed word, the documents its dictionary
// form finds, against those found by any of its other forms the archive holds. Searched in
// Chromium through Pagefind's own API, bundle by bundle, with the query as the site gives it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pagefindPreload, pagefindQuery } from '../../src/lib/search/pagefind-query.ts';
import type { BundleList } from '../../src/lib/search/bundles.ts';
import { matchesQueryWords } from '../../src/lib/search/bundle-size.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { PACKED_FRAGMENT } from '../../tests/support/pagefind-api.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

/** A word by its dictionary form, and how its forms are made. */
export interface Lemma {
  word: string;
  kind: 'adjective' | 'noun';
}

/** One word's figures: its other forms found in the archive and what its dictionary form finds of theirs. */
export interface WordRecall extends Lemma {
  forms: string[];
  /** Documents found by any other form. */
  union: number;
  /** Of those, the documents the dictionary form finds. */
  found: number;
  recall: number;
}

/** Word-form recall of a site: each word's figures, and the share of words at or above the target. */
export interface WordFormRecall {
  words: WordRecall[];
  target: number;
  adjectives: { words: number; atTarget: number };
  nouns: { words: number; atTarget: number };
  /** Found over union, summed over all words. */
  recall: number;
}

// Words of LibreOffice's Russian help (`scripts/bench/real-corpus.ts help`), dictionary forms.
// Adjectives and nouns in «-ый/-ий/-ой/-ай» are those Pagefind's folding of «й» hurts.
const ADJECTIVES = [
  'новый', 'большой', 'другой', 'такой', 'какой', 'который', 'пустой', 'основной', 'текущий',
  'следующий', 'соответствующий', 'содержащий', 'существующий', 'нижний', 'верхний', 'последний',
  'внешний', 'предыдущий', 'общий', 'графический', 'пользовательский', 'автоматический', 'выбранный',
  'заданный', 'правый', 'левый', 'выделенный', 'указанный', 'открытый', 'целый', 'определенный',
  'связанный', 'скрытый', 'данный', 'самый', 'отдельный', 'нужный', 'исходный', 'обычный',
  'активный', 'видимый', 'первый', 'текстовый', 'стандартный', 'начальный', 'вертикальный',
  'горизонтальный', 'каждый', 'дополнительный', 'десятичный',
];
const NOUNS = [
  'край', 'случай', 'сценарий', 'комментарий', 'критерий', 'функция', 'версия', 'операция', 'линия',
  'категория', 'позиция', 'значение', 'условие', 'изображение', 'действие', 'приложение', 'строка',
  'кнопка', 'панель', 'ячейка', 'документ', 'таблица', 'страница', 'ссылка', 'вкладка', 'символ',
];

/** The words measured by default: 50 adjectives and 26 nouns of LibreOffice's Russian help. */
export const WORD_FORM_LEMMAS: readonly Lemma[] = [
  ...ADJECTIVES.map((word) => ({ word, kind: 'adjective' as const })),
  ...NOUNS.map((word) => ({ word, kind: 'noun' as const })),
];

const ADJECTIVE_ENDINGS = [
  'ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом',
  'ем', 'ых', 'их', 'ыми', 'ими', 'ую', 'юю', 'ою', 'ею',
];
const NOUN_ENDINGS = [
  '', 'а', 'я', 'у', 'ю', 'о', 'е', 'и', 'ы', 'ь', 'й', 'ом', 'ем', 'ой', 'ей', 'ою', 'ею', 'ью', 'ов',
  'ев', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях',
];

/** The forms of a word the vocabulary holds, its dictionary form left out: its stem with each ending of its kind. */
export function formsOf(lemma: Lemma, vocabulary: ReadonlySet<string>): string[] {
  const stem = lemma.kind === 'adjective' ? lemma.word.slice(0, -2) : lemma.word.replace(/[аяоеьй]$/u, '');
  const endings = lemma.kind === 'adjective' ? ADJECTIVE_ENDINGS : NOUN_ENDINGS;
  const forms = endings.map((ending) => stem + ending);
  return [...new Set(forms)].filter((form) => form !== lemma.word && vocabulary.has(form));
}

/** Every word of a built site's search vocabulary (`search-words/`), ё folded into е. */
export function readVocabulary(distDir: string): Set<string> {
  const folder = join(distDir, 'search-words');
  const words = new Set<string>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    const entries = JSON.parse(readFileSync(join(folder, name), 'utf8')) as [string, number][];
    for (const [word] of entries) words.add(word.replaceAll('ё', 'е'));
  }
  return words;
}

/** What one bundle answered to one query: its result ids and its first result's matched text. */
interface BundleAnswer {
  ids: string[];
  top: { content: string; locations: number[]; title: string } | null;
}

// Each bundle searched on its own (its own module, so its own worker); the first result's data
// tells a bundle that fell back on a shorter word from one that holds the query's word.
const SEARCH = `async ({ bundles, queries }) => {
  const instances = [];
  for (const { path, packs } of bundles) {
    const module = await import(path + 'pagefind.js');
    const instance = module.createInstance({ basePath: path });
    const data = (result) => (packs ? (${PACKED_FRAGMENT})(path, packs, 'ru', result) : result.data());
    instances.push({ instance, data });
  }
  const answers = [];
  for (const { query, preload } of queries) {
    answers.push(await Promise.all(instances.map(async ({ instance, data: read }) => {
      if (preload) await instance.preload(preload);
      const response = await instance.search(query);
      const results = response ? response.results : [];
      const data = results[0] ? await read(results[0]) : null;
      return {
        ids: results.map((result) => result.id),
        top: data ? { content: data.content, locations: data.locations, title: data.meta.title || '' } : null,
      };
    })));
  }
  return answers;
}`;

// The site's own rule (src/browser/search/search-engine.ts): bundles that answered with a shorter word
// than the query Pagefind was given are left out when another bundle holds that query's word.
function documentsOf(query: string, answers: BundleAnswer[]): Set<string> {
  const verdicts = answers.map(({ top }) =>
    top ? matchesQueryWords(query, top.content, top.locations, top.title) : null,
  );
  const kept = verdicts.includes(true) ? answers.filter((_, at) => verdicts[at] !== false) : answers;
  return new Set(kept.flatMap(({ ids }) => ids));
}

/** Options of a word-form measurement. */
export interface WordFormOptions {
  lemmas?: readonly Lemma[];
  /** Give Pagefind the words as typed (as the site did before it rewrote words in «й»). */
  asTyped?: boolean;
  /** The share a dictionary form must find to count as at target. */
  target?: number;
  /** The site's base path, as its pages are served. */
  base?: string;
}

/**
 * Measures word-form recall on a built site served at `siteUrl` from `distDir`: for each word
 * with at least two other forms in the archive's vocabulary, the share of the documents found by
 * any other form that its dictionary form finds too.
 */
export async function wordFormRecall(
  siteUrl: string,
  distDir: string,
  options: WordFormOptions = {},
): Promise<WordFormRecall> {
  const { lemmas = WORD_FORM_LEMMAS, asTyped = false, target = 0.98, base = '/' } = options;
  // The site's own query: src/browser/search/search-query.ts.
  const query = (typed: string) => (asTyped ? typed : pagefindQuery(typed));
  const preload = (typed: string) => (asTyped ? null : pagefindPreload(typed));
  const vocabulary = readVocabulary(distDir);
  const measured = lemmas
    .filter((lemma) => vocabulary.has(lemma.word))
    .map((lemma) => ({ ...lemma, forms: formsOf(lemma, vocabulary) }))
    .filter(({ forms }) => forms.length >= 2);
  const list = JSON.parse(readFileSync(join(distDir, 'pagefind', 'bundles.json'), 'utf8')) as BundleList;
  const bundles = list.bundles
    .filter(({ languages }) => (languages['ru'] ?? 0) > 0)
    .map(({ path, packs }) => ({ path: base + path, packs }));
  const typed = measured.flatMap(({ word, forms }) => [word, ...forms]);
  const browser = await launchBrowser();
  let answers: BundleAnswer[][];
  try {
    // The site's CSP forbids the measurement's own page expressions.
    const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${base}`);
    answers = (await page.evaluate(`(${SEARCH})(${JSON.stringify({ bundles, queries: typed.map((word) => ({ query: query(word), preload: preload(word) })) })})`)) as BundleAnswer[][];
  } finally {
    await browser.close();
  }
  const found = new Map(typed.map((word, at) => [word, documentsOf(query(word), answers[at] ?? [])]));
  const words = measured.map((lemma): WordRecall => {
    const union = new Set(lemma.forms.flatMap((form) => [...(found.get(form) ?? [])]));
    const own = found.get(lemma.word) ?? new Set<string>();
    const hit = [...union].filter((id) => own.has(id)).length;
    return { ...lemma, union: union.size, found: hit, recall: union.size === 0 ? 1 : hit / union.size };
  });
  const count = (kind: Lemma['kind']) => {
    const of = words.filter((word) => word.kind === kind);
    return { words: of.length, atTarget: of.filter((word) => word.recall >= target).length };
  };
  const sum = (key: 'found' | 'union') => words.reduce((total, word) => total + word[key], 0);
  return {
    words,
    target,
    adjectives: count('adjective'),
    nouns: count('noun'),
    recall: sum('union') === 0 ? 1 : sum('found') / sum('union'),
  };
}

if (import.meta.main) {
  const [distDir, mode] = process.argv.slice(2);
  if (!distDir) {
    console.error('usage: npx node scripts/bench/search-word-forms.ts <dist> [--as-typed]');
    process.exit(2);
  }
  const server = await serveStatic(distDir);
  try {
    const result = await wordFormRecall(server.url, distDir, {
      asTyped: mode === '--as-typed',
    });
    for (const word of result.words)
      console.log(`${word.kind.padEnd(9)} ${word.word.padEnd(18)} ${word.found}/${word.union} ${(word.recall * 100).toFixed(1)} %`);
    console.log(JSON.stringify({ ...result, words: undefined }));
  } finally {
    await server.close();
  }
}
