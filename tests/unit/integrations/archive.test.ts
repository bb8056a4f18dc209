import type { AstroConfig, AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { archive } from '../../../src/integrations/archive.ts';

const named = { title: 'Архив новостей', description: 'Новости за много лет.' };

// What `archive()` asks of Astro when its config is set up, under an Astro config of `astro`.
function setUp(integration: AstroIntegration, astro: Partial<AstroConfig> = {}): Partial<AstroConfig> {
  const config = { root: new URL('file:///srv/project/'), base: '/', trailingSlash: 'always', ...astro };
  let updated: Partial<AstroConfig> = {};
  const hook = integration.hooks['astro:config:setup'];
  void hook?.({ config, updateConfig: (next: Partial<AstroConfig>) => (updated = next) } as never);
  return updated;
}

// The source a virtual module's import gives, as Vite would load it through the plugin.
function load(plugin: Plugin, id: string): unknown {
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const loadId = plugin.load as (id: string) => string | undefined;
  const resolved = resolveId(id);
  const source = resolved === undefined ? undefined : loadId(resolved);
  return source === undefined ? undefined : JSON.parse(source.replace(/^export default |;$/gu, ''));
}

describe('the archive integration', () => {
  it('hands the validated site settings to pages through virtual:archive/site', () => {
    const updated = setUp(archive({ ...named, pageSize: 20 }));
    const [plugin] = updated.vite?.plugins as Plugin[];
    expect(load(plugin as Plugin, 'virtual:archive/site')).toMatchObject({
      ...named,
      pageSize: 20,
      lang: 'ru',
    });
    expect(load(plugin as Plugin, 'virtual:archive/build')).toHaveProperty('seedsDir');
    expect(load(plugin as Plugin, 'virtual:other')).toBeUndefined();
  });

  it('sets the address and the base path the way Astro writes them under its trailing-slash rule', () => {
    expect(setUp(archive({ ...named, site: 'https://example.org', base: 'news' }))).toMatchObject({
      site: 'https://example.org',
      base: '/news/',
    });
    expect(setUp(archive({ ...named, base: '/news/' }), { trailingSlash: 'never' }).base).toBe('/news');
    expect(setUp(archive(named)).base).toBe('/');
  });

  it('keeps an address and base path set in the Astro config when the options name none', () => {
    const updated = setUp(archive(named), { site: 'https://example.org', base: '/news/' });
    expect(updated).toMatchObject({ site: 'https://example.org', base: '/news/' });
  });

  it('registers the sitemap before the archive build, whose steps then run in the order its code states', () => {
    const steps = (setUp(archive(named)).integrations ?? []).map((step) => step.name);
    expect(steps).toEqual(['@astrojs/sitemap', 'archive:build']);
  });

  it('refuses wrong options when Astro sets up its config, naming them', () => {
    expect(() => setUp(archive({ ...named, relatedCount: -1 }))).toThrow(/- relatedCount: /u);
  });
});
