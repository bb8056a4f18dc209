import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../../../src/lib/seed/decode.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)),
  );
const encoded = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const decoded = (input: Uint8Array) => {
  const result = decodeSeed(input, 'f.txt');
  if (!result.ok) throw new Error(result.problem.reason);
  return result;
};
const reason = (input: Uint8Array) => {
  const result = decodeSeed(input, 'f.txt');
  if (result.ok) throw new Error(`decoded as ${result.encoding}`);
  return result.problem;
};

// Real Russian sentences from one word to a paragraph: the Windows-1251 / KOI8-R hard case.
// (A four-letter «Щука» in Windows-1251 reads as MacCyrillic: the only miss measured here.)
const SENTENCES = [
  'Привет',
  'Эх, хорошо!',
  'Курс рубля укрепился',
  'Мороз и солнце; день чудесный!',
  'Жёсткий гололёд в Петербурге',
  'Он сказал, что всё будет хорошо.',
  'Сборная России сыграла вничью с Сербией',
  'Метро Москвы изменит режим работы в новогоднюю ночь',
  'Съешь же ещё этих мягких французских булок, да выпей чаю.',
  'Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему.',
  'Широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства.',
  'В Кремле уже проанализировали информацию, полученную от спецпредставителя президента РФ Кирилла Дмитриева по итогам его переговоров в Майами по украинскому урегулированию. Об этом сообщил пресс-секретарь российского лидера Дмитрий Песков.',
];

describe('decodeSeed', () => {
  it('reads plain ASCII and UTF-8 with and without a byte order mark', () => {
    expect(decoded(bytes('date 2024-01-01 Hello'))).toMatchObject({
      encoding: 'ascii',
      text: 'date 2024-01-01 Hello',
    });
    expect(decoded(bytes('Привет'))).toMatchObject({ encoding: 'utf-8', text: 'Привет' });
    expect(decoded(bytes([0xef, 0xbb, 0xbf], 'Привет'))).toMatchObject({ encoding: 'utf-8', text: 'Привет' });
  });

  it('reads UTF-16 and UTF-32 by their byte order marks', () => {
    expect(decoded(bytes([0xff, 0xfe], [...encoded('Привет', 'utf-16le')]))).toMatchObject({
      encoding: 'utf-16le',
      text: 'Привет',
    });
    expect(decoded(bytes([0xfe, 0xff], [...encoded('Привет', 'utf-16be')]))).toMatchObject({
      encoding: 'utf-16be',
      text: 'Привет',
    });
    expect(decoded(bytes([0xff, 0xfe, 0, 0], [...encoded('Привет', 'utf-32le')]))).toMatchObject({
      encoding: 'utf-32le',
      text: 'Привет',
    });
  });

  it('refuses UTF-16 without a byte order mark rather than guess', () => {
    const text = 'Привет, мир! Это проверка чтения без метки порядка байтов.';
    expect(reason(encoded(text, 'utf-16le')).reason).toMatch(/NUL bytes; UTF-16 needs a byte order mark/u);
  });

  for (const encoding of ['windows-1251', 'koi8-r']) {
    it(`tells ${encoding} apart on real sentences of every length in a seed`, () => {
      for (const sentence of SENTENCES) {
        const text = `date 2024-01-01 ${sentence}\n\nТекст.\n`;
        expect(decoded(encoded(text, encoding)).text, sentence).toBe(text);
      }
    });
  }

  it('reports a damaged UTF-8 character with its line instead of guessing another encoding', () => {
    const problem = reason(bytes('date 2024-01-01 Заголовок\r\n\r\nстрока ', [0xd0], ' ещё\n'));
    expect(problem).toMatchObject({ file: 'f.txt', line: 3, severity: 'error' });
    expect(problem.reason).toMatch(/not valid UTF-8/u);
  });

  it('reports text whose byte order mark promises an encoding it does not hold', () => {
    expect(reason(bytes([0xff, 0xfe], [0x41, 0x00, 0x42])).reason).toMatch(/UTF-16LE byte order mark/u);
    expect(reason(bytes([0xef, 0xbb, 0xbf], 'а\nб', [0xff])).line).toBe(2);
    expect(reason(bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0])).reason).toMatch(/UTF-32LE/u);
    expect(reason(bytes([0xff, 0xfe, 0, 0], [0, 0, 0x11, 0])).reason).toMatch(/UTF-32LE/u);
  });

  it('reports a lone surrogate or a code past U+10FFFF in UTF-32 and UTF-16 on its line', () => {
    const utf32 = (text: string, unit: number) => {
      const head = [...encoded(text, 'utf-32le')];
      return bytes(
        [0xff, 0xfe, 0, 0],
        head,
        [unit & 0xff, (unit >> 8) & 0xff, unit >> 16, 0],
        [0x41, 0, 0, 0],
      );
    };
    expect(reason(utf32('date 2024-01-01 З\r\n\r\nстрока ', 0xd800))).toMatchObject({
      line: 3,
      severity: 'error',
    });
    expect(reason(utf32('a\rb\nc\n', 0xdfff)).line).toBe(4);
    expect(reason(utf32('a\n', 0x110000)).reason).toMatch(/not valid UTF-32LE/u);
    const be = bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x41, 0, 0, 0, 0x0a, 0, 0, 0xd8, 0x3d]);
    expect(reason(be)).toMatchObject({ line: 2 });
    const utf16 = bytes([0xff, 0xfe], [...encoded('a\nb\n', 'utf-16le')], [0x3d, 0xd8, 0x41, 0]);
    expect(reason(utf16)).toMatchObject({ line: 3 });
    expect(decoded(bytes([0xff, 0xfe, 0, 0], [...encoded('😀 ok', 'utf-32le')])).text).toBe('😀 ok');
  });

  it('reports binary files, naming the kind when the detector knows it', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
    expect(reason(bytes(png)).reason).toBe('binary file (not text, image/png)');
    expect(reason(bytes('date 2024-01-01 З\n\n', [0, 0, 0, 1, 2, 3, 0], 'т')).reason).toMatch(
      /^binary file/u,
    );
    const noise = Array.from({ length: 400 }, (_, index) => ((index * 7919) % 255) + 1);
    expect(reason(bytes(noise)).reason).toMatch(/^binary file/u);
  });

  it('reports text full of control characters as binary', () => {
    expect(reason(bytes('a\u0001b\u0002c\u0003d\u0004')).reason).toMatch(/control characters/u);
    expect(decoded(bytes('one stray bell\u0007 in a long enough line of text')).encoding).toBe('ascii');
  });
});
