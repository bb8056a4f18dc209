import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/lib/document/detect-language.ts';

const ru = { fallback: 'ru' };

describe('detectLanguage', () => {
  it('recognises an English report in a Russian archive', () => {
    const text =
      'Kirill Dmitriev met Steve Witkoff and Jared Kushner in Miami on Saturday. The talks were constructive.';
    expect(detectLanguage(text, ru)).toBe('en');
  });

  it('keeps Russian text with English names Russian', () => {
    const text =
      'Спецпредставитель Кирилл Дмитриев провёл встречи с Уиткоффом и Кушнером в Майами, сообщил Песков.';
    expect(detectLanguage(text, ru)).toBe('ru');
  });

  it('gives short texts to the archive language instead of guessing Serbian or Bulgarian', () => {
    expect(detectLanguage('Текст материала.', ru)).toBe('ru');
    expect(detectLanguage('Просто текст без заголовка, и ещё несколько слов.', ru)).toBe('ru');
  });

  it('gives a text the detector cannot read to the fallback', () => {
    expect(detectLanguage('1234 5678 — 90 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90 12 34', ru)).toBe(
      'ru',
    );
  });

  it('names another language when the text clearly is one', () => {
    const text =
      'Die Verhandlungen in Miami wurden am Samstag fortgesetzt, teilte der Sprecher des Kremls mit.';
    expect(detectLanguage(text, ru)).toBe('de');
  });
});
