import { describe, expect, it } from 'vitest';
import { parseBuildSettings } from '../../../src/build/build-settings.ts';
import { cacheKey } from '../../../src/lib/build/cache-key.ts';
import { parseSiteOptions } from '../../../src/schemas/site.ts';

const options = { title: 'Архив', description: 'Новости.' };

// The key of one page as a build under these variables computes it: `archive()` validates the
// options with the deploy's overrides, and `pageKey` keys on the site settings that gives.
function keyUnder(env: Record<string, string>): string {
  const build = parseBuildSettings(env, [], 2);
  return cacheKey(parseSiteOptions(options, build.siteOverrides), [{ digest: 'd1' }, 3]);
}

describe('the incremental-build key of a page', () => {
  it('stays the same when only how the build runs changes from build to build', () => {
    const first = keyUnder({
      BUILD_REPORT: 'a/build.json',
      SEARCH_REPORT: 'a/search.json',
      INGEST_REPORT: 'a/ingest.json',
      BUILD_PHASES_FILE: 'a/phases.json',
      ASTRO_CACHE_DIR: 'a/cache',
      SYNC_THREADS: '1',
      STRICT: '',
    });
    const second = keyUnder({
      BUILD_REPORT: 'b/build.json',
      SEARCH_REPORT: 'b/search.json',
      INGEST_REPORT: 'b/ingest.json',
      BUILD_PHASES_FILE: 'b/phases.json',
      ASTRO_CACHE_DIR: 'b/cache',
      SYNC_THREADS: '3',
      STRICT: '1',
    });
    expect(second).toBe(first);
  });

  it('changes with a setting pages show', () => {
    expect(keyUnder({ PAGE_SIZE: '20' })).not.toBe(keyUnder({ PAGE_SIZE: '50' }));
    expect(keyUnder({ SITE_URL: 'https://example.org' })).not.toBe(keyUnder({}));
  });
});
