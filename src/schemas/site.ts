import { z } from 'astro/zod';

// A date format is whatever `Intl.DateTimeFormat` accepts: asking it is the validation.
const dateFormat = z.custom<Intl.DateTimeFormatOptions>(
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    try {
      new Intl.DateTimeFormat('en', value);
      return true;
    } catch {
      return false;
    }
  },
  {
    message:
      'must be Intl.DateTimeFormat options, such as { day: "numeric", month: "long", year: "numeric" }',
  },
);

function isLanguageTag(tag: string): boolean {
  try {
    return new Intl.Locale(tag).language !== '';
  } catch {
    return false;
  }
}

// The Open Graph locale a language stands for when none is given: `ru` → `ru_RU`, `en` → `en_US`.
function ogLocaleOf(lang: string): string {
  const { language, region } = new Intl.Locale(lang).maximize();
  return region === undefined ? language : `${language}_${region}`;
}

/** What the publisher says about the archive in `archive({ … })`: everything pages show, nothing else. */
export const siteOptionsSchema = z
  .object({
    /** Site name shown in the header and in titles. */
    title: z.string().trim().min(1),
    /** One sentence about the archive, for the home page and meta description. */
    description: z.string().trim().min(1),
    /** Language of the interface and default language of documents (BCP 47). */
    lang: z
      .string()
      .default('ru')
      .refine(isLanguageTag, { message: 'must be a BCP 47 language tag, such as "ru" or "en"' }),
    /** Open Graph locale of the pages (default: the language's usual one, `ru_RU` for `ru`). */
    ogLocale: z.string().min(2).optional(),
    /** Absolute address of the deployed site, for canonical links and feeds (env `SITE_URL` wins). */
    site: z.url({ protocol: /^https?$/u }).default('http://localhost:4321'),
    /** Path the site is served under, such as `/archive/` (env `BASE_PATH` wins). */
    base: z.string().default('/'),
    /** Documents per page in lists (env `PAGE_SIZE` wins). */
    pageSize: z.number().int().min(1).default(50),
    /** How dates are written, as `Intl.DateTimeFormat` options in the site's language. */
    dateFormat: dateFormat.default({ day: 'numeric', month: 'long', year: 'numeric' }),
    /** Documents in each feed, newest first. */
    feedSize: z.number().int().min(1).default(50),
    /** Related documents shown under each document. */
    relatedCount: z.number().int().min(0).default(5),
  })
  .strict()
  .transform(({ ogLocale, ...settings }) => ({
    ...settings,
    ogLocale: ogLocale ?? ogLocaleOf(settings.lang),
  }));

/** The options `archive()` takes, before defaults. */
export type SiteOptions = z.input<typeof siteOptionsSchema>;

/** The validated site settings every page and component reads (`virtual:archive/site`). */
export type SiteSettings = z.output<typeof siteOptionsSchema>;

/**
 * Validates the publisher's options, with a deploy's `overrides` over them and defaults filled in;
 * throws one error naming every bad option.
 */
export function parseSiteOptions(options: unknown, overrides: Partial<SiteOptions> = {}): SiteSettings {
  const result = siteOptionsSchema.safeParse({ ...(options as object), ...overrides });
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `- ${issue.path.length > 0 ? issue.path.join('.') : 'options'}: ${issue.message}`,
  );
  throw new Error(`archive(): invalid options\n${lines.join('\n')}`);
}
