import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { copyProject, editProjectFile } from '../support/project-copy.ts';

// A publisher names the archive in astro.config.mjs, in the options of its one integration.
const seeds = resolve('tests/fixtures/seeds');
const projects: string[] = [];

function projectWith(options: string): string {
  const project = copyProject('archive-options-');
  projects.push(project);
  editProjectFile(project, 'astro.config.mjs', "lang: 'ru',", `lang: 'ru',\n${options}`);
  return project;
}

afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

describe('the options of archive() in astro.config.mjs', () => {
  it('reach every page: the name in titles and the web manifest, the page size in the lists', () => {
    const project = projectWith("      pageSize: 2,\n      ogLocale: 'ru_UA',");
    editProjectFile(project, 'astro.config.mjs', "title: 'Архив новостей'", "title: 'Вестник Заречья'");
    const site = buildFixtureSite('archive-options', seeds, {}, [], { project });
    expect(site.status, site.output).toBe(0);
    const home = readFileSync(join(site.outDir, 'index.html'), 'utf8');
    expect(home).toMatch(/<title>[^<]*Вестник Заречья[^<]*<\/title>/u);
    expect(home).toContain('<meta property="og:locale" content="ru_UA"');
    const manifest = JSON.parse(readFileSync(join(site.outDir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe('Вестник Заречья');
    expect(existsSync(join(site.outDir, 'page', '2', 'index.html'))).toBe(true);
  });

  it('stop the build before anything is written when one is wrong, naming it', () => {
    const project = projectWith('      pageSize: 0,');
    const site = buildFixtureSite('archive-options-wrong', seeds, {}, [], { project });
    expect(site.status).not.toBe(0);
    expect(site.output).toMatch(/archive\(\): invalid options\n- pageSize: /u);
    expect(existsSync(site.outDir)).toBe(false);
  });
});
