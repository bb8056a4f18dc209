import { resolve } from 'node:path';
import { readJson, writeJson } from './json-file.ts';

/** What the last content sync did with the seed files, for the build report. */
export interface SyncReport {
  /** Seed files found. */
  files: number;
  /** Files whose digest was known: taken from the cache, neither decoded nor parsed. */
  reused: number;
  /** Files decoded and parsed in this sync (new or changed bytes, or cached outputs missing). */
  parsed: number;
  /** Documents rendered (body, headline, terms, language, words) and stored in this sync. */
  rendered: number;
}

const syncReportPath = (cacheDir: string): string => resolve(cacheDir, 'archive-sync.json');

/** Keeps what this sync did, for the build's report at its end. */
export async function writeSyncReport(cacheDir: string, report: SyncReport): Promise<void> {
  await writeJson(syncReportPath(cacheDir), report);
}

/** What the last sync did; undefined when no sync has run with this cache. */
export async function readSyncReport(cacheDir: string): Promise<SyncReport | undefined> {
  return readJson<SyncReport | undefined>(syncReportPath(cacheDir), undefined);
}
