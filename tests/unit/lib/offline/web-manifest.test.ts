import { describe, expect, it } from 'vitest';
import { webManifest } from '../../../../src/lib/offline/web-manifest.ts';

describe('web app manifest', () => {
  const manifest = webManifest({
    title: 'Архив новостей',
    description: 'Архив новостных материалов.',
    lang: 'ru',
    base: '/archive/',
  });

  it('starts and scopes the app at the base path', () => {
    expect(manifest).toMatchObject({
      start_url: '/archive/',
      scope: '/archive/',
      id: '/archive/',
      display: 'standalone',
    });
  });

  it('names the app in Russian with a short name that fits under an icon', () => {
    expect(manifest).toMatchObject({ name: 'Архив новостей', short_name: 'Архив', lang: 'ru' });
  });

  it('offers PNG icons at 192 and 512 pixels, one of them maskable', () => {
    const icons = manifest['icons'] as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    expect(icons.every((icon) => icon.src.startsWith('/archive/'))).toBe(true);
  });
});
