import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTemporary } from '../../../src/build/atomic-file.ts';
import { BuildStop, machineFault } from '../../../src/build/build-stop.ts';
import { readJson, writeJson } from '../../../src/build/json-file.ts';

const folder = (): string => mkdtempSync(join(tmpdir(), 'archive-json-'));

describe('cache files written as JSON', () => {
  it('writes many versions of one file at once and ends with one of them whole, no temporary file left', async () => {
    const directory = folder();
    const path = join(directory, 'cache.json');
    const values = Array.from({ length: 20 }, (_, index) => ({ index, text: 'ж'.repeat(10_000 * index) }));
    await Promise.all(values.map((value) => writeJson(path, value)));
    expect(values).toContainEqual(JSON.parse(readFileSync(path, 'utf8')));
    expect(readdirSync(directory)).toEqual(['cache.json']);
  });

  it('gives what stands for a missing file when it is absent', async () => {
    await expect(readJson(join(folder(), 'none.json'), 'missing')).resolves.toBe('missing');
  });

  it('discards a file cut in half with a warning naming it', async () => {
    const path = join(folder(), 'built-files.json');
    writeFileSync(path, '[["index.html",{"size":1');
    const warnings: string[] = [];
    await expect(readJson(path, [], (line) => warnings.push(line))).resolves.toEqual([]);
    expect(warnings).toEqual([`the cache file ${path} is damaged: discarded, it is made again`]);
  });

  it('throws an error that is not the machine’s as it is', async () => {
    // A folder where the file is expected reads as EISDIR.
    const directory = folder();
    await expect(readJson(directory, [])).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('turns a failure of the machine into a stop of one line naming the file', () => {
    const failure = Object.assign(new Error('EIO: i/o error'), { code: 'EIO', path: '/cache/a.json' });
    const stop = machineFault(failure, 'read');
    expect(stop).toBeInstanceOf(BuildStop);
    expect(stop?.message).toBe('cannot read /cache/a.json: EIO (input/output error)');
    expect(machineFault(Object.assign(new Error('gone'), { code: 'ENOENT' }), 'read')).toBeUndefined();
  });

  it('names temporary files by writer, so two writers never share one', () => {
    expect(isTemporary('a.json.123-0a1b2c3d.tmp')).toBe(true);
    expect(isTemporary('a.json.tmp')).toBe(false);
    expect(isTemporary('0a1b2c3d.html')).toBe(false);
  });
});
