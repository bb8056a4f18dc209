import { describe, expect, it } from 'vitest';
import { parseBuildSettings } from '../../../src/build/build-settings.ts';

describe('the build settings read from the environment', () => {
  it('have a default for every variable left unset or blank', () => {
    expect(parseBuildSettings({ PAGE_SIZE: ' ', SITE_URL: '' }, [], 4)).toEqual({
      seedsDir: 'seeds',
      cacheDir: './node_modules/.astro',
      bundleSize: 10_000,
      syncThreads: 3,
      buildReport: 'reports/build.json',
      searchReport: 'reports/search-index.json',
      ingestReport: 'reports/ingest.json',
      offlineBudgetBytes: 25_000_000,
      maxSeedBytes: 20 * 1024 * 1024,
      strict: false,
      buildPhasesFile: undefined,
      siteOverrides: {},
    });
  });

  it('leave one core to the build thread, and none to threads on a single-core machine', () => {
    expect(parseBuildSettings({}, [], 1).syncThreads).toBe(0);
    expect(parseBuildSettings({ SYNC_THREADS: '2' }, [], 1).syncThreads).toBe(2);
  });

  it('read each variable a deploy sets', () => {
    const settings = parseBuildSettings(
      {
        SEEDS_DIR: 'docs',
        ASTRO_CACHE_DIR: '/tmp/cache',
        SEARCH_SHARD_SIZE: '500',
        BUILD_REPORT: 'a/build.json',
        SEARCH_REPORT: 'a/search.json',
        INGEST_REPORT: 'a/ingest.json',
        OFFLINE_BUDGET_MB: '0.5',
        MAX_SEED_SIZE: '4MB',
        BUILD_PHASES_FILE: 'a/phases.json',
      },
      [],
      2,
    );
    expect(settings).toMatchObject({
      seedsDir: 'docs',
      cacheDir: '/tmp/cache',
      bundleSize: 500,
      buildReport: 'a/build.json',
      searchReport: 'a/search.json',
      ingestReport: 'a/ingest.json',
      offlineBudgetBytes: 500_000,
      maxSeedBytes: 4 * 1024 * 1024,
      buildPhasesFile: 'a/phases.json',
    });
  });

  it('turn strict mode on with STRICT or the --strict argument', () => {
    expect(parseBuildSettings({ STRICT: '1' }, [], 2).strict).toBe(true);
    expect(parseBuildSettings({ STRICT: 'yes' }, [], 2).strict).toBe(true);
    expect(parseBuildSettings({}, ['node', 'astro', 'build', '--strict'], 2).strict).toBe(true);
    expect(parseBuildSettings({ STRICT: '0' }, [], 2).strict).toBe(false);
  });

  it('pass the site options a deploy overrides on to the site settings', () => {
    const { siteOverrides } = parseBuildSettings(
      { SITE_URL: 'https://example.org', BASE_PATH: '/news/', PAGE_SIZE: '20' },
      [],
      2,
    );
    expect(siteOverrides).toEqual({ site: 'https://example.org', base: '/news/', pageSize: 20 });
  });

  it('refuse a value that does not parse, naming its variable', () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{ PAGE_SIZE: '0' }, /PAGE_SIZE must be a whole number of at least 1/u],
      [{ SYNC_THREADS: 'two' }, /SYNC_THREADS .*"two"/u],
      [{ SEARCH_SHARD_SIZE: '-1' }, /SEARCH_SHARD_SIZE/u],
      [{ OFFLINE_BUDGET_MB: 'lots' }, /OFFLINE_BUDGET_MB/u],
      [{ MAX_SEED_SIZE: '4 parsecs' }, /MAX_SEED_SIZE: not a size/u],
      [{ SITE_URL: 'example.org' }, /SITE_URL must be an absolute address/u],
    ];
    for (const [env, message] of refused) expect(() => parseBuildSettings(env, [], 2)).toThrow(message);
  });
});
