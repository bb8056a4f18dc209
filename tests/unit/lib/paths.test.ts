import { describe, expect, it } from 'vitest';
import { documentPath, listPagePath, withBase } from '../../../src/lib/paths.ts';

describe('paths', () => {
  it('joins a base path with or without a trailing slash', () => {
    expect(withBase('/', 'search/')).toBe('/search/');
    expect(withBase('/archive', '/search/')).toBe('/archive/search/');
    expect(withBase('/archive/', 'search/')).toBe('/archive/search/');
  });

  it('puts documents under /doc/ and later list pages under /page/', () => {
    expect(documentPath('/', 'a-b')).toBe('/doc/a-b/');
    expect(listPagePath('/x/', 1)).toBe('/x/');
    expect(listPagePath('/x/', 3)).toBe('/x/page/3/');
  });
});
