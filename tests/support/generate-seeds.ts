import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../scripts/bench/corpus.ts';

// A small vocabulary of news words in several forms, so stemming and search have something to find.
const words = (
  'переговоры переговоров кремль Кремле правительство правительства министр министра заявил заявила ' +
  'россия России город города жители жителей зима зимой гололёд гололеда снег снега дорога дороги ' +
  'суд суда решение решения закон закона бюджет бюджета рубль рублей школа школы врачи врачей ' +
  'выборы выборов депутаты депутатов компания компании рынок рынка цены цен погода погоды'
).split(' ');
const places = ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург', 'Самара'];
const names = ['Наталья Петрова', 'Иван Смирнов', 'Ольга Кузнецова', 'Павел Соколов', 'Анна Волкова'];

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 10);
  const text = Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Writes `count` seed documents (about 1.5 kB of Russian news text each) into `directory`. */
export function generateSeeds(directory: string, count: number): void {
  mkdirSync(directory, { recursive: true });
  // The benchmark's deterministic generator: the same count always gives the same archive.
  const next = createRandom(count);
  for (let index = 0; index < count; index += 1) {
    const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => sentence(next)).join(' '),
    );
    const place = places[index % places.length];
    const author = names[index % names.length];
    const text = ` date ${day} Материал ${index + 1}: ${sentence(next).slice(0, -1)}\n\n${paragraphs.join('\n\n')}\n\n${place}, ${author}\n`;
    writeFileSync(join(directory, `generated-${String(index).padStart(5, '0')}.txt`), text);
  }
}

// `node tests/support/generate-seeds.ts <directory> <count>` writes a corpus for measuring.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [directory, count] = process.argv.slice(2);
  if (!directory || !count) throw new Error('usage: generate-seeds.ts <directory> <count>');
  generateSeeds(directory, Number(count));
}
