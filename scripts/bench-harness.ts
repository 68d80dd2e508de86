/**
 * The benchmark harness shared by `npm run bench` (scripts/bench.ts, the first tier) and
 * `npm run bench:restate` (scripts/bench-restate.ts, both tiers): timing statistics, the Node
 * (linkedom) side-by-side comparison with Readability, and the same comparison inside headless
 * Chromium. The method of each is documented where it is defined; both scripts use them unchanged,
 * so their figures compare.
 */

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';

export const WARMUP = 10;
export const RUNS = 40;
/** Side-by-side page timing: rounds of one batch per side, each batch at least this long. */
export const SIDE_ROUNDS = 15;
export const SIDE_BATCH_MS = 10;
/** Rounds in Chromium: more than in Node, as its timer is coarse and its figures moved more. */
export const BROWSER_ROUNDS = 25;

/**
 * The statistic of a timing series: the fastest run. On a shared machine other processes only
 * ever add time, so the minimum is the most reproducible figure; both sides of every ratio use it.
 */
export function fastest(xs: number[]): number {
  return Math.min(...xs);
}

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function timeIt(fn: () => void, runs = RUNS): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return fastest(t);
}

/** Calls per batch so that one batch of `fn` takes at least `ms` (after a warm-up). */
export function batchSize(fn: () => void, ms: number): number {
  for (let i = 0; i < WARMUP; i++) fn();
  for (let n = 1; ; n *= 2) {
    const s = performance.now();
    for (let i = 0; i < n; i++) fn();
    if (performance.now() - s >= ms || n >= 1 << 16) return n;
  }
}

/**
 * annotate and Readability side by side: rounds alternate one batch of annotate calls and one batch
 * of Readability parse() calls on fresh clones (made before the batch, not timed), so both sides
 * meet the same machine state and a noisy spell cannot fall on one side only. Batches, not single
 * calls: a single annotate call right after a Readability parse measured its cold start (caches,
 * inline caches, a pending collection of the clones), 1.5–3× its steady cost. `readability` times
 * parse() alone (the ratio's denominator: the stricter comparison); `readabilityWithClone` adds the
 * cloneNode(true) a reader-mode tool also pays, since parse() mutates the document. Statistic:
 * each side's fastest batch, per call.
 */
export function timeSideBySide(doc: Document, annotate: () => void): { annotate: number; readability: number; readabilityWithClone: number } {
  const readability = (clone: Document): void => void new Readability(clone).parse();
  const na = batchSize(annotate, SIDE_BATCH_MS);
  const nr = batchSize(() => readability(doc.cloneNode(true) as Document), SIDE_BATCH_MS);
  const ta: number[] = [];
  const tr: number[] = [];
  const tc: number[] = [];
  for (let round = 0; round < 3 + SIDE_ROUNDS; round++) {
    let s = performance.now();
    for (let i = 0; i < na; i++) annotate();
    const a = (performance.now() - s) / na;
    s = performance.now();
    const clones: Document[] = [];
    for (let i = 0; i < nr; i++) clones.push(doc.cloneNode(true) as Document);
    const c = (performance.now() - s) / nr;
    s = performance.now();
    for (const clone of clones) readability(clone);
    const r = (performance.now() - s) / nr;
    if (round >= 3) {
      ta.push(a);
      tr.push(r);
      tc.push(r + c);
    }
  }
  return { annotate: fastest(ta), readability: fastest(tr), readabilityWithClone: fastest(tc) };
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  return !process.argv.includes('--no-browser') && existsSync(chromiumPath);
}

/** What the in-page harness measured on one page. */
export interface BrowserMeasure {
  /** What the target found (its `count`). */
  n: number;
  /** The page's first run, cold (the index's tables are built then): stepwise if the target has steps, then one call. */
  firstMs: number;
  annotateMs: number;
  readabilityMs: number;
  cloneMs: number;
  /** Longest step of the target's step generator on the page's first (cold) run, when a `steps` expression is given. */
  maxStepMs: number | null;
  /** Steps the generator yielded. */
  steps: number | null;
}

export interface BrowserTarget {
  /** Module code (TypeScript) that defines `target(doc)`, `count(result)` and optionally `steps(doc)`. */
  code: string;
}

