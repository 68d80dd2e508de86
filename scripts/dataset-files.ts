/** File locations and loading for the dataset scripts (node:fs lives here, not in lib/). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(ROOT, 'data');
export const SOURCES_DIR = join(DATA_DIR, 'sources');
export const CLAIMS_FILE = join(DATA_DIR, 'claims.json');
export const AUTHORING_FILE = join(DATA_DIR, 'claims.authoring.json');

/** Every seed copy under data/sources/, keyed by file name (Source.seedFile). */
export function readSeeds(dir = SOURCES_DIR): Record<string, string> {
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) seeds[name] = readFileSync(join(dir, name), 'utf8');
  }
  return seeds;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A deep copy (tests break copies on purpose). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
