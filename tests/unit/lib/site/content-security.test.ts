import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  LAYER_ORDER,
  REFERRER_POLICY,
  THEME_SCRIPT,
} from '../../../../src/lib/site/content-security.ts';
import { headersFor, parseHeaders } from '../../../support/headers-server.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the content security policy', () => {
  it('allows the site’s own files, its two inline snippets by hash and WebAssembly, and nothing else', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha256(THEME_SCRIPT)}`);
    expect(policy).toContain(`style-src 'self' ${sha256(LAYER_ORDER)}`);
    for (const directive of policy.split('; ')) {
      const [, ...sources] = directive.split(' ');
      expect(sources, directive).not.toContain("'unsafe-eval'");
      expect(sources, directive).not.toContain("'unsafe-inline'");
      for (const source of sources) expect(source, directive).not.toMatch(/^(?:\*|https?:|data:|blob:)/u);
    }
    // frame-ancestors is ignored, with a console error, in a <meta> policy.
    expect(policy).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy('header')).toBe(`${policy}; frame-ancestors 'none'`);
  });

  it('is the policy public/_headers sends with every file, with long caching for hashed assets', () => {
    const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));
    const page = headersFor(rules, '/doc/some-document/');
    expect(page.get('content-security-policy')).toBe(contentSecurityPolicy('header'));
    expect(page.get('referrer-policy')).toBe(REFERRER_POLICY);
    expect(page.get('cache-control')).toBe('no-cache');
    expect(headersFor(rules, '/').get('cache-control')).toBe('no-cache');
    expect(headersFor(rules, '/sw.js').get('cache-control')).toBe('no-cache');
    for (const asset of ['/_astro/BaseLayout.uJ1KUEM3.css', '/pagefind/fragment/ru_272a723.pf_fragment'])
      expect(headersFor(rules, asset).get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/pagefind/pagefind.js').get('cache-control')).toBeUndefined();
  });
});
