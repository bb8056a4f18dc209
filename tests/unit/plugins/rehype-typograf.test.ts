import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeTypograf from '../../../src/plugins/rehype-typograf.ts';

const NBSP = '\u00a0';
const process = (html: string): string =>
  String(
    unified().use(rehypeParse, { fragment: true }).use(rehypeTypograf).use(rehypeStringify).processSync(html),
  );

describe('rehype-typograf', () => {
  it('sets «ёлочки» outside and „лапки“ inside and a long dash between words', () => {
    expect(process('<p>Он сказал - "Я был в "Москве" вчера"</p>')).toBe(
      `<p>Он${NBSP}сказал${NBSP}— «Я${NBSP}был в${NBSP}„Москве“ вчера»</p>`,
    );
  });

  it('binds short words and initials to the next word so no one-letter word hangs', () => {
    const html = process('<p>А. С. Пушкин и в 1837 году</p>');
    expect(html).toContain(`А.${NBSP}С.${NBSP}Пушкин`);
    expect(html).toContain(`и${NBSP}в${NBSP}1837`);
  });

  it('keeps markup-looking text as text and never inserts spaces into it', () => {
    expect(process('<p>&#x3C;b onclick="x">жирный&#x3C;/b> и javascript:alert(1)</p>')).toBe(
      `<p>&#x3C;b onclick="x">жирный&#x3C;/b> и${NBSP}javascript:alert(1)</p>`,
    );
  });

  it('leaves element structure and attributes alone', () => {
    expect(process('<p title="a - b">x</p>')).toBe('<p title="a - b">x</p>');
  });
});
