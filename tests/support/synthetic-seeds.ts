import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// A deterministic generator, so every run measures the same archive.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ба ве ги до ку ле ми но пра ро сте ту фи ха це чи ша ще зна кра пре тво сла гра дру мо на ко ра то'.split(
    ' ',
  );
const ENDINGS = [
  '',
  'а',
  'ы',
  'ов',
  'ам',
  'ами',
  'ах',
  'е',
  'ой',
  'ий',
  'ая',
  'ое',
  'ые',
  'ого',
  'ому',
  'ом',
];
const PLACES = [
  'Москва',
  'Санкт-Петербург',
  'Казань',
  'Томск',
  'Новосибирск',
  'Екатеринбург',
  'Самара',
  'Владивосток',
];
const NAMES = ['Анна', 'Иван', 'Ольга', 'Пётр', 'Наталья', 'Сергей', 'Мария', 'Дмитрий'];
const SURNAMES = ['Смирнова', 'Иванов', 'Кузнецова', 'Петров', 'Соколова', 'Попов', 'Лебедева', 'Козлов'];

/**
 * Writes `count` Russian-looking seed documents: the real words of `sourceFile` mixed with
 * invented stems and endings drawn by a Zipf law, so the index grows as a real archive's does.
 */
export async function writeSyntheticSeeds(
  directory: string,
  count: number,
  sourceFile: string,
): Promise<void> {
  const next = random(20261125);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const real = ((await readFile(sourceFile, 'utf8')).match(/\p{L}+/gu) ?? []).map((word) =>
    word.toLowerCase(),
  );
  const stems = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  const word = (): string => {
    if (next() < 0.35) return pick(real);
    const rank = Math.floor(Math.pow(stems.length, next()));
    return `${stems[rank - 1] ?? stems[0]}${pick(ENDINGS)}`;
  };
  const sentence = (length: number): string => {
    const words = Array.from({ length }, word).join(' ');
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
  };
  await mkdir(directory, { recursive: true });
  for (let at = 0; at < count; at++) {
    const year = 2000 + Math.floor(next() * 26);
    const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 5) }, () =>
      Array.from({ length: 2 + Math.floor(next() * 4) }, () => sentence(8 + Math.floor(next() * 14))).join(
        ' ',
      ),
    );
    const dateline = `${pick(PLACES)}, ${pick(NAMES)} ${pick(SURNAMES)}`;
    const text = ` date ${date} ${sentence(6 + Math.floor(next() * 6)).slice(0, -1)}\n\n${paragraphs.join('\n\n')}\n\n${dateline}\n`;
    await writeFile(join(directory, `${String(at).padStart(6, '0')}.txt`), text);
  }
}
