import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

type BuildStartHook = NonNullable<AstroIntegration['hooks']['astro:build:start']>;
type SetPrerenderer = Parameters<BuildStartHook>[0]['setPrerenderer'];
type Prerenderer = Parameters<Extract<Parameters<SetPrerenderer>[0], (...args: never[]) => unknown>>[0];

/** One page Astro rendered: its URL path (with the base, decoded) and its HTML. */
export interface RenderedPage {
  path: string;
  html: string;
}

/** What an integration hears about the pages of a build while Astro renders them. */
export interface RenderListener {
  /** Astro starts collecting the paths to render (loading the content store comes first). */
  collecting?: () => void;
  /** The paths Astro will render (without the base), once, before the first page. */
  paths?: (paths: readonly string[]) => void;
  /** Every rendered response, HTML or not, with the number of paths to render and its URL path (with the base). */
  rendered?: (total: number, path: string) => void;
  /** Each rendered HTML page; a returned promise holds rendering back until it settles. */
  page?: (page: RenderedPage) => void | Promise<void>;
}

const listeners = new Set<RenderListener>();

async function notifyPage(response: Response, url: string): Promise<void> {
  const wanted = [...listeners].filter((listener) => listener.page);
  const type = response.headers.get('content-type') ?? '';
  if (wanted.length === 0 || response.status !== 200 || !response.body || !type.startsWith('text/html'))
    return;
  // A copy: Astro reads the original body to write the file.
  const page = { path: decodeURI(new URL(url).pathname), html: await response.clone().text() };
  for (const listener of wanted) await listener.page?.(page);
}

// Astro keeps only the last prerenderer set, so every listener shares this one wrapper.
function wrap(prerenderer: Prerenderer): Prerenderer {
  let total = 0;
  return {
    ...prerenderer,
    getStaticPaths: async () => {
      for (const listener of listeners) listener.collecting?.();
      const paths = await prerenderer.getStaticPaths();
      total = paths.length;
      const names = paths.map((path) => path.pathname);
      for (const listener of listeners) listener.paths?.(names);
      return paths;
    },
    render: async (request, options) => {
      const result = await prerenderer.render(request, options);
      await notifyPage(result instanceof Response ? result : result.response, request.url);
      const path = decodeURI(new URL(request.url).pathname);
      for (const listener of listeners) listener.rendered?.(total, path);
      return result;
    },
  };
}

/**
 * Subscribes to the pages of this build as Astro renders them; call it from `astro:build:start`.
 * Returns the function that unsubscribes (call it at `astro:build:done`).
 */
export function watchRenderedPages(setPrerenderer: SetPrerenderer, listener: RenderListener): () => void {
  listeners.add(listener);
  setPrerenderer(wrap);
  return () => listeners.delete(listener);
}

/** Logs a line while Astro renders, when it has printed a page's path without a line end. */
export function logWhileRendering(logger: AstroIntegrationLogger): (line: string) => void {
  return (line) => {
    process.stdout.write('\n');
    logger.info(line);
  };
}