/**
 * The page comparison inside headless Chromium (the DOM the content script really runs on). The
 * target and Readability are bundled into one IIFE, injected into each page (network blocked), and
 * timed in-page in batches: Chromium coarsens performance.now() to 0.1 ms, so after 20 warm-up
 * calls each side's batch size is calibrated until a batch takes ≥ BATCH_MS, 20 ms (≥ 10 calls),
 * which keeps the rounding under ~1% for both sides. (A fixed batch of 10 gave 0.03 ms calls a
 * 0.3 ms batch, three timer ticks, and a minimum biased low by up to a third.) Then rounds of one
 * batch per side, side by side (3 warm-up rounds, then `rounds`); the statistic is each side's
 * fastest batch's per-call mean. Readability parses a fresh document.cloneNode(true) per call,
 * cloned before its batch starts (not timed). The page's first run is timed on its own (the cold
 * cost a reader meets): when the target gives `steps`, stepwise, each step timed (the longest is
 * what a time-sliced run cannot go below), then one whole call.
 */
export async function browserSideBySide(
  target: BrowserTarget,
  pages: { name: string; html: string; /** false: first call and steps only (a page Readability takes seconds on). */ sideBySide?: boolean }[],
  rounds = BROWSER_ROUNDS,
): Promise<Map<string, BrowserMeasure>> {
  const iife = await build({
    stdin: {
      contents: `${target.code}
import { Readability } from '@mozilla/readability';
const BATCH_MS = 20;
/**
 * Calls per batch so that one batch of fn takes at least BATCH_MS (and at least 10 calls). Warms
 * up first: the first calls parse the index and build its tables (~100 ms for 10 calls), which
 * would otherwise fix the batch at 10.
 */
function calibrate(fn) {
  for (let i = 0; i < 20; i++) fn();
  let n = 10;
  for (;;) {
    const s = performance.now();
    for (let b = 0; b < n; b++) fn(b);
    if (performance.now() - s >= BATCH_MS || n >= 100000) return n;
    n *= 2;
  }
}
window.__counterpointBench = (runs, sideBySide) => {
  // Cold: the page's first run, stepwise when the target has steps (as the overlay runs it), so
  // the longest step includes building the index's tables.
  let maxStepMs = null;
  let stepCount = null;
  let s = performance.now();
  if (typeof steps === 'function') {
    const it = steps(document);
    maxStepMs = 0;
    stepCount = 0;
    for (;;) {
      const t0 = performance.now();
      const r = it.next();
      const dt = performance.now() - t0;
      if (dt > maxStepMs) maxStepMs = dt;
      stepCount++;
      if (r.done) break;
    }
  }
  const first = target(document);
  const firstMs = performance.now() - s;
  const n = count(first);
  if (!sideBySide) return { n, firstMs, annotateMs: NaN, readabilityMs: NaN, cloneMs: NaN, maxStepMs, steps: stepCount };
  const annotate = () => target(document);
  const readability = (clone) => new Readability(clone).parse();
  const batchA = calibrate(annotate);
  const batchR = calibrate(() => readability(document.cloneNode(true)));
  // Side by side: each round times one annotate batch, then the clones for one Readability batch,
  // then the batch, so a noisy spell on the machine falls on both sides alike.
  const ta = [];
  const tr = [];
  const tc = [];
  const clones = [];
  // No forced collection between the sides: tried, it slowed both (by ~25%) and made the figures
  // noisier, as a full collection also discards compiled code and type feedback.
  for (let r = 0; r < runs + 3; r++) {
    s = performance.now();
    for (let b = 0; b < batchA; b++) annotate();
    const a = (performance.now() - s) / batchA;
    s = performance.now();
    for (let b = 0; b < batchR; b++) clones[b] = document.cloneNode(true);
    const c = (performance.now() - s) / batchR;
    s = performance.now();
    for (let b = 0; b < batchR; b++) readability(clones[b]);
    const rd = (performance.now() - s) / batchR;
    if (r >= 3) {
      ta.push(a);
      tr.push(rd);
      tc.push(c);
    }
  }
  clones.length = 0;
  return { n, firstMs, annotateMs: Math.min(...ta), readabilityMs: Math.min(...tr), cloneMs: Math.min(...tc), maxStepMs, steps: stepCount };
};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const script = iife.outputFiles[0]!.text;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const out = new Map<string, BrowserMeasure>();
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    for (const p of pages) {
      await page.setContent(p.html, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: script });
      const r = await page.evaluate(
        ([runs, side]) => (window as unknown as { __counterpointBench: (n: number, side: boolean) => BrowserMeasure }).__counterpointBench(runs, side),
        [rounds, p.sideBySide !== false] as const,
      );
      out.set(p.name, r);
    }
  } finally {
    await browser.close();
  }
  return out;
}
