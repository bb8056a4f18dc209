import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// What a build reads of the project besides its installed packages.
const PROJECT_FILES = [
  'src',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** A copy of this project in a new temporary folder, sharing its installed packages, to edit freely. */
export function copyProject(prefix: string): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  for (const name of PROJECT_FILES) cpSync(resolve(name), join(project, name), { recursive: true });
  symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

/** Replaces `from` with `to` in one file of a project copy; throws when `from` is not there. */
export function editProjectFile(project: string, file: string, from: string, to: string): void {
  const path = join(project, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}
