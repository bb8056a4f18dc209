import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../../../src/lib/document/render-html.ts';

describe('createRenderer', () => {
  const render = createRenderer();

  it('renders each paragraph as a <p>', () => {
    expect(render(['один', 'два'])).toBe('<p>один</p>\n<p>два</p>');
  });

  it('escapes markup so document text is never HTML', () => {
    expect(render(['<script>alert(1)</script> & <b onclick="x">'])).toBe(
      '<p>&#x3C;script>alert(1)&#x3C;/script> &#x26; &#x3C;b onclick="x"></p>',
    );
  });

  it('leaves Markdown syntax as literal text', () => {
    expect(render(['*a* [x](javascript:y) # h'])).toBe('<p>*a* [x](javascript:y) # h</p>');
  });
});
