/**
 * Regenerates data/claims.json from data/claims.authoring.json: locates every anchor quote in
 * the seed copies under data/sources/ and fills start/end/prefix/suffix. Refuses to write when a
 * quote is missing or ambiguous, or when the result does not validate.
 *
 *   npx tsx scripts/dataset-build.ts
 */
import { writeFileSync } from 'node:fs';
import { buildDataset, serializeDataset, type AuthoringFile } from '../lib/dataset/build';
import { formatIssue, validateDataset } from '../lib/dataset/validate';
import { AUTHORING_FILE, CLAIMS_FILE, readJson, readSeeds } from './dataset-files';

const seeds = readSeeds();
const { dataset, errors } = buildDataset(readJson(AUTHORING_FILE) as AuthoringFile, seeds);
const result = validateDataset(dataset, seeds);
const all = [...errors, ...result.errors.map(formatIssue)];
if (all.length > 0) {
  for (const e of all) console.error(`error: ${e}`);
  console.error(`\n${all.length} error(s); ${CLAIMS_FILE} not written.`);
  process.exit(1);
}
writeFileSync(CLAIMS_FILE, serializeDataset(dataset));
console.log(`wrote ${CLAIMS_FILE}: ${dataset.claims.length} claims, ${dataset.relations.length} relations`);
