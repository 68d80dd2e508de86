/**
 * Benchmark (npm run bench; not a test): one run, printed as a table and one JSON line.
 *
 *  1. Per fixture page (matching and negative): annotateDocument time vs @mozilla/readability's
 *     parse() on a clone of the same document (the cost a reader-mode or annotation tool already
 *     pays per page), as a ratio. Both on linkedom, side by side (rounds alternate one batch of
 *     each), fastest batch of each side after warm-up; the clone is made outside the timed section.
 *  2. Scaling: synthetic datasets of 100, 1,000 and 10,000 claims (the real claims plus generated
 *     ones in both languages) on one matching page; matching time, and the one-off index load
 *     (JSON.parse + gram table) reported separately.
 *  3. Size: lib/annotate.ts + the compiled index bundled with esbuild (minified, gzip -9), and the
 *     built content script's four parts if .output/ has them.
 *  4. In headless Chromium: the same comparison in the DOM the content script runs on, warm (the
 *     steady state, as in 1.) and cold (the first call on a freshly loaded page, side by side with
 *     Readability's first parse(): what each page load pays), on the fixtures and on pages nobody
 *     tuned on (tests/fixtures/footprint/). What the content script costs a page as a whole,
 *     against an empty extension, is `npm run bench:footprint`.
 *
 * Targets: negative ≤ 0.05× Readability, matching ≤ 0.25×, 10,000 claims ≤ 2× the time of 100,
 * content script ≤ 40 KB gzipped.
 *
 * Two ratios per page: against parse() alone (the stricter figure), and against the per-page cost of
 * a reader-mode tool, clone + parse (it must clone: parse() mutates the document). The issue's
 * wording ("parse() on a clone of the same document (the cost a reader-mode or annotation tool
 * already pays per page)") reads either way, so both are printed and both verdicts given.
 *
 * Both DOMs are reported; the page targets are judged on the headless Chromium table, the DOM the
 * content script runs on (see `targetOf` below for why). Under linkedom every DOM access is
 * JavaScript, so there detection's one walk of the document costs ~0.05× Readability on the small
 * English negative pages by itself.
 */

import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundledIndex } from '../lib/annotate';
import type { Claim, Dataset } from '../lib/dataset/types';
import { compileIndex } from '../lib/index/compile';
import { gramTable, type CompiledIndex } from '../lib/index/format';
import { annotateWithIndex } from '../lib/match/pipeline';
import { detectArticle } from '../lib/detect/article';
import { PAGES as ALL_PAGES, readPage } from '../tests/fixtures/expectations';
import { BROWSER_ROUNDS, COLD_ROUNDS, SIDE_BATCH_MS, SIDE_ROUNDS, browserAvailable, browserCold, browserSideBySide, chromiumPath, parse, timeIt, timeSideBySide } from './bench-harness';

/** `--only=<text>`: just the fixture pages whose file name contains it (for quick comparisons). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PAGES = only ? ALL_PAGES.filter((p) => p.file.includes(only)) : ALL_PAGES;

// ------------------------------------------------------------------ 1. pages

const index = bundledIndex();
interface PageRow {
  page: string;
  kind: string;
  isArticle: boolean;
  annotations: number;
  annotateMs: number;
  detectMs: number;
  readabilityMs: number;
  readabilityWithCloneMs: number;
  ratio: number;
  /** annotate ÷ (clone + parse): the whole per-page cost of a reader-mode tool, which must clone (parse() mutates). */
  ratioPerPage: number;
}
const pageRows: PageRow[] = [];
for (const spec of PAGES) {
  const html = readPage(spec.file);
  const doc = parse(html);
  const result = annotateWithIndex(doc, index);
  const side = timeSideBySide(doc, () => annotateWithIndex(doc, index));
  const annotateMs = side.annotate;
  const detectMs = timeIt(() => detectArticle(doc));
  const readabilityMs = side.readability;
  pageRows.push({
    page: spec.file,
    kind: spec.kind === 'negative' ? 'negative' : 'matching',
    isArticle: result.isArticle,
    annotations: result.annotations.length,
    annotateMs,
    detectMs,
    readabilityMs,
    readabilityWithCloneMs: side.readabilityWithClone,
    ratio: annotateMs / readabilityMs,
    ratioPerPage: annotateMs / side.readabilityWithClone,
  });
}

