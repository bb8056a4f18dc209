import { describe, expect, it } from 'vitest';
import { excerptParts, markedWords } from '../../../src/lib/excerpt-marks.ts';

describe('excerpt marks', () => {
  it('splits an excerpt into plain and marked runs', () => {
    expect(excerptParts('Сильный <mark>гололёд</mark> в городе')).toEqual([
      { text: 'Сильный ', marked: false },
      { text: 'гололёд', marked: true },
      { text: ' в городе', marked: false },
    ]);
  });

  it('decodes escaped document text so it is shown as text, never markup', () => {
    const parts = excerptParts(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39; &#x41;&#66; &quot;q&quot; &unknown;',
    );
    expect(parts).toEqual([{ text: `<script>alert(1)</script> & 'x' AB "q" &unknown;`, marked: false }]);
  });

  it('lists each marked word once, lower-cased', () => {
    expect(markedWords(excerptParts('<mark>Гололёд</mark> и <mark>гололёд</mark>, <mark> </mark>'))).toEqual([
      'гололёд',
    ]);
  });
});
