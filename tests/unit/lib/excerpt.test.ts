import { describe, expect, it } from 'vitest';
import { countWords, excerpt } from '../../../src/lib/excerpt.ts';

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('Коротко.', 50)).toBe('Коротко.');
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    expect(excerpt('один два три четыре пять', 12)).toBe('один два…');
  });
});

describe('countWords', () => {
  it('counts Cyrillic words, hyphenated words once, and numbers', () => {
    expect(countWords(['По-прежнему 25 человек — это много.'])).toBe(5);
  });
});
