import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

type BuildStartHook = NonNullable<AstroIntegration['hooks']['astro:build:start']>;
/** The `setPrerenderer` an `astro:build:start` hook receives. */
export type SetPrerenderer = Parameters<BuildStartHook>[0]['setPrerenderer'];
type Prerenderer = Parameters<Extract<Parameters<SetPrerenderer>[0], (...args: never[]) => unknown>>[0];

/** What an integration hears about the pages of a build while Astro renders them. */
export interface RenderListener {
  /** Astro starts collecting the paths to render (loading the content store comes first). */
  collecting?: () => void;
  /** The paths Astro will render (without the base), once, before the first page. */
  paths?: (paths: readonly string[]) => void;
  /** Every rendered response, HTML or not, with the number of paths to render and its URL path (with the base). */
  rendered?: (total: number, path: string) => void;
}

// Astro keeps only the last prerenderer set: the build has one listener, the archive's integration.
function wrap(listener: RenderListener): (prerenderer: Prerenderer) => Prerenderer {
  return (prerenderer) => {
    let total = 0;
    return {
      ...prerenderer,
      getStaticPaths: async () => {
        listener.collecting?.();
        // Astro 7.4 gives its paths with the images they use; a bare list is the older form.
        const found = await prerenderer.getStaticPaths();
        const paths = Array.isArray(found) ? found : found.paths;
        total = paths.length;
        listener.paths?.(paths.map((path) => path.pathname));
        return found;
      },
      render: async (request, options) => {
        const result = await prerenderer.render(request, options);
        listener.rendered?.(total, decodeURI(new URL(request.url).pathname));
        return result;
      },
    };
  };
}

/** Follows the pages of this build as Astro renders them; call it from `astro:build:start`. */
export function watchRenderedPages(setPrerenderer: SetPrerenderer, listener: RenderListener): void {
  setPrerenderer(wrap(listener));
}

/** Logs a line while Astro renders, when it has printed a page's path without a line end. */
export function logWhileRendering(logger: AstroIntegrationLogger): (line: string) => void {
  return (line) => {
    process.stdout.write('\n');
    logger.info(line);
  };
}
