import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../../src/lib/seed/parse-seed.ts';

const [PDF, RLO, RLI, PDI] = ['\u202C', '\u202E', '\u2067', '\u2069'];

function parsed(text: string) {
  const result = parseSeed(text, 'doc.txt');
  if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.problems)}`);
  return result;
}

describe('parseSeed with invisible and direction-changing characters', () => {
  it('removes an unterminated override from the headline, so it reverses nothing it is listed with', () => {
    const { seed, problems } = parsed(` date 2024-02-12 Заголовок ${RLO}наоборот\n\nТекст.\n`);
    expect(seed.title).toBe('Заголовок наоборот');
    expect(problems).toEqual([]);
  });

  it('removes fillers and marks from the headline and collapses the spaces they leave', () => {
    expect(parsed('date 2024-01-02 \u3164 Новости \u200F\u2066 дня\u115F\n\nТекст.').seed.title).toBe(
      'Новости дня',
    );
  });

  it('closes an isolate left open in a paragraph and drops a closer that closes nothing', () => {
    const { seed } = parsed(
      `date 2024-01-02 Заголовок\n\nЦитата ${RLI}שלום\nдальше\n\nТекст${PDF} и ${PDI}ещё.`,
    );
    expect(seed.paragraphs).toEqual([`Цитата ${RLI}שלום дальше${PDI}`, 'Текст и ещё.']);
  });

  it('treats a paragraph of invisible characters as a blank line', () => {
    expect(
      parsed('date 2024-01-02 Заголовок\n\nПервый.\n\n\u3164 \u2066\n\nВторой.').seed.paragraphs,
    ).toEqual(['Первый.', 'Второй.']);
  });

  it('reads a dateline whose names carry marks, with the names clean', () => {
    const { seed } = parsed('date 2024-01-02 Заголовок\n\nТекст.\n\nМосква\u200E, Анна\u3164 Смирнова\u202E');
    expect(seed).toMatchObject({ paragraphs: ['Текст.'], places: ['Москва'], authors: ['Анна Смирнова'] });
  });

  it('reports a headline with no visible character as a problem on its line, publishing nothing', () => {
    expect(parseSeed(' date 2024-02-13 \u3164\u200B\u2066\n\nТекст.\n', 'invisible.txt')).toEqual({
      ok: false,
      problems: [
        {
          file: 'invisible.txt',
          line: 1,
          severity: 'error',
          reason: 'headline has no visible character, only U+3164, U+2066',
        },
      ],
    });
  });

  it('reports an invisible headline on the line after the date on that line', () => {
    const result = parseSeed('\ndate 2024-02-13\n\u2800\uFE0F\u200F\n\nТекст.', 'next.txt');
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'error',
        reason: expect.stringContaining('U+2800, U+FE0F, U+200F'),
      }),
    ]);
  });
});
