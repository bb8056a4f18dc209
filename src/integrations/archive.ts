import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration } from 'astro';
import { readBuildSettings, type BuildSettings } from '../build/build-settings.ts';
import { parseSiteOptions, type SiteOptions } from '../schemas/site.ts';
import { archiveBuild } from './archive-build.ts';
import { virtualArchive } from './virtual-archive.ts';

// The sitemap's files are part of the build the offline list describes, so it writes them first
// (integrations' hooks run in the order listed); the archive's own steps run in the order its code
// states (`archive-build.ts`).
function buildSteps(build: BuildSettings): AstroIntegration[] {
  return [
    sitemap(),
    archiveBuild({
      cacheDir: build.cacheDir,
      bundleSize: build.bundleSize,
      searchReport: build.searchReport,
      offlineBudgetBytes: build.offlineBudgetBytes,
      buildReport: build.buildReport,
      buildPhasesFile: build.buildPhasesFile,
    }),
  ];
}

// Astro normalises `base` for its trailing-slash rule only when it reads the config file, not
// after `updateConfig`: the same rule, applied here.
function normalBase(base: string, trailingSlash: AstroConfig['trailingSlash']): string {
  const bare = base.replace(/^\/+|\/+$/gu, '');
  if (bare === '') return '/';
  if (trailingSlash === 'always') return `/${bare}/`;
  if (trailingSlash === 'never') return `/${bare}`;
  return base.startsWith('/') ? base : `/${base}`;
}

/**
 * The archive as an Astro integration: `archive({ title, description, lang, … })` in
 * `astro.config.mjs`. Validates the options once (a deploy's `SITE_URL`, `BASE_PATH` and
 * `PAGE_SIZE` win over them), reads the build settings from the environment once, sets Astro's
 * `site`, `base` and `cacheDir`, hands both kinds of settings to pages through virtual modules and
 * registers the build's steps.
 */
export function archive(options: SiteOptions): AstroIntegration {
  return {
    name: 'archive',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const build = readBuildSettings();
        // An address or base path already in the Astro config stands unless the options name one.
        const fromAstro = {
          ...(config.site && { site: config.site }),
          ...(config.base !== '/' && { base: config.base }),
        };
        const site = parseSiteOptions({ ...fromAstro, ...options }, build.siteOverrides);
        const root = fileURLToPath(config.root);
        updateConfig({
          site: site.site,
          base: normalBase(site.base, config.trailingSlash),
          cacheDir: pathToFileURL(`${resolve(root, build.cacheDir)}/`),
          vite: { plugins: [virtualArchive(site, build)] },
          integrations: buildSteps(build),
        });
      },
    },
  };
}

export default archive;
