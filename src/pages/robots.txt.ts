import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/paths.ts';
import siteSettings from 'virtual:archive/site';

/** Lets every crawler in and points it to the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site ?? siteSettings.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
