import { describe, expect, it } from 'vitest';
import { parseSiteOptions } from '../../../src/schemas/site.ts';

const named = { title: 'Архив новостей', description: 'Новости за много лет.' };

describe('the site options a publisher gives archive()', () => {
  it('fill in every setting a page shows from the title and description alone', () => {
    expect(parseSiteOptions(named)).toEqual({
      ...named,
      lang: 'ru',
      ogLocale: 'ru_RU',
      site: 'http://localhost:4321',
      base: '/',
      pageSize: 50,
      dateFormat: { day: 'numeric', month: 'long', year: 'numeric' },
      feedSize: 50,
      relatedCount: 5,
    });
  });

  it('take the Open Graph locale from the language unless one is given', () => {
    expect(parseSiteOptions({ ...named, lang: 'en' }).ogLocale).toBe('en_US');
    expect(parseSiteOptions({ ...named, lang: 'uk' }).ogLocale).toBe('uk_UA');
    expect(parseSiteOptions({ ...named, lang: 'en', ogLocale: 'en_GB' }).ogLocale).toBe('en_GB');
  });

  it('let a deploy override the address, the base path and the page size', () => {
    const settings = parseSiteOptions(
      { ...named, site: 'https://example.org', pageSize: 20 },
      { site: 'https://news.example.org', base: '/archive/', pageSize: 5 },
    );
    expect(settings).toMatchObject({ site: 'https://news.example.org', base: '/archive/', pageSize: 5 });
  });

  it('refuse an archive without a name, naming the missing option', () => {
    expect(() => parseSiteOptions({ description: 'x' })).toThrow(/archive\(\): invalid options\n- title: /u);
    expect(() => parseSiteOptions({ ...named, title: '  ' })).toThrow(/- title: /u);
  });

  it('name every bad option in one error', () => {
    const bad = { ...named, pageSize: 0, lang: 'not a language', site: 'ftp://x', feedSize: 2.5 };
    let message = '';
    try {
      parseSiteOptions(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const option of ['pageSize', 'lang', 'site', 'feedSize']) expect(message).toMatch(`- ${option}: `);
  });

  it('refuse a date format Intl cannot use, and an option it does not know', () => {
    expect(() => parseSiteOptions({ ...named, dateFormat: { month: 'very long' } })).toThrow(
      /- dateFormat: must be Intl.DateTimeFormat options/u,
    );
    expect(() => parseSiteOptions({ ...named, pagesize: 20 })).toThrow(/pagesize/u);
  });
});
