/**
 * Build step: data/claims.json (human-edited) → lib/generated/ (generated, git-ignored):
 *  - claims-index.json: the compact pre-indexed form the matcher loads;
 *  - claims-catalog.json: the dataset trimmed to what the overlay's card shows;
 *  - claims-restate.json: the restatement tier's part of the index (`CompiledIndex.restate`), kept
 *    apart so the background's `claims:data` reply carries the first tier's index only until the
 *    extension runs the second tier (lib/annotate.ts attaches it for the CLI, tests and benchmarks);
 *  - claims-gate.json: the page gate's terms, the only dataset part the content script bundles
 *    (it asks the background for the index and catalog once a page passes the gate). Run by `npm run dataset:compile`,
 * and first thing in `build`, `build:firefox`, `compile` and `test:unit`.
 *
 * Usage: tsx scripts/compile-dataset.ts [--in data/claims.json] [--out lib/generated/claims-index.json]
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cardCatalog } from '../lib/index/catalog';
import { compileIndex } from '../lib/index/compile';
import type { Dataset } from '../lib/dataset/types';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const input = resolve(arg('--in', 'data/claims.json'));
const output = resolve(arg('--out', 'lib/generated/claims-index.json'));

let raw: string;
try {
  raw = readFileSync(input, 'utf8');
} catch (e) {
  console.error(`dataset:compile: cannot read ${input}: ${(e as Error).message}`);
  process.exit(1);
}
let dataset: Dataset;
try {
  dataset = JSON.parse(raw) as Dataset;
} catch (e) {
  console.error(`dataset:compile: ${input} is not valid JSON: ${(e as Error).message}`);
  process.exit(1);
}
for (const key of ['sources', 'entities', 'claims', 'relations'] as const) {
  if (!Array.isArray(dataset[key])) {
    console.error(`dataset:compile: ${input} has no "${key}" array`);
    process.exit(1);
  }
}

const { restate, ...index } = compileIndex(dataset, raw);
const json = JSON.stringify(index);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, json + '\n');
writeFileSync(resolve(dirname(output), 'claims-restate.json'), JSON.stringify(restate ?? null) + '\n');
writeFileSync(resolve(dirname(output), 'claims-catalog.json'), JSON.stringify(cardCatalog(dataset)) + '\n');
writeFileSync(resolve(dirname(output), 'claims-gate.json'), JSON.stringify({ datasetHash: index.datasetHash, gate: index.gate ?? [] }) + '\n');
const grams = index.anchors.reduce((n, a) => n + a.g.length, 0);
console.error(
  `dataset:compile: ${index.claims.length} claims, ${index.anchors.length} anchors, ${grams} seed grams → ${output} (${(json.length / 1024).toFixed(1)} KB)`,
);
