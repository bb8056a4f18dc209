declare module 'virtual:archive/site' {
  /** The archive's site settings, as `archive({ … })` validated them. */
  const site: import('./schemas/site.ts').SiteSettings;
  export default site;
}

declare module 'virtual:archive/cache' {
  /** The build cache's folder (`BuildSettings.cacheDir`), the one build setting pages read. */
  const cacheDir: string;
  export default cacheDir;
}

declare module 'virtual:archive/build' {
  /** This build's settings, parsed once from the environment. */
  const build: import('./build/build-settings.ts').BuildSettings;
  export default build;
}