// ------------------------------------------------------------------ 2. scaling

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const KANJI = '経済政策研究開発市場投資企業技術社会環境情報教育医療交通電力通信金融保険建設農業漁業観光文化芸術運動選手監督議会選挙法律裁判警察消防気象地震台風災害復興都市地方国際外交防衛安全保障条約貿易輸出輸入価格物価賃金雇用労働年金税制予算財政銀行証券株式債券為替';
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const KANA = 'のはがをにでとも';
const SYL = ['ka', 'ro', 'mi', 'ten', 'sul', 'var', 'den', 'pol', 'qui', 'nex', 'bra', 'lin', 'tor', 'gal', 'mer', 'sto', 'fen', 'dra', 'vel', 'cor'];
const COMMON_EN = ['the', 'of', 'and', 'to', 'in', 'AI', 'said', 'company', 'market', 'that', 'is', 'for'];
const COMMON_JA = ['AI', 'は', 'の', 'が', 'と述べた', '企業', 'xAI', '市場'];

function synthClaim(i: number, r: () => number): Claim {
  const ja = r() < 0.5;
  let text = '';
  if (ja) {
    while (text.length < 40 + r() * 40) {
      const pick = r();
      if (pick < 0.5) for (let k = 0; k < 2 + Math.floor(r() * 2); k++) text += KANJI[Math.floor(r() * KANJI.length)];
      else if (pick < 0.7) for (let k = 0; k < 3 + Math.floor(r() * 3); k++) text += KATAKANA[Math.floor(r() * KATAKANA.length)];
      else if (pick < 0.9) text += KANA[Math.floor(r() * KANA.length)];
      else text += COMMON_JA[Math.floor(r() * COMMON_JA.length)];
      if (r() < 0.08) text += '、';
    }
    text += '。';
  } else {
    const words: string[] = [];
    while (words.join(' ').length < 60 + r() * 60) {
      if (r() < 0.3) words.push(COMMON_EN[Math.floor(r() * COMMON_EN.length)]!);
      else {
        let w = '';
        for (let k = 0; k < 2 + Math.floor(r() * 2); k++) w += SYL[Math.floor(r() * SYL.length)];
        words.push(w);
      }
    }
    text = words.join(' ') + '.';
  }
  const lang = ja ? 'ja' : 'en';
  return {
    id: `synthetic-${i}`,
    sourceId: 'synthetic',
    speakerId: 'synthetic-speaker',
    kind: 'quote',
    saidOn: { date: null, precision: 'unknown', evidence: 'synthetic' },
    text: { ja: text, en: text },
    anchors: [{ lang, exact: text, start: 0, end: text.length, prefix: 'synthetic context before ', suffix: ' synthetic context after' }],
  };
}

const real = JSON.parse(readFileSync('data/claims.json', 'utf8')) as Dataset;
function synthDataset(n: number): Dataset {
  const r = rng(42);
  const claims = [...real.claims];
  for (let i = claims.length; i < n; i++) claims.push(synthClaim(i, r));
  return { ...real, claims: claims.slice(0, Math.max(n, 0)) };
}

const scalePage = 'ja-digest-lecun.html';
const scaleDoc = parse(readPage(scalePage));
interface ScaleRow {
  claims: number;
  anchors: number;
  annotations: number;
  annotateMs: number;
  loadMs: number;
  indexKB: number;
}
const scaleRows: ScaleRow[] = [];
for (const n of [100, 1000, 10000]) {
  const ds = synthDataset(n);
  // The first tier's index, as the background sends it (the restatement part is a file of its own).
  const { restate: _restate, ...compiled } = compileIndex(ds);
  const json = JSON.stringify(compiled);
  // One-off per page load in the content script: parse the JSON, build the gram table.
  const loadMs = timeIt(() => {
    const idx = JSON.parse(json) as CompiledIndex;
    gramTable(idx);
  }, 9);
  const idx = JSON.parse(json) as CompiledIndex;
  gramTable(idx);
  const res = annotateWithIndex(scaleDoc, idx);
  scaleRows.push({
    claims: ds.claims.length,
    anchors: idx.anchors.length,
    annotations: res.annotations.length,
    annotateMs: timeIt(() => annotateWithIndex(scaleDoc, idx)),
    loadMs,
    indexKB: json.length / 1024,
  });
}

