import { createHash } from 'node:crypto';

/** Declares the order of the cascade layers once for the whole site, before any style. */
export const LAYER_ORDER = '@layer reset, tokens, base, layout, components, utilities, print;';

/** Applies a remembered theme before the first paint, so a dark page never flashes light. */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

/** What every page tells the browser about its referrer: nothing leaves the site. */
export const REFERRER_POLICY = 'same-origin';

const hash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy of every page: the site's own files, the two inline snippets above
 * by hash, WebAssembly for the search (Pagefind), nothing from elsewhere, no style attributes. As a
 * header (`_headers`) it also forbids framing, which a `<meta>` policy cannot say.
 */
export function contentSecurityPolicy(delivery: 'meta' | 'header' = 'meta'): string {
  const directives = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hash(THEME_SCRIPT)}`,
    `style-src 'self' ${hash(LAYER_ORDER)}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}
