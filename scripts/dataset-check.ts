/**
 * npm run dataset:check — validates data/claims.json against its schema (lib/dataset/validate.ts)
 * and the seed copies in data/sources/, checks it is up to date with data/claims.authoring.json,
 * prints counts, and exits non-zero on any violation.
 *
 *   npm run dataset:check
 *   tsx scripts/dataset-check.ts --claims other.json [--sources dir] [--authoring file|none]
 *
 * With --claims, the up-to-date check against the authoring file is skipped unless --authoring is given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildDataset, serializeDataset, type AuthoringFile } from '../lib/dataset/build';
import type { Dataset } from '../lib/dataset/types';
import { datasetStats, formatIssue, validateDataset } from '../lib/dataset/validate';
import { AUTHORING_FILE, CLAIMS_FILE, readJson, readSeeds } from './dataset-files';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
const claimsFile = flag('claims') ?? CLAIMS_FILE;
const authoringFlag = flag('authoring');
const authoringFile = authoringFlag === 'none' ? undefined : (authoringFlag ?? (flag('claims') ? undefined : AUTHORING_FILE));

const seeds = readSeeds(flag('sources'));
const errors: string[] = [];
let value: unknown;
try {
  value = readJson(claimsFile);
} catch (e) {
  console.error(`error: ${claimsFile}: ${(e as Error).message}`);
  process.exit(1);
}
const result = validateDataset(value, seeds);
errors.push(...result.errors.map(formatIssue));

// The committed claims.json must be what the builder makes of the authoring file.
if (authoringFile && existsSync(authoringFile)) {
  const built = buildDataset(readJson(authoringFile) as AuthoringFile, seeds);
  errors.push(...built.errors.map((e) => `authoring: ${e}`));
  if (built.errors.length === 0 && serializeDataset(built.dataset) !== readFileSync(claimsFile, 'utf8')) {
    const current = value as Partial<Dataset>;
    const stale = built.dataset.claims.find((cl, i) => JSON.stringify(cl) !== JSON.stringify(current.claims?.[i]));
    errors.push(
      `dataset: data/claims.json is out of date with data/claims.authoring.json` +
        `${stale ? ` (first difference: claim ${stale.id})` : ''}; run npx tsx scripts/dataset-build.ts`,
    );
  }
}

if (result.ok) {
  const st = datasetStats(value as Dataset);
  const line = (rec: Record<string, number>) => Object.entries(rec).map(([k, n]) => `${k}=${n}`).join('  ');
  console.log(`sources ${st.sources}, entities ${st.entities}, claims ${st.claims}, relations ${st.relations}`);
  console.log(`claims per source:   ${line(st.claimsPerSource)}`);
  console.log(`claims per kind:     ${line(st.claimsPerKind)}`);
  console.log(`relations per type:  ${line(st.relationsPerType)}`);
  console.log(`anchors per lang:    ${line(st.anchorsPerLang)}`);
}
for (const w of result.warnings) console.warn(`warning: ${formatIssue(w)}`);
if (errors.length > 0) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`\ndataset:check failed with ${errors.length} error(s).`);
  process.exit(1);
}
console.log('dataset:check ok');