// ------------------------------------------------------------------ 3. size

const bundled = await build({
  entryPoints: ['lib/annotate.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  logLevel: 'silent',
  // The first tier's engine and index only (bench:restate measures the second tier).
  external: ['*claims-restate.json'],
});
const bundle = bundled.outputFiles[0]!.contents;
const bundleGz = gzipSync(bundle, { level: 9 }).length;
const contentPath = '.output/chrome-mv3/content-script.js';
const contentGz = existsSync(contentPath) ? gzipSync(readFileSync(contentPath), { level: 9 }).length : null;
const stageOnePath = '.output/chrome-mv3/content-first-stage.js';
const stageOneGz = existsSync(stageOnePath) ? gzipSync(readFileSync(stageOnePath), { level: 9 }).length : null;
const stageTwoPath = '.output/chrome-mv3/content-stage-two.js';
const stageTwoGz = existsSync(stageTwoPath) ? gzipSync(readFileSync(stageTwoPath), { level: 9 }).length : null;

// ------------------------------------------------------------------ 4. in a real browser

/**
 * The same page comparison inside headless Chromium (the DOM the content script really runs on),
 * when /usr/bin/chromium (or CHROMIUM_PATH) exists and --no-browser is not given; method in
 * bench-harness.ts (browserSideBySide, browserCold).
 */
interface BrowserRow {
  page: string;
  kind: string;
  annotations: number;
  annotateMs: number;
  readabilityMs: number;
  cloneMs: number;
  ratio: number;
  ratioPerPage: number;
  /** The first call on a fresh page (median of COLD_ROUNDS loads per side): what each page load pays. */
  coldAnnotateMs: number;
  coldReadabilityMs: number;
  coldRatio: number;
}
/** Pages nobody tuned the engine on (written for the footprint bench), in the Chromium table too. */
const UNTUNED = [
  { file: 'footprint/article-lecun.html', path: 'tests/fixtures/footprint/article-lecun.html', kind: 'matching' },
  { file: 'footprint/article-other.html', path: 'tests/fixtures/footprint/article-other.html', kind: 'negative' },
];
const browserRows: BrowserRow[] = [];
if (browserAvailable()) {
  const specs = [
    ...PAGES.map((spec) => ({ name: spec.file, html: readPage(spec.file), kind: spec.kind === 'negative' ? 'negative' : 'matching' })),
    ...(only ? [] : UNTUNED.map((u) => ({ name: u.file, html: readFileSync(u.path, 'utf8'), kind: u.kind }))),
  ];
  const target = { code: `import { annotateDocument } from './lib/annotate';\nconst target = (d) => annotateDocument(d);\nconst count = (r) => r.annotations.length;\nconst steps = undefined;` };
  const measured = await browserSideBySide(target, specs);
  const cold = await browserCold(target, specs);
  for (const spec of specs) {
    const r = measured.get(spec.name)!;
    const c = cold.get(spec.name)!;
    browserRows.push({
      page: spec.name,
      kind: spec.kind,
      annotations: r.n,
      annotateMs: r.annotateMs,
      readabilityMs: r.readabilityMs,
      cloneMs: r.cloneMs,
      ratio: r.annotateMs / r.readabilityMs,
      ratioPerPage: r.annotateMs / (r.readabilityMs + r.cloneMs),
      coldAnnotateMs: c.targetMs,
      coldReadabilityMs: c.readabilityMs,
      coldRatio: c.targetMs / c.readabilityMs,
    });
  }
}

// ------------------------------------------------------------------ report

const f = (x: number, d = 3): string => x.toFixed(d);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lines: string[] = [];
lines.push(`Counterpoint engine benchmark (linkedom, side by side: ${SIDE_ROUNDS} rounds of one batch (≥ ${SIDE_BATCH_MS} ms) per side after 3 warm-up rounds, fastest batch's per-call mean; Node ${process.version})`);
lines.push('');
lines.push(`${pad('page', 30)}${pad('kind', 10)}${pad('article', 9)}${pad('annots', 8)}${pad('annotate ms', 13)}${pad('detect ms', 11)}${pad('readability ms', 16)}${pad('+clone ms', 11)}ratio  target      per page  target`);
for (const r of pageRows) {
  const target = r.kind === 'negative' ? 0.05 : 0.25;
  lines.push(
    `${pad(r.page, 30)}${pad(r.kind, 10)}${pad(String(r.isArticle), 9)}${pad(String(r.annotations), 8)}${pad(f(r.annotateMs), 13)}${pad(f(r.detectMs), 11)}${pad(f(r.readabilityMs), 16)}${pad(f(r.readabilityWithCloneMs), 11)}${pad(f(r.ratio), 7)}${pad(`≤ ${target} ${r.ratio <= target ? 'ok' : 'OVER'}`, 12)}${pad(f(r.ratioPerPage), 10)}${r.ratioPerPage <= target ? 'ok' : 'OVER'}`,
  );
}
if (browserRows.length) {
  lines.push('');
  lines.push(`in headless Chromium (${chromiumPath}), side by side: ${BROWSER_ROUNDS} rounds of one batch (≥ 20 ms) per side after 3 warm-up rounds, fastest batch's per-call mean (warm);`);
  lines.push(`cold: the first call on a freshly loaded page, median of ${COLD_ROUNDS} page loads per side (which side goes first alternates), Readability's parse() alone. footprint/: pages nobody tuned on.`);
  lines.push(`${pad('page', 30)}${pad('kind', 10)}${pad('annots', 8)}${pad('annotate ms', 13)}${pad('readability ms', 16)}${pad('clone ms', 10)}ratio  target      per page  target  cold ms  cold rd  cold ratio`);
  for (const r of browserRows) {
    const target = r.kind === 'negative' ? 0.05 : 0.25;
    lines.push(`${pad(r.page, 30)}${pad(r.kind, 10)}${pad(String(r.annotations), 8)}${pad(f(r.annotateMs), 13)}${pad(f(r.readabilityMs), 16)}${pad(f(r.cloneMs), 10)}${pad(f(r.ratio), 7)}${pad(`≤ ${target} ${r.ratio <= target ? 'ok' : 'OVER'}`, 12)}${pad(f(r.ratioPerPage), 10)}${pad(r.ratioPerPage <= target ? 'ok' : 'OVER', 8)}${pad(f(r.coldAnnotateMs, 2), 9)}${pad(f(r.coldReadabilityMs, 2), 9)}${f(r.coldRatio, 3)}`);
  }
}
lines.push('');
lines.push(`scaling on ${scalePage}:`);
lines.push(`${pad('claims', 9)}${pad('anchors', 9)}${pad('annots', 8)}${pad('annotate ms', 13)}${pad('load ms (once)', 16)}index KB`);
for (const r of scaleRows) lines.push(`${pad(String(r.claims), 9)}${pad(String(r.anchors), 9)}${pad(String(r.annotations), 8)}${pad(f(r.annotateMs), 13)}${pad(f(r.loadMs), 16)}${f(r.indexKB, 1)}`);
const scaleRatio = scaleRows[2]!.annotateMs / scaleRows[0]!.annotateMs;
lines.push(`10,000 / 100 claims: ${f(scaleRatio, 2)}× (target ≤ 2×) ${scaleRatio <= 2 ? 'ok' : 'OVER'}`);
lines.push('');
lines.push(`size: lib/annotate.ts + index (esbuild, minified): ${(bundle.length / 1024).toFixed(1)} KB, gzipped ${(bundleGz / 1024).toFixed(1)} KB (target ≤ 40 KB) ${bundleGz <= 40 * 1024 ? 'ok' : 'OVER'}`);
lines.push(
  `      ${contentPath}: ${contentGz === null ? 'not built (run npm run build)' : `gzipped ${(contentGz / 1024).toFixed(1)} KB`} — the first look, on every page (does the page need Counterpoint?)`,
  `      ${stageOnePath}: ${stageOneGz === null ? 'not built' : `gzipped ${(stageOneGz / 1024).toFixed(1)} KB`} — the first stage, on pages that need it (detection, the gate, the page's life cycle, the page's side of matching: both tiers run in the background)`,
  `      ${stageTwoPath}: ${stageTwoGz === null ? 'not built' : `gzipped ${(stageTwoGz / 1024).toFixed(1)} KB`} — the second stage, where there is something to show (the overlay with its inlined styles, notes drawing and menu; the card catalog and the UI strings come from the background)`,
  `      a page that passes the gate loads the first two: ${contentGz === null || stageOneGz === null ? 'not built' : `${((contentGz + stageOneGz) / 1024).toFixed(1)} KB (target ≤ 40 KB) ${contentGz + stageOneGz <= 40 * 1024 ? 'ok' : 'OVER'}`}; a page with a match, all three: ${contentGz === null || stageOneGz === null || stageTwoGz === null ? 'not built' : `${((contentGz + stageOneGz + stageTwoGz) / 1024).toFixed(1)} KB`}`,
);

/**
 * The page targets are judged on the Chromium table: that is the DOM the content script runs on,
 * and the ratio is mostly a property of the DOM implementation, not of the engine. Under linkedom
 * every DOM access is JavaScript (one walk over a 750-element page's nodes costs ~35 µs, 0.03×
 * Readability there, before any detection work); under jsdom the same engine measured 0.5–0.77× on
 * the matching pages. The Node table stays, for the CLI's users and as a second view.
 */
const targetOf = (kind: string): number => (kind === 'negative' ? 0.05 : 0.25);
const judged = browserRows.length > 0 ? browserRows : null;
const over = judged ? judged.filter((r) => r.ratio > targetOf(r.kind)).map((r) => r.page) : [];
const overPerPage = judged ? judged.filter((r) => r.ratioPerPage > targetOf(r.kind)).map((r) => r.page) : [];
const verdict = (list: string[]): string => (list.length === 0 ? 'all met' : `over on ${list.join(', ')}`);
lines.push('');
lines.push(
  judged
    ? `page targets, judged on headless Chromium (the content script's DOM): against parse() alone ${verdict(over)}; against the per-page cost (clone + parse) ${verdict(overPerPage)}`
    : 'page targets: not judged (no Chromium: the Node/linkedom table is for reference only)',
);

const worst = (kind: string): number => Math.max(...pageRows.filter((r) => r.kind === kind).map((r) => r.ratio));
const summary = {
  pages: pageRows.map((r) => ({ ...r, annotateMs: +f(r.annotateMs, 4), detectMs: +f(r.detectMs, 4), readabilityMs: +f(r.readabilityMs, 4), readabilityWithCloneMs: +f(r.readabilityWithCloneMs, 4), ratio: +f(r.ratio, 4), ratioPerPage: +f(r.ratioPerPage, 4) })),
  worstRatio: { matching: +f(worst('matching'), 4), negative: +f(worst('negative'), 4) },
  browser: browserRows.map((r) => ({ ...r, annotateMs: +f(r.annotateMs, 4), readabilityMs: +f(r.readabilityMs, 4), cloneMs: +f(r.cloneMs, 4), ratio: +f(r.ratio, 4), ratioPerPage: +f(r.ratioPerPage, 4), coldAnnotateMs: +f(r.coldAnnotateMs, 3), coldReadabilityMs: +f(r.coldReadabilityMs, 3), coldRatio: +f(r.coldRatio, 4) })),
  scaling: scaleRows.map((r) => ({ ...r, annotateMs: +f(r.annotateMs, 4), loadMs: +f(r.loadMs, 4), indexKB: +f(r.indexKB, 1) })),
  scaleRatio10kTo100: +f(scaleRatio, 3),
  pageTargets: judged
    ? { judgedOn: 'chromium', parseOnly: { met: over.length === 0, over }, perPage: { met: overPerPage.length === 0, over: overPerPage } }
    : { judgedOn: null },
  bundleGzipBytes: bundleGz,
  contentScriptGzipBytes: contentGz,
  firstStageGzipBytes: stageOneGz,
  secondStageGzipBytes: stageTwoGz,
};
process.stdout.write(lines.join('\n') + '\n\n' + JSON.stringify(summary) + '\n');
