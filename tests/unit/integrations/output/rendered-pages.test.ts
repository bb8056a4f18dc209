import type { AstroIntegration, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { watchRenderedPages } from '../../../../src/integrations/output/rendered-pages.ts';

type BuildStartHook = NonNullable<AstroIntegration['hooks']['astro:build:start']>;
type SetPrerenderer = Parameters<BuildStartHook>[0]['setPrerenderer'];
type Factory = Extract<Parameters<SetPrerenderer>[0], (...args: never[]) => unknown>;
type Prerenderer = Parameters<Factory>[0];

const route = { route: '/doc/[slug]' } as unknown as RouteData;
const paths = [
  { pathname: '/doc/a/', route },
  { pathname: '/doc/b/', route },
];
const context = { outputDirectories: {} } as Parameters<Factory>[1];

/** The prerenderer a listener sees, wrapped around `inner` as Astro would. */
function wrapped(inner: Prerenderer, seen: { paths?: readonly string[]; rendered: string[] }): Prerenderer {
  let factory: Factory | undefined;
  const setPrerenderer = ((value: Factory) => (factory = value)) as SetPrerenderer;
  watchRenderedPages(setPrerenderer, {
    paths: (names) => (seen.paths = names),
    rendered: (_total, path) => seen.rendered.push(path),
  });
  if (!factory) throw new Error('no prerenderer set');
  return factory(inner, context);
}

describe('following the pages Astro renders', () => {
  it('hears the paths of a prerenderer that gives them with their metadata, and passes both on', async () => {
    const found = { paths, metadata: { staticImages: [], referencedImages: [] } };
    const inner = {
      name: 'inner',
      getStaticPaths: async () => found,
      render: async () => new Response('ok'),
    } as unknown as Prerenderer;
    const seen: { paths?: readonly string[]; rendered: string[] } = { rendered: [] };
    const prerenderer = wrapped(inner, seen);
    expect(await prerenderer.getStaticPaths()).toBe(found);
    expect(seen.paths).toEqual(['/doc/a/', '/doc/b/']);
    await prerenderer.render(new Request('http://localhost/doc/a/'), { routeData: route });
    expect(seen.rendered).toEqual(['/doc/a/']);
  });

  it('still hears the paths of a prerenderer that gives a bare list', async () => {
    const inner = {
      name: 'inner',
      getStaticPaths: async () => paths,
      render: async () => new Response('ok'),
    } as unknown as Prerenderer;
    const seen: { paths?: readonly string[]; rendered: string[] } = { rendered: [] };
    expect(await wrapped(inner, seen).getStaticPaths()).toBe(paths);
    expect(seen.paths).toEqual(['/doc/a/', '/doc/b/']);
  });
});
