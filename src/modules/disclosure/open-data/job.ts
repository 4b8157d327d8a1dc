/**
 * The daily open-data run: exports today's file set into `<dataDir>/open-data/<date>/` and keeps the
 * newest `keepDays` exports. The routes serve the newest directory that has a manifest (one written
 * completely).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/types';
import { chinaDate } from '../../../shared/time';
import { exportDisclosed, MANIFEST_NAME, type OpenDataManifest } from './export';

export const OPEN_DATA_DIR = 'open-data';
export const DEFAULT_KEEP_DAYS = 7;
const DATE_DIR = /^\d{4}-\d{2}-\d{2}$/;

/** Where the exports live: `<dataDir>/open-data`. */
export function openDataRoot(dataDir: string): string {
  return path.join(dataDir, OPEN_DATA_DIR);
}

/** Export dates present under the root, newest first (complete ones only). */
export function listExports(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && DATE_DIR.test(entry.name) && fs.existsSync(path.join(root, entry.name, MANIFEST_NAME)))
    .map((entry) => entry.name)
    .sort()
    .reverse();
}

/** One daily run: today's export (replacing one of the same date), then exports beyond `keepDays` removed. */
export async function runOpenDataExport(db: Db, options: { dataDir: string; date?: string; keepDays?: number }): Promise<OpenDataManifest> {
  const root = openDataRoot(options.dataDir);
  const date = options.date ?? chinaDate();
  const manifest = await exportDisclosed(db, { dir: path.join(root, date), date });
  for (const old of listExports(root).slice(options.keepDays ?? DEFAULT_KEEP_DAYS)) {
    fs.rmSync(path.join(root, old), { recursive: true, force: true });
  }
  return manifest;
}

/** The newest complete export: its directory and manifest, or null when there is none yet. */
export function latestExport(dataDir: string): { dir: string; manifest: OpenDataManifest } | null {
  const root = openDataRoot(dataDir);
  for (const date of listExports(root)) {
    const dir = path.join(root, date);
    try {
      return { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_NAME), 'utf8')) as OpenDataManifest };
    } catch {
      continue; // removed or unreadable meanwhile: try the previous day
    }
  }
  return null;
}
