import { describe, expect, it } from 'vitest';
import { expectedDigest, refreshPendingKey, savedArchiveKey } from '../../../../src/lib/offline/caches.ts';

describe('what the worker checks and remembers', () => {
  it('checks a precached file against its revision, or against its digest when it is named by its content', () => {
    expect(expectedDigest({ url: '/doc/a/index.html', revision: 'a1' })).toBe('a1');
    expect(expectedDigest({ url: '/pagefind/fragment/ru_a.pf_fragment', revision: null, digest: 'f1' })).toBe(
      'f1',
    );
    expect(expectedDigest({ url: '/_astro/x.js', revision: null })).toBeUndefined();
  });

  it('keeps its marks under the base path, apart from each other', () => {
    expect(refreshPendingKey('/news/')).toBe('/news/offline/refresh-pending');
    expect(refreshPendingKey('/news/')).not.toBe(savedArchiveKey('/news/'));
  });
});
