/**
 * The cheap prefilter: one linear pass over the page's normalised text, looking every 5-gram up
 * in the compiled gram table (an open-addressing slot table, behind a Bloom filter when large).
 * Its cost is O(page length) hash lookups whatever the number of claims (the table is a hash); only the anchors whose rare grams occur on the page,
 * near each other, become candidates for exact and fuzzy matching. A page with no hits is
 * rejected before any fuzzy work.
 */

import { GRAM_BASE, GRAM_Q, gramOutWeight, gramKey, gramSlot, gramTable, probe1, probe2, type CompiledIndex } from '../index/format';

export interface Candidate {
  /** Index into `index.anchors`. */
  anchor: number;
  /** Where the anchor would start on the page, per the seed hits of this cluster (sorted, unique). */
  starts: number[];
  /** Number of distinct seed grams hit in this cluster. */
  hits: number;
}

/**
 * Candidacy: a cluster needs this share of an anchor's seeds (at least one, and two when the
 * anchor has three or more). Lower: better recall on heavily edited copies, more fuzzy work on
 * unrelated pages; higher: the reverse. Precision does not depend on it (thresholds do).
 */
export const MIN_SEED_SHARE = 0.25;

/**
 * A fuzzy search (the costly step) needs more support: this share of the seeds (3 of 8). A copy
 * within the 20% error budget keeps most seeds unless its edits fall on them; on the fixtures the
 * true fuzzy matches hit ≥ 3 of 8 while most spurious clusters on unrelated text hit 2.
 */
export const MIN_SEED_SHARE_FUZZY = 0.35;

export function fuzzySupport(seeds: number): number {
  return seeds >= 3 ? Math.max(2, Math.ceil(seeds * MIN_SEED_SHARE_FUZZY)) : 1;
}

/** Scan `text` and return candidate clusters, best-supported first. */
/** Optional counters for the benchmark (null in production). */
export let STATS: { anchorsHit: number; hits: number } | null = null;
export function collectStats(on: boolean): void {
  STATS = on ? { anchorsHit: 0, hits: 0 } : null;
}

// Scratch hit lists (reused across calls, grown on demand).
let H_ANCHOR: Int32Array = new Int32Array(1024);
let H_START: Int32Array = new Int32Array(1024);
let H_OFF: Int32Array = new Int32Array(1024);

export function findCandidates(text: string, index: CompiledIndex): Candidate[] {
  const { bits, keys, shift, from, to, entries, counts } = gramTable(index);
  const mask = keys.length - 1;
  const anchors = index.anchors;
  let nh = 0;
  const n = text.length;
  // One rolling hash (both languages use the same gram length, see GRAM_Q), updated with two
  // multiplications per character; the membership test (slot table, or the Bloom filter in front
  // of a large one) stops most positions after one array read.
  const q = GRAM_Q.ja;
  const w = gramOutWeight(q);
  let h = 0;
  for (let j = 0; j < n; j++) {
    if (j >= q) h = (h - Math.imul(text.charCodeAt(j - q), w)) | 0;
    h = (Math.imul(h, GRAM_BASE) + text.charCodeAt(j)) | 0;
    if (j + 1 < q) continue;
    if (bits !== null) {
      const b = probe1(h);
      if ((bits[b >>> 5]! & (1 << (b & 31))) === 0) continue;
      const b2 = probe2(h);
      if ((bits[b2 >>> 5]! & (1 << (b2 & 31))) === 0) continue;
    }
    const key = gramKey(h);
    let slot = gramSlot(key, shift);
    let k0 = keys[slot]!;
    while (k0 !== key && k0 !== 0) {
      slot = (slot + 1) & mask;
      k0 = keys[slot]!;
    }
    if (k0 === 0) continue;
    const i = j + 1 - q; // gram start
    for (let k = from[slot]!, end = to[slot]!; k < end; k += 2) {
      const a = entries[k]!;
      const off = entries[k + 1]!;
      // No verification of the gram itself: a 32-bit hash collision only adds a spurious hit,
      // which candidacy (several seeds in place) and the exact/fuzzy check absorb.
      if (nh === H_ANCHOR.length) {
        const grow = (x: Int32Array): Int32Array<ArrayBuffer> => {
          const y = new Int32Array(x.length * 2);
          y.set(x);
          return y;
        };
        H_ANCHOR = grow(H_ANCHOR);
        H_START = grow(H_START);
        H_OFF = grow(H_OFF);
      }
      H_ANCHOR[nh] = a;
      H_START[nh] = i - off;
      H_OFF[nh++] = off;
      if (counts[a]! < 65535) counts[a]!++;
    }
  }

  // Anchors with enough hits in total; the rest (chance hits of a large dataset) stop here.
  const byAnchor = new Map<number, number[]>(); // anchor → flat [expectedStart, offset, …]
  for (let k = 0; k < nh; k++) {
    const a = H_ANCHOR[k]!;
    const g = anchors[a]!.g.length;
    const need = g >= 3 ? Math.max(2, Math.ceil(g * MIN_SEED_SHARE)) : 1;
    if (counts[a]! < need) continue;
    let list = byAnchor.get(a);
    if (!list) byAnchor.set(a, (list = []));
    list.push(H_START[k]!, H_OFF[k]!);
  }
  if (STATS) {
    STATS.hits = nh;
    STATS.anchorsHit = 0;
    for (let k = 0; k < nh; k++) if (counts[H_ANCHOR[k]!]) STATS.anchorsHit++, (counts[H_ANCHOR[k]!] = 0);
  }
  for (let k = 0; k < nh; k++) counts[H_ANCHOR[k]!] = 0;

  const out: Candidate[] = [];
  const offs: number[] = [];
  for (const [a, flat] of byAnchor) {
    const anchor = anchors[a]!;
    const g = anchor.g.length;
    const need = g >= 3 ? Math.max(2, Math.ceil(g * MIN_SEED_SHARE)) : 1;
    const count = flat.length >> 1;
    // Hits by expected start (they arrive in page order, so usually already sorted).
    const order: number[] = [];
    for (let k = 0; k < count; k++) order.push(k);
    let sorted = true;
    for (let k = 1; k < count; k++) if (flat[2 * k]! < flat[2 * k - 2]!) sorted = false;
    if (!sorted) order.sort((x, y) => flat[2 * x]! - flat[2 * y]!);
    // Cluster hits whose expected starts lie within the anchor's error budget.
    const tol = Math.ceil(anchor.exact.length * 0.25) + 2;
    let i = 0;
    while (i < count) {
      const first = flat[2 * order[i]!]!;
      let j = i;
      offs.length = 0;
      const starts: number[] = [];
      while (j < count && flat[2 * order[j]!]! - first <= tol) {
        const st = flat[2 * order[j]!]!;
        const off = flat[2 * order[j]! + 1]!;
        if (!offs.includes(off)) offs.push(off);
        if (starts[starts.length - 1] !== st) starts.push(st);
        j++;
      }
      if (offs.length >= need) out.push({ anchor: a, starts, hits: offs.length });
      i = j;
    }
  }
  out.sort((x, y) => y.hits - x.hits);
  return out;
}
