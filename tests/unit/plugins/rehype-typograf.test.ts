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

  it('keeps entity-like text exactly as written: no markup, no dash, no NUL byte', () => {
    // `&amp;` in the HTML below is a literal `&` in the text node the plugin sees.
    expect(process('<p>&amp;#60;script&amp;#62;alert(7)&amp;#60;/script&amp;#62;</p>')).toBe(
      '<p>&#x26;#60;script&#x26;#62;alert(7)&#x26;#60;/script&#x26;#62;</p>',
    );
    expect(process('<p>а &amp;mdash; б &amp;#0; в &amp;#x110000; г &amp;nbsp;д</p>')).toBe(
      `<p>а${NBSP}&#x26;mdash; б${NBSP}&#x26;#0; в${NBSP}&#x26;#x110000; г${NBSP}&#x26;nbsp;д</p>`,
    );
    expect(process('<p>код \\u2014; и \\u00a0; остаются</p>')).toBe(
      `<p>код \\u2014; и${NBSP}\\u00a0; остаются</p>`,
    );
  });

  it('keeps characters typograf uses for its own marks, and sets typography around them', () => {
    expect(process('<p>метка \uF000tf0\uF000 и \uF001 - всё</p>')).toBe(
      `<p>метка \uF000tf0\uF000 и${NBSP}\uF001${NBSP}— всё</p>`,
    );
  });

  it('leaves element structure and attributes alone', () => {
    expect(process('<p title="a - b">x</p>')).toBe('<p title="a - b">x</p>');
  });
});
