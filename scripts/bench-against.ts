/**
 * This tree's engine against another checkout's, side by side (not a test): for a refactor that
 * must not change speed or results. `npm run bench` compares the engine with Readability; run
 * before and after a change, its ratios meet different machine states (other work on a shared
 * machine moves them by ±10%), so a small regression cannot be told from noise. Here both engines
 * run in one process on the same page, rounds alternating one batch of each (scripts/side-by-side.ts),
 * so they meet the same machine state; the figure is this tree's time over the other's (1.00: no change).
 *
 *   npx tsx scripts/bench-against.ts <other-checkout> [--only=<page>] [--rounds=N] [--no-browser]
 *
 * e.g. `git worktree add --detach /tmp/base main && npx tsx scripts/bench-against.ts /tmp/base`.
 * The other checkout needs `lib/generated/` (compiled here if missing, with its own script) and
 * shares this tree's node_modules. Both engines must annotate every page alike (claim, quote,
 * score, method), or the run stops: a speed comparison of different results means nothing.
 *
 * Which engine is loaded first matters: in A/A runs (a checkout against a copy of itself) in Node,
 * the engine imported first measured up to 18% slower in most runs. So every comparison runs
 * twice, once with each engine loaded first (a child process each in Node, a bundle each in
 * Chromium), and the figure is the geometric mean of the two ratios; both are printed. What is
 * left is noise: A/A runs on the shared 2-core machine at a load average of 9–10 came out at
 * 0.97–1.06 per page, and within 1% as a geometric mean over the pages.
 * Statistic: each side's fastest batch, per call, in Node (linkedom) and headless Chromium.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { PAGES as ALL_PAGES, readPage } from '../tests/fixtures/expectations';
import { sideBySide } from './side-by-side';

const USAGE = 'usage: npx tsx scripts/bench-against.ts <other-checkout> [--only=<page>] [--rounds=N] [--no-browser]\n';
const other = process.argv[2] && !process.argv[2].startsWith('--') ? resolve(process.argv[2]) : null;
if (!other || !existsSync(resolve(other, 'lib/annotate.ts'))) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = flag('only');
const PAGES = only ? ALL_PAGES.filter((p) => p.file.includes(only)) : ALL_PAGES;
const here = resolve(import.meta.dirname, '..');
/** Rounds per page. */
const ROUNDS = Number(flag('rounds') ?? 60);
/** Short batches in Node, whose timer is fine: a batch has more chance to run uninterrupted on a busy machine. */
const NODE_BATCH_MS = 5;
/** Chromium coarsens performance.now() to 0.1 ms: 20 ms batches keep the rounding under 1%. */
const BROWSER_BATCH_MS = 20;

/** One page's times, this tree's and the other's (ms per call). */
interface Timing {
  page: string;
  annotations: number;
  mineMs: number;
  theirsMs: number;
}
type Order = 'mine-first' | 'theirs-first';
const ORDERS: Order[] = ['mine-first', 'theirs-first'];

type Annotate = (doc: Document) => { annotations: { claimId: string; quote: string; score: number; method: string }[] };
const outcome = (r: ReturnType<Annotate>): string => JSON.stringify(r.annotations.map((a) => [a.claimId, a.quote, a.score, a.method]));

// A child process: the Node comparison with one import order, printed as JSON.
const childOrder = flag('node-order') as Order | undefined;
if (childOrder) {
  const load = async (dir: string): Promise<Annotate> => (await import(resolve(dir, 'lib/annotate.ts'))).annotateDocument as Annotate;
  const [first, second] = childOrder === 'mine-first' ? [await load(here), await load(other)] : [await load(other), await load(here)];
  const [mine, theirs] = childOrder === 'mine-first' ? [first, second] : [second, first];
  const rows: Timing[] = [];
  for (const spec of PAGES) {
    const doc = parseHTML(readPage(spec.file)).document as unknown as Document;
    const r = mine(doc);
    if (outcome(r) !== outcome(theirs(doc))) throw new Error(`${spec.file}: the two engines annotate differently (linkedom)`);
    const t = sideBySide(() => mine(doc), () => theirs(doc), ROUNDS, NODE_BATCH_MS);
    rows.push({ page: spec.file, annotations: r.annotations.length, mineMs: t.a, theirsMs: t.b });
  }
  process.stdout.write(JSON.stringify(rows) + '\n');
  process.exit(0);
}

