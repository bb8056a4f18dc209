import type { Plugin } from 'vite';
import type { BuildSettings } from '../build/build-settings.ts';
import type { SiteSettings } from '../schemas/site.ts';

/**
 * The Vite plugin behind `virtual:archive/site` (what pages show), `virtual:archive/build` (how
 * this build runs, for the content config) and `virtual:archive/cache` (the build cache's folder,
 * where pages read bodies and related lists): each exports its settings, validated once, as data.
 * Pages import only the cache's folder: Astro keys a page on every module it imports, so a page that
 * read the build settings would be rendered again whenever a report's path or a thread count changed.
 */
export function virtualArchive(site: SiteSettings, build: BuildSettings): Plugin {
  const modules = new Map([
    ['virtual:archive/site', `export default ${JSON.stringify(site)};`],
    ['virtual:archive/build', `export default ${JSON.stringify(build)};`],
    ['virtual:archive/cache', `export default ${JSON.stringify(build.cacheDir)};`],
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
