/** What the web app manifest says about the site. */
export interface ManifestSource {
  title: string;
  description: string;
  lang: string;
  /** The site's base path; the app's start and scope. */
  base: string;
}

/** The web app manifest: names, Russian description, light-theme colours and icons in the sizes browsers ask for. */
export function webManifest(source: ManifestSource): Record<string, unknown> {
  const icon = (file: string, size: number, purpose: string): Record<string, string> => ({
    src: `${source.base}icons/${file}`,
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  });
  return {
    name: source.title,
    short_name: source.title.length <= 12 ? source.title : (source.title.split(/\s+/u)[0] ?? source.title),
    description: source.description,
    lang: source.lang,
    dir: 'ltr',
    id: source.base,
    start_url: source.base,
    scope: source.base,
    display: 'standalone',
    // The light theme's surface and page colours; the dark ones come from `theme-color` meta tags.
    theme_color: '#f3f1ea',
    background_color: '#fdfcf8',
    icons: [
      icon('icon-192.png', 192, 'any'),
      icon('icon-512.png', 512, 'any'),
      icon('icon-maskable-512.png', 512, 'maskable'),
      { src: `${source.base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
