import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../../src/lib/seed/parse-seed.ts';

function parsed(text: string) {
  const result = parseSeed(text, 'doc.txt');
  if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.problems)}`);
  return result;
}

describe('parseSeed', () => {
  it('reads the date and headline from a header with a leading space', () => {
    const { seed } = parsed(' date 2025-12-26 В Кремле рассказали\n\nТекст.\n');
    expect(seed.date).toBe('2025-12-26');
    expect(seed.title).toBe('В Кремле рассказали');
  });

  it('accepts headers without the leading space, with tabs, extra spaces and any letter case', () => {
    for (const header of [
      'date 2024-01-02 Заголовок',
      '\tDATE\t2024-01-02\t Заголовок',
      '  Date   2024-01-02    Заголовок  ',
    ]) {
      const { seed } = parsed(`${header}\n\nТекст.`);
      expect(seed).toMatchObject({ date: '2024-01-02', title: 'Заголовок' });
    }
  });

  it('takes the headline from the next line when the header holds only the date', () => {
    expect(parsed('date 2024-01-02\nЗаголовок\n\nТекст.').seed.title).toBe('Заголовок');
  });

  it('splits paragraphs on blank lines and joins hard-wrapped lines with a space', () => {
    const { seed } = parsed('date 2024-01-02 З\n\nпервая строка\nвторая  строка\n\n\n\nвторой абзац\n');
    expect(seed.paragraphs).toEqual(['первая строка вторая строка', 'второй абзац']);
  });

  it('treats lines holding only spaces as paragraph breaks', () => {
    expect(parsed('date 2024-01-02 З\n\nодин\n   \t\nдва').seed.paragraphs).toEqual(['один', 'два']);
  });

  it('reads a closing dateline into place and author and leaves it out of the body', () => {
    const { seed } = parsed('date 2024-01-02 З\n\nТекст.\n\nМосква, Наталья Петрова\n');
    expect(seed).toMatchObject({ paragraphs: ['Текст.'], places: ['Москва'], authors: ['Наталья Петрова'] });
  });

  it('keeps a last paragraph that is not a dateline as body text', () => {
    const { seed } = parsed('date 2024-01-02 З\n\nТекст.\n\nОб этом сообщил Песков, добавив детали.\n');
    expect(seed.paragraphs).toHaveLength(2);
    expect(seed.places).toEqual([]);
  });

  it('never takes the only paragraph for a dateline', () => {
    const { seed } = parsed('date 2024-01-02 З\n\nМосква, Наталья Петрова\n');
    expect(seed.paragraphs).toEqual(['Москва, Наталья Петрова']);
  });

  it('keeps markup-looking text literally', () => {
    const text =
      'date 2024-01-02 <b>Жирный</b> *заголовок*\n\n# не заголовок\n\n1. не список\n\n<script>alert(1)</script> [x](y)';
    const { seed } = parsed(text);
    expect(seed.title).toBe('<b>Жирный</b> *заголовок*');
    expect(seed.paragraphs).toEqual(['# не заголовок', '1. не список', '<script>alert(1)</script> [x](y)']);
  });

  it('reports an empty file', () => {
    expect(parseSeed('  \n\n', 'e.txt')).toEqual({
      ok: false,
      problems: [{ file: 'e.txt', line: 1, reason: 'empty file', severity: 'error' }],
    });
  });

  it('reports a first line that is not a header, with its line number', () => {
    const result = parseSeed('\n\nПросто текст', 'n.txt');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ file: 'n.txt', line: 3 });
    expect(result.problems[0]?.reason).toMatch(/not a header/u);
  });

  it('reports dates that are malformed or do not exist', () => {
    expect(parseSeed('date 26.12.2025 З\n\nТ', 'a.txt').problems[0]?.reason).toMatch(/YYYY-MM-DD/u);
    expect(parseSeed('date 2025-13-45 З\n\nТ', 'a.txt').problems[0]?.reason).toBe(
      'date 2025-13-45 does not exist',
    );
    expect(parseSeed('date 2025-02-29 З\n\nТ', 'a.txt').ok).toBe(false);
    expect(parseSeed('date 2024-02-29 З\n\nТ', 'a.txt').ok).toBe(true);
  });

  it('reports a header without a headline', () => {
    expect(parseSeed('date 2025-01-01\n\nТекст', 'h.txt').problems[0]?.reason).toMatch(/no headline/u);
  });

  it('keeps a header-only document but warns that it has no body', () => {
    const result = parseSeed('date 2025-01-01 Только заголовок\n', 'h.txt');
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      { file: 'h.txt', line: 1, reason: 'document has a headline but no body text', severity: 'warning' },
    ]);
  });

  it('handles CRLF line endings like LF', () => {
    const { seed } = parsed('date 2024-01-02 З\r\n\r\nстрока\r\nещё\r\n\r\nМосква, Иван Петров\r\n');
    expect(seed).toMatchObject({ paragraphs: ['строка ещё'], authors: ['Иван Петров'] });
  });

  it('warns on the line of characters no page can hold, and keeps the document', () => {
    const result = parseSeed(
      ' date 2024-01-02 Заголовок\uFFFF\n\nТекст\u0007 один.\n\nДва\uD800.',
      'doc.txt',
    );
    if (!result.ok) throw new Error('expected a document');
    expect(result.seed.title).toBe('Заголовок\uFFFD');
    expect(result.seed.paragraphs).toEqual(['Текст один.', 'Два\uFFFD.']);
    expect(result.problems).toEqual([
      {
        file: 'doc.txt',
        line: 3,
        reason: expect.stringMatching(/^control characters removed \(U\+0007\)/u),
        severity: 'warning',
      },
      {
        file: 'doc.txt',
        line: 1,
        reason: expect.stringMatching(/^not characters \(U\+FFFF, U\+D800\).*U\+FFFD$/u),
        severity: 'warning',
      },
    ]);
  });

  it('warns about a very long headline and a very long paragraph, keeping both whole', () => {
    const headline = 'Очень длинный заголовок '.repeat(20).trim();
    const paragraph = 'Слово за словом. '.repeat(1_000).trim();
    const result = parseSeed(` date 2024-01-02 ${headline}\n\nКороткий.\n\n${paragraph}\n`, 'doc.txt');
    if (!result.ok) throw new Error('expected a document');
    expect(result.seed.title).toBe(headline);
    expect(result.seed.paragraphs[1]).toBe(paragraph);
    expect(result.problems.map(({ line, reason }) => `${line}: ${reason}`)).toEqual([
      '1: headline of 479 characters: lists, feeds, meta tags and search show its first 200, its page shows it whole above the text',
      '5: paragraph of 16,999 characters: its page shows it in 5 parts',
    ]);
  });
});
