import { describe, expect, it } from 'vitest';
import { foreignFiles } from '../../../../src/integrations/output/output-manifest.ts';

const present = ['index.html', 'doc/a/index.html', 'CNAME', '.git/HEAD', '.prerender/chunk.mjs'];

describe('which files of the output folder no build wrote', () => {
  it('are those the builds’ manifest does not list', () => {
    const manifest = {
      state: 'built' as const,
      files: ['index.html', 'doc/a/index.html', 'doc/gone/index.html'],
    };
    expect([...foreignFiles(manifest, present)]).toEqual(['CNAME', '.git/HEAD', '.prerender/chunk.mjs']);
  });

  it('after a build was killed, are those it found at its start; what it left half made is the builds’', () => {
    const manifest = { state: 'building' as const, foreign: ['CNAME', '.git/HEAD', 'gone.txt'] };
    expect([...foreignFiles(manifest, present)]).toEqual(['CNAME', '.git/HEAD']);
  });

  it('are all of them when there is no manifest: nothing is deleted that a build may not have written', () => {
    expect([...foreignFiles(undefined, present)]).toEqual(present);
  });
});
