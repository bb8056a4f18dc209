import slugify from '@sindresorhus/slugify';

/** Turns a seed's path inside the seeds folder into an ASCII URL slug; folders join with `--`. */
export function slugFromPath(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\.txt$/iu, '');
  const slug = withoutExtension
    .split(/[\\/]+/u)
    .filter((segment) => segment !== '')
    .map((segment) => slugify(segment, { decamelize: false }))
    .filter((segment) => segment !== '')
    .join('--');
  return slug === '' ? 'document' : slug;
}
