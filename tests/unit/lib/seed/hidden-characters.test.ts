import { describe, expect, it } from 'vitest';
import {
  balanceDirection,
  hasVisible,
  invisibleCodes,
  withoutHidden,
} from '../../../../src/lib/seed/hidden-characters.ts';

const [LRE, RLE, PDF, RLO] = ['\u202A', '\u202B', '\u202C', '\u202E'];
const [LRI, RLI, FSI, PDI] = ['\u2066', '\u2067', '\u2068', '\u2069'];

describe('balanceDirection', () => {
  it('closes an override or isolate still open at the end of the field', () => {
    expect(balanceDirection(`Заголовок ${RLO}наоборот`)).toBe(`Заголовок ${RLO}наоборот${PDF}`);
    expect(balanceDirection(`Текст ${RLI}שלום`)).toBe(`Текст ${RLI}שלום${PDI}`);
    expect(balanceDirection(`${LRI}a${RLE}b`)).toBe(`${LRI}a${RLE}b${PDF}${PDI}`);
  });

  it('drops closers that close nothing', () => {
    expect(balanceDirection(`a${PDF}b${PDI}c`)).toBe('abc');
  });

  it('never lets a PDF close an embedding opened outside the isolate it is in', () => {
    expect(balanceDirection(`${RLE}a${LRI}b${PDF}c${PDI}d${PDF}`)).toBe(`${RLE}a${LRI}bc${PDI}d${PDF}`);
  });

  it('spells out the embeddings a PDI closes implicitly', () => {
    expect(balanceDirection(`${FSI}a${LRE}b${PDI}c`)).toBe(`${FSI}a${LRE}b${PDF}${PDI}c`);
  });

  it('leaves balanced text and text without controls as they are', () => {
    for (const text of ['Обычный текст', `a ${RLI}שלום${PDI} b`, `${RLE}x${LRI}y${PDI}${PDF}`, 'a\u200Fb'])
      expect(balanceDirection(text)).toBe(text);
  });
});

describe('withoutHidden', () => {
  it('removes direction controls and marks', () => {
    expect(withoutHidden(`Заголовок ${RLO}наоборот`)).toBe('Заголовок наоборот');
    expect(withoutHidden(`a\u200Eb\u200Fc\u061Cd${LRI}e${PDI}`)).toBe('abcde');
  });

  it('removes Hangul fillers, invisible operators and other format characters', () => {
    expect(withoutHidden('\u3164a\u115F\u1160b\uFFA0c\u2062d\u180Ee\uFFF9f')).toBe('abcdef');
  });

  it('keeps what shapes visible letters: joiners, variation selectors, emoji tag sequences', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    for (const text of ['می\u200Cخواهم', '👩\u200D💻', '❤\uFE0F', scotland, '葛\u{E0100}'])
      expect(withoutHidden(text)).toBe(text);
    expect(withoutHidden('a\u{E0067}b')).toBe('ab');
  });

  it('composes a letter and its accent brought together', () => {
    expect(withoutHidden('е\u200E\u0308лка')).toBe('ёлка');
  });
});

describe('hasVisible and invisibleCodes', () => {
  it('sees no character in fillers, controls, spaces and the blank Braille cell', () => {
    expect(hasVisible(`\u3164 ${LRI}\u200B\u2800\uFE0F`)).toBe(false);
    expect(hasVisible('\u3164a')).toBe(true);
  });

  it('names each invisible character but spaces once, in order', () => {
    expect(invisibleCodes(`\u3164a \u3164${LRI}`)).toEqual(['U+3164', 'U+2066']);
  });
});