if (!existsSync(resolve(other, 'lib/generated/claims-index.json'))) {
  const r = spawnSync(process.execPath, [resolve(here, 'node_modules/tsx/dist/cli.mjs'), 'scripts/compile-dataset.ts'], { cwd: other, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const node: Record<Order, Timing[]> = { 'mine-first': [], 'theirs-first': [] };
for (const order of ORDERS) {
  const r = spawnSync(process.execPath, [resolve(here, 'node_modules/tsx/dist/cli.mjs'), ...process.argv.slice(1), `--node-order=${order}`], {
    cwd: here,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) process.exit(1);
  node[order] = JSON.parse(r.stdout) as Timing[];
}

const browser: Record<Order, Timing[]> = { 'mine-first': [], 'theirs-first': [] };
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!process.argv.includes('--no-browser') && existsSync(chromiumPath)) {
  // Both engines in one bundle (each with its own index and module state), timed in-page as in Node.
  const bundle = async (order: Order): Promise<string> => {
    const imports = [`import { annotateDocument as mine } from ${JSON.stringify(resolve(here, 'lib/annotate.ts'))};`, `import { annotateDocument as theirs } from ${JSON.stringify(resolve(other, 'lib/annotate.ts'))};`];
    if (order === 'theirs-first') imports.reverse();
    const out = await build({
      stdin: {
        contents: `${imports.join('\n')}
import { sideBySide } from './scripts/side-by-side';
const outcome = (r) => JSON.stringify(r.annotations.map((a) => [a.claimId, a.quote, a.score, a.method]));
window.__benchAgainst = () => {
  const r = mine(document);
  if (outcome(r) !== outcome(theirs(document))) return null;
  const t = sideBySide(() => mine(document), () => theirs(document), ${ROUNDS}, ${BROWSER_BATCH_MS});
  return { annotations: r.annotations.length, mineMs: t.a, theirsMs: t.b };
};`,
        resolveDir: here,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  };
  const { chromium } = await import('playwright-core');
  const b = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    for (const order of ORDERS) {
      const script = await bundle(order);
      const page = await b.newPage();
      await page.route('**/*', (route) => route.abort());
      for (const spec of PAGES) {
        await page.setContent(readPage(spec.file), { waitUntil: 'domcontentloaded' });
        await page.addScriptTag({ content: script });
        const r = await page.evaluate(() => (window as unknown as { __benchAgainst: () => Omit<Timing, 'page'> | null }).__benchAgainst());
        if (!r) throw new Error(`${spec.file}: the two engines annotate differently (Chromium)`);
        browser[order].push({ page: spec.file, ...r });
      }
      await page.close();
    }
  } finally {
    await b.close();
  }
}

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const geomean = (xs: number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const lines: string[] = [
  `this tree (${here}) against ${other}: per page and import order, ${ROUNDS} rounds of one batch per side (≥ ${NODE_BATCH_MS} ms in Node, ≥ ${BROWSER_BATCH_MS} ms in Chromium) after 3 warm-up rounds, fastest batch's per-call mean; same annotations on every page`,
];
const summary: Record<string, { pages: Record<string, number>; geomean: number }> = {};
for (const [title, key, runs] of [['Node, linkedom', 'node', node], [`headless Chromium (${chromiumPath})`, 'chromium', browser]] as const) {
  const [a, b] = [runs['mine-first'], runs['theirs-first']];
  if (!a.length) continue;
  lines.push('', title, `${pad('page', 30)}${pad('annots', 8)}${pad('this first', 12)}${pad('other first', 13)}this / other (both orders)`);
  const ratios: number[] = [];
  const pages: Record<string, number> = {};
  a.forEach((r, i) => {
    const r1 = r.mineMs / r.theirsMs;
    const r2 = b[i]!.mineMs / b[i]!.theirsMs;
    const ratio = Math.sqrt(r1 * r2);
    ratios.push(ratio);
    pages[r.page] = +ratio.toFixed(4);
    lines.push(`${pad(r.page, 30)}${pad(String(r.annotations), 8)}${pad(r1.toFixed(3), 12)}${pad(r2.toFixed(3), 13)}${ratio.toFixed(3)}`);
  });
  lines.push(`range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}, geometric mean ${geomean(ratios).toFixed(3)}`);
  summary[key] = { pages, geomean: +geomean(ratios).toFixed(4) };
}
process.stdout.write(lines.join('\n') + '\n\n' + JSON.stringify(summary) + '\n');
