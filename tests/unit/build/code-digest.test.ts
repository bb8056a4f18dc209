import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDigest, sourceFiles } from '../../../src/build/code-digest.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// A small project: a step's entry imports a helper and a package; another module is not reached.
async function project(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'code-digest-'));
  folders.push(root);
  await mkdir(join(root, 'src/lib'), { recursive: true });
  writeFileSync(
    join(root, 'src/step.ts'),
    "import { shape } from './lib/shape.ts';\nimport { h } from 'hastscript';\nexport const out = shape(String(h));\n",
  );
  writeFileSync(
    join(root, 'src/lib/shape.ts'),
    'export const shape = (text: string) => text.slice(0, 200);\n',
  );
  writeFileSync(join(root, 'src/page.ts'), "export const title = 'Архив';\n");
  writeFileSync(
    join(root, 'package-lock.json'),
    '{"packages":{"node_modules/hastscript":{"version":"9.0.1"}}}',
  );
  return root;
}

describe('the digest of the code a step runs', () => {
  it('lists the project modules an entry reaches, and no package', async () => {
    expect(await sourceFiles(['src/step.ts'], await project())).toEqual(['src/lib/shape.ts', 'src/step.ts']);
  });

  it('changes with any module the step reaches and with the lock file, and with nothing else', async () => {
    const root = await project();
    const first = await codeDigest(['src/step.ts'], root);
    expect(await codeDigest(['src/step.ts'], root)).toBe(first);
    writeFileSync(join(root, 'src/page.ts'), "export const title = 'Новости';\n");
    expect(await codeDigest(['src/step.ts'], root)).toBe(first);
    writeFileSync(
      join(root, 'src/lib/shape.ts'),
      'export const shape = (text: string) => text.slice(0, 100);\n',
    );
    const edited = await codeDigest(['src/step.ts'], root);
    expect(edited).not.toBe(first);
    writeFileSync(
      join(root, 'package-lock.json'),
      '{"packages":{"node_modules/hastscript":{"version":"9.0.2"}}}',
    );
    expect(await codeDigest(['src/step.ts'], root)).not.toBe(edited);
  });
});
