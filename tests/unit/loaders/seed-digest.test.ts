import { describe, expect, it } from 'vitest';
import { ingestFingerprint } from '../../../src/loaders/seed-digest.ts';

describe('what keys a record besides its seed', () => {
  it('changes with each setting a record is made with: the language and the largest file read', async () => {
    const base = await ingestFingerprint({ lang: 'ru', maxBytes: 1000 });
    expect(await ingestFingerprint({ lang: 'ru', maxBytes: 1000 })).toBe(base);
    expect(await ingestFingerprint({ lang: 'en', maxBytes: 1000 })).not.toBe(base);
    expect(await ingestFingerprint({ lang: 'ru', maxBytes: 2000 })).not.toBe(base);
  });
});
