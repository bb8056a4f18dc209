import { describe, expect, it } from 'vitest';
import {
  pagePath,
  parsePrecacheKey,
  parseRevisionKey,
  revisionFromDigest,
  revisionKey,
} from '../../../../src/lib/offline/revisions.ts';

describe('offline revisions', () => {
  it('keys a page by its URL path and revision, and reads the key back from the URL a cache returns', () => {
    const key = revisionKey('/archive/doc/a/', '0123abcd');
    expect(key).toBe('/archive/doc/a/?archive-revision=0123abcd');
    expect(parseRevisionKey(`http://127.0.0.1:8080${key}`)).toEqual({
      url: '/archive/doc/a/',
      revision: '0123abcd',
    });
    expect(parseRevisionKey('http://127.0.0.1:8080/archive/doc/a/')).toBeNull();
  });

  it("reads Workbox's precache keys, and none for files named by their content", () => {
    expect(parsePrecacheKey('http://h/doc/a/index.html?__WB_REVISION__=ff00')).toEqual({
      url: '/doc/a/index.html',
      revision: 'ff00',
    });
    expect(parsePrecacheKey('http://h/_astro/site.Ab12.css')).toBeNull();
  });

  it('lists a page under its folder, without query, fragment or index.html', () => {
    expect(pagePath('http://h/archive/doc/a/index.html?highlight=x#top')).toBe('/archive/doc/a/');
    expect(pagePath('/archive/doc/a/?q=1')).toBe('/archive/doc/a/');
    expect(pagePath('/index.html')).toBe('/');
    expect(pagePath('/rss.xml')).toBe('/rss.xml');
  });

  it('writes a revision as the first eight bytes of a digest in hex', () => {
    expect(revisionFromDigest(Uint8Array.from([0, 1, 2, 171, 205, 239, 16, 255, 7, 7]))).toBe(
      '000102abcdef10ff',
    );
  });
});
