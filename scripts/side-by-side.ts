/**
 * Timing two functions side by side, in Node or bundled into a page: rounds of one batch per side
 * (the side that goes first alternating), so both meet the same machine state and a noisy spell
 * cannot fall on one side only. The statistic is each side's fastest batch, per call: on a shared
 * machine other work only ever adds time. Batches, not single calls, because Chromium coarsens
 * performance.now() to 0.1 ms: a batch of at least `batchMs` keeps that under 1% at 20 ms.
 */

/**
 * Calls per batch so that one batch of `fn` takes about `batchMs` when the machine is quiet (after
 * 20 warm-up calls). The batch that first takes long enough may have been stretched by other work
 * on a busy machine; batches sized from it came out shorter than Chromium's 0.1 ms timer step
 * (timed as 0). So the size is checked against the fastest of five trial batches, and grown on
 * while even those fall short of half the target.
 */
export function batchSize(fn: () => void, batchMs: number): number {
  for (let i = 0; i < 20; i++) fn();
  for (let n = 1; ; n *= 2) {
    while (n < 1 << 16 && batch(fn, n) * n < batchMs) n *= 2;
    let fastest = Infinity;
    for (let t = 0; t < 5; t++) fastest = Math.min(fastest, batch(fn, n));
    if (n >= 1 << 16) return n;
    if (fastest * n >= batchMs / 2) return Math.max(n, Math.ceil(batchMs / fastest));
  }
}

function batch(fn: () => void, n: number): number {
  const s = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - s) / n;
}

/** Each side's fastest per-call time (ms) over `rounds` rounds, after 3 warm-up rounds. */
export function sideBySide(a: () => void, b: () => void, rounds: number, batchMs: number): { a: number; b: number } {
  const na = batchSize(a, batchMs);
  const nb = batchSize(b, batchMs);
  let ta = Infinity;
  let tb = Infinity;
  for (let round = 0; round < rounds + 3; round++) {
    let x: number;
    let y: number;
    if (round % 2 === 0) {
      x = batch(a, na);
      y = batch(b, nb);
    } else {
      y = batch(b, nb);
      x = batch(a, na);
    }
    if (round >= 3) {
      ta = Math.min(ta, x);
      tb = Math.min(tb, y);
    }
  }
  return { a: ta, b: tb };
}
