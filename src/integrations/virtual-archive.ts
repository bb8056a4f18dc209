import type { Plugin } from 'vite';
import type { BuildSettings } from '../build/build-settings.ts';
import type { SiteSettings } from '../schemas/site.ts';

/**
 * The Vite plugin behind `virtual:archive/site` (what pages show) and `virtual:archive/build` (how
 * this build runs, for the content config): each exports its settings, validated once, as data.
 */
export function virtualArchive(site: SiteSettings, build: BuildSettings): Plugin {
  const modules = new Map([
    ['virtual:archive/site', `export default ${JSON.stringify(site)};`],
    ['virtual:archive/build', `export default ${JSON.stringify(build)};`],
  ]);
  return {
    name: 'archive:virtual',
    resolveId(id) {
      return modules.has(id) ? `\0${id}` : undefined;
    },
    load(id) {
      return id.startsWith('\0') ? modules.get(id.slice(1)) : undefined;
    },
  };
}
