import { afterEach, describe, expect, it, vi } from 'vitest';

// The key as a build with these environment variables computes it (the config is read at import).
async function keyUnder(env: Record<string, string>): Promise<string> {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { pageKey } = await import('../../../src/pages/_page-key.ts');
  return pageKey({ digest: 'd1' }, 3);
}

afterEach(() => vi.unstubAllEnvs());

describe('the incremental-build key of a page', () => {
  it('stays the same when only where reports go, or strict mode, changes from build to build', async () => {
    const first = await keyUnder({
      BUILD_REPORT: 'a/build.json',
      SEARCH_REPORT: 'a/search.json',
      INGEST_REPORT: 'a/ingest.json',
      BUILD_PHASES_FILE: 'a/phases.json',
      STRICT: '',
    });
    const second = await keyUnder({
      BUILD_REPORT: 'b/build.json',
      SEARCH_REPORT: 'b/search.json',
      INGEST_REPORT: 'b/ingest.json',
      BUILD_PHASES_FILE: 'b/phases.json',
      STRICT: '1',
    });
    expect(second).toBe(first);
  });

  it('changes with a setting pages show', async () => {
    const fifty = await keyUnder({ PAGE_SIZE: '50' });
    const twenty = await keyUnder({ PAGE_SIZE: '20' });
    expect(twenty).not.toBe(fifty);
  });
});
