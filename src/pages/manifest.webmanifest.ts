import type { APIRoute } from 'astro';
import { webManifest } from '../lib/offline/web-manifest.ts';
import siteSettings from 'virtual:archive/site';

/** The web app manifest, written at build time with the deploy's base path. */
export const GET: APIRoute = () => {
  const manifest = webManifest({ ...siteSettings, base: import.meta.env.BASE_URL });
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};
