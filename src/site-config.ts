/** Everything a publisher sets about the site, in one typed place. */
export interface SiteConfig {
  /** Site name shown in the header and in titles. */
  title: string;
  /** One sentence about the archive, for the home page and meta description. */
  description: string;
  /** Language of the interface and default language of documents (BCP 47). */
  lang: string;
  /** Documents per page in lists (env `PAGE_SIZE`). */
  pageSize: number;
  /** Folder of seed documents, relative to the project root (env `SEEDS_DIR`). */
  seedsDir: string;
}

/** The site's configuration; environment variables override what deploys change. */
export const siteConfig: SiteConfig = {
  title: 'Архив новостей',
  description: 'Архив новостных материалов с полнотекстовым поиском, доступный без сети.',
  lang: 'ru',
  pageSize: Number(process.env['PAGE_SIZE'] ?? 50),
  seedsDir: process.env['SEEDS_DIR'] ?? 'seeds',
};
