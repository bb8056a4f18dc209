// A deterministic synthetic archive in the seed format, for the benchmark: Russian-like text
// (real stems with case endings, so stemming has work to do), dates spread over years, datelines.

/** One generated seed file: its path inside the seeds folder and its text. */
export interface SyntheticSeed {
  path: string;
  text: string;
}

/** Options of the corpus generator. */
export interface CorpusOptions {
  /** Seed of the pseudo-random sequence: the same seed gives the same corpus. */
  seed?: number;
  /** First and last year of the documents' dates. */
  years?: readonly [number, number];
}

const STEMS = [
  'переговор', 'кремл', 'президент', 'правительств', 'министр', 'делегаци', 'соглашени', 'бюджет',
  'регион', 'город', 'завод', 'рынок', 'банк', 'суд', 'депутат', 'выбор', 'закон', 'проект',
  'граница', 'погод', 'урожа', 'школ', 'больниц', 'дорог', 'мост', 'порт', 'театр', 'музе',
  'выставк', 'турнир', 'команд', 'спортсмен', 'учен', 'исследовани', 'договор', 'кризис',
  'инвестици', 'компани', 'налог', 'пенси', 'зарплат', 'цен', 'экспорт', 'импорт', 'нефт', 'газ',
  'энергетик', 'транспорт', 'полиц', 'пожар', 'наводнени', 'урегулировани', 'визит', 'саммит',
];
const ENDINGS = ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам', 'ами', 'ах', 'и', 'ой', 'ей', 'ия', 'ий'];
const FILLERS = [
  'и', 'в', 'на', 'по', 'с', 'о', 'для', 'что', 'как', 'также', 'уже', 'не', 'при', 'после',
  'об', 'этом', 'его', 'их', 'был', 'была', 'будет', 'сообщил', 'заявил', 'отметил', 'новый',
  'российский', 'местный', 'главный', 'вчера', 'сегодня', 'неделе', 'году', 'ранее', 'вновь',
];
const SYLLABLES = ['ка', 'ло', 'ми', 'ра', 'то', 'ве', 'ни', 'ст', 'пр', 'ор', 'ен', 'ал', 'ус', 'ин'];
const PLACES = [
  'Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород',
  'Самара', 'Омск', 'Ростов-на-Дону', 'Уфа', 'Красноярск', 'Пермь', 'Воронеж', 'Волгоград',
  'Владивосток', 'Калининград', 'Иркутск', 'Мурманск', 'Сочи', 'Тверь', 'Минск', 'Брюссель',
];
const FIRST_NAMES = [
  'Наталья', 'Алексей', 'Мария', 'Дмитрий', 'Елена', 'Сергей', 'Ольга', 'Андрей', 'Ирина',
  'Павел', 'Анна', 'Михаил', 'Татьяна', 'Игорь', 'Светлана', 'Николай', 'Юлия', 'Виктор',
];
const LAST_NAMES = [
  'Петрова', 'Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Козлов',
  'Новикова', 'Морозов', 'Волкова', 'Соловьёв', 'Васильева', 'Зайцев', 'Павлова', 'Семёнов',
];

/** Mulberry32: a tiny, fast, well-distributed 32-bit generator, returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// Content words follow a Zipf-like law (rank r has weight 1/r) over a vocabulary of real stems,
// spread over ranks so that a query word matches a few percent of documents as in real news,
// and made-up words for the long tail.
const VOCABULARY = 30_000;
const STEM_RANKS = new Map(STEMS.map((stem, index) => [40 + index * 23, stem]));

function madeUpWord(rank: number): string {
  let word = '';
  for (let rest = rank + SYLLABLES.length ** 2; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) {
    word += SYLLABLES[rest % SYLLABLES.length];
  }
  return word;
}

function word(random: Random): string {
  if (random() < 0.4) return pick(random, FILLERS);
  const rank = Math.floor(Math.exp(random() * Math.log(VOCABULARY)));
  const stem = STEM_RANKS.get(rank);
  return stem === undefined ? madeUpWord(rank) : stem + pick(random, ENDINGS);
}

function sentence(random: Random): string {
  const words = Array.from({ length: between(random, 6, 16) }, () => word(random));
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function paragraph(random: Random): string {
  return Array.from({ length: between(random, 2, 5) }, () => sentence(random)).join(' ');
}

function isoDate(random: Random, years: readonly [number, number]): string {
  const year = between(random, years[0], years[1]);
  const month = between(random, 1, 12);
  const day = between(random, 1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateline(random: Random): string {
  const names = Array.from({ length: random() < 0.85 ? 1 : 2 }, () => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`);
  return `${pick(random, PLACES)}, ${names.join(', ')}`;
}

/** Generates document number `index` of a corpus; each document depends only on the seed and index. */
export function syntheticSeed(index: number, options: CorpusOptions = {}): SyntheticSeed {
  const random = createRandom((options.seed ?? 1) * 1_000_003 + index);
  const date = isoDate(random, options.years ?? [1995, 2025]);
  const title = sentence(random).slice(0, -1);
  const paragraphs = Array.from({ length: between(random, 4, 10) }, () => paragraph(random));
  if (random() < 0.8) paragraphs.push(dateline(random));
  const text = ` date ${date} ${title}\n\n${paragraphs.join('\n\n')}\n`;
  return { path: `${date.slice(0, 4)}/${String(index).padStart(6, '0')}.txt`, text };
}

/** Yields `count` documents of a corpus, in order. */
export function* syntheticCorpus(count: number, options: CorpusOptions = {}): Generator<SyntheticSeed> {
  for (let index = 0; index < count; index += 1) yield syntheticSeed(index, options);
}
