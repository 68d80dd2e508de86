/**
 * Headless annotate: parse an HTML file with linkedom and run both matching tiers: the first
 * (exact/fuzzy copies, `annotateDocument`) and the restatement tier (lib/restate).
 *
 *   npm run -s annotate -- <page.html> [--json] [--debug] [--index path/to/index.json | --dataset path/to/claims.json]
 *
 * Default output: a readable table. `--json`: one JSON object on stdout and nothing else:
 * `annotations` holds the first tier's matches (method "exact" | "fuzzy" | "text") in document
 * order, then the restatements (method "restatement", with `confidence` "high" (highlighted) or
 * "low" ("possibly related"), `score`, `reasons` {names, numbers, terms} and the dataset's
 * `original` words), in document order; `stories` the stories the page reports (empty when none).
 * `--debug` adds `rejected`: candidates a veto turned down, with the veto.
 * A missing or unreadable file: a one-line error on stderr, exit code 2.
 * The claims are data/claims.json, compiled here as `npm run dataset:compile` compiles it (~0.1 s),
 * so the command works right after `npm ci` and never reads a stale lib/generated/.
 * `--index` / `--dataset` (for tests and experiments) use another compiled index or raw dataset.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Dataset } from '../lib/dataset/types';
import { compileIndex } from '../lib/index/compile';
import type { CompiledIndex } from '../lib/index/format';
import { loadIndex } from '../lib/index/load';
import { annotateTiers } from '../lib/restate/annotate';
import type { TieredResult } from '../lib/restate/types';

function fail(message: string, code = 2): never {
  process.stderr.write(`annotate: ${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
let file: string | undefined;
let json = false;
let debug = false;
let indexPath: string | undefined;
let datasetPath: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--json') json = true;
  else if (a === '--debug') debug = true;
  else if (a === '--index') indexPath = args[++i];
  else if (a === '--dataset') datasetPath = args[++i];
  else if (a === '-h' || a === '--help') {
    process.stdout.write('usage: npm run -s annotate -- <page.html> [--json] [--debug]\n');
    process.exit(0);
  } else if (a.startsWith('--')) fail(`unknown option ${a}`);
  else if (!file) file = a;
  else fail(`unexpected argument ${a}`);
}
if (!file) fail('no input file (usage: npm run -s annotate -- <page.html> [--json])');

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  fail(`cannot read ${file}: ${err.code ?? err.message}`);
}

/** The project's dataset, wherever the command is run from. */
const DATASET = fileURLToPath(new URL('../data/claims.json', import.meta.url));

function getIndex(): CompiledIndex {
  try {
    if (indexPath) return loadIndex(JSON.parse(readFileSync(indexPath, 'utf8')));
    const raw = readFileSync(datasetPath ?? DATASET, 'utf8');
    return compileIndex(JSON.parse(raw) as Dataset, raw);
  } catch (e) {
    return fail(`cannot load the claims: ${(e as Error).message}`, 1);
  }
}

function table(result: TieredResult): string {
  const lines: string[] = [];
  lines.push(
    `article: ${result.isArticle ? 'yes' : 'no'}   language: ${result.language ?? '-'}   annotations: ${result.annotations.length}   restatements: ${result.restatements.length}   stories: ${result.stories.map((s) => s.storyId).join(', ') || '-'}`,
  );
  for (const s of result.stories) {
    lines.push(`this page reports: ${s.title.en} / ${s.title.ja} (${s.sources.join(', ')}, ${s.eventOn.date ?? `after ${s.eventOn.bounds?.after ?? '?'}`}); claims on the page: ${s.reasons.claimsOnPage.join(', ') || '-'}; counter-claims: ${s.counterClaims.map((c) => `${c.claimId} (about ${c.about})`).join(', ') || '-'}`);
  }
  if (result.annotations.length === 0 && result.restatements.length === 0) return lines.join('\n');
  const first = result.annotations.map((a) => [
    a.claimId,
    `${a.speaker.name.en} / ${a.speaker.name.ja}`,
    a.saidOn.date ?? `(${a.saidOn.precision})`,
    a.quote.replace(/\s+/g, ' ').slice(0, 60) + (a.quote.length > 60 ? '…' : ''),
    `${a.score.toFixed(3)} ${a.method}`,
    [...new Set(a.relations.filter((r) => r.type === 'contradicts').map((r) => r.claimId))].join(', ') || '-',
    [...new Set(a.relations.filter((r) => r.type === 'differs').map((r) => r.claimId))].join(', ') || '-',
  ]);
  const second = result.restatements.map((a) => [
    a.claimId,
    `${a.speaker.name.en} / ${a.speaker.name.ja}`,
    a.saidOn.date ?? `(${a.saidOn.precision})`,
    a.passage.replace(/\s+/g, ' ').slice(0, 60) + (a.passage.length > 60 ? '…' : ''),
    `${a.score.toFixed(3)} restatement/${a.confidence}`,
    [...new Set(a.relations.filter((r) => r.type === 'contradicts').map((r) => r.claimId))].join(', ') || '-',
    [...new Set(a.relations.filter((r) => r.type === 'differs').map((r) => r.claimId))].join(', ') || '-',
  ]);
  const rows = [...first, ...second];
  const head = ['claim', 'speaker', 'date', 'quote', 'score', 'contradicted by', 'another view'];
  const width = (s: string): number => {
    let w = 0;
    for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    return w;
  };
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const fmt = (r: string[]): string => r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  return lines.join('\n');
}

const index = getIndex();
const { document } = parseHTML(html);
const result = annotateTiers(document as unknown as Document, index);

/** The dataset's own words of a claim (the card shows them beside the page's passage). */
function originalWords(): (claimId: string) => { ja: string; en: string } | null {
  let texts: Map<string, { ja: string; en: string }> | null = null;
  return (claimId) => {
    if (!texts) {
      texts = new Map();
      try {
        if (indexPath && !datasetPath) throw new Error('no dataset');
        const ds = JSON.parse(readFileSync(datasetPath ?? DATASET, 'utf8')) as Dataset;
        for (const c of ds.claims) texts.set(c.id, c.text);
      } catch {
        // An index given by --index alone has no texts: `original` is null.
      }
    }
    return texts.get(claimId) ?? null;
  };
}

if (json) {
  const original = originalWords();
  const out = {
    isArticle: result.isArticle,
    language: result.language ?? null,
    annotations: [
      ...result.annotations.map((a) => ({
      claimId: a.claimId,
      quote: a.quote,
      score: a.score,
      method: a.method,
      lang: a.lang,
      speaker: a.speaker,
      saidOn: a.saidOn,
      sourceId: a.sourceId,
      relations: a.relations,
      })),
      ...result.restatements.map((a) => ({
        claimId: a.claimId,
        quote: a.passage,
        score: a.score,
        method: a.method,
        confidence: a.confidence,
        reasons: a.reasons,
        original: original(a.claimId),
        lang: a.lang,
        speaker: a.speaker,
        saidOn: a.saidOn,
        sourceId: a.sourceId,
        relations: a.relations,
      })),
    ],
    stories: result.stories,
    ...(debug ? { rejected: result.rejected } : {}),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
} else {
  process.stdout.write(table(result) + '\n');
}
