/**
 * The cheap prefilter: one linear pass over the page's normalised text, looking every 5-gram up
 * in the compiled gram table (an open-addressing slot table, behind a Bloom filter when large).
 * Its cost is O(page length) hash lookups whatever the number of claims (the table is a hash); only the anchors whose rare grams occur on the page,
 * near each other, become candidates for exact and fuzzy matching. A page with no hits is
 * rejected before any fuzzy work.
 */

import { GRAM_BASE, GRAM_Q, gramOutWeight, gramTable, probe1, probe2, type CompiledIndex } from '../index/format';

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

// Scratch hit lists (reused across calls, grown on demand). findCandidates works on local copies:
// module-level `let` bindings read in the hot loop cost a context load on every access in V8.
let H_ANCHOR: Int32Array = new Int32Array(1024);
let H_START: Int32Array = new Int32Array(1024);
let H_OFF: Int32Array = new Int32Array(1024);

/** Scratch: every candidate anchor's hits, [expectedStart, offset, …], one slice per anchor. */
let FLAT: Int32Array = new Int32Array(1024);

const grow = (x: Int32Array): Int32Array => {
  const y = new Int32Array(x.length * 2);
  y.set(x);
  return y;
};

export function findCandidates(text: string, index: CompiledIndex): Candidate[] {
  const { bits, keys, shift, from, to, entries, counts, cursor } = gramTable(index);
  const mask = keys.length - 1;
  const anchors = index.anchors;
  let hA = H_ANCHOR;
  let hS = H_START;
  let hO = H_OFF;
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
    // gramKey(h) and gramSlot(key, shift), written out: this loop runs once per character.
    const key = h || 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
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
      if (nh === hA.length) {
        H_ANCHOR = hA = grow(hA);
        H_START = hS = grow(hS);
        H_OFF = hO = grow(hO);
      }
      hA[nh] = a;
      hS[nh] = i - off;
      hO[nh++] = off;
      counts[a]!++;
    }
  }

  // Anchors with enough hits in total (the rest, chance hits of a large dataset, stop here), in
  // first-hit order, each given a slice of one scratch array; then the hits are dealt into their
  // anchor's slice (a counting sort: page order is kept within an anchor, no per-anchor arrays).
  // `cursor[a]` is 0 for an anchor not seen yet, -1 for one without enough hits, else 1 + the
  // next free position of its slice.
  const qualified: number[] = [];
  let pos = 0;
  for (let k = 0; k < nh; k++) {
    const a = hA[k]!;
    if (cursor[a] !== 0) continue;
    const g = anchors[a]!.g.length;
    const need = g >= 3 ? Math.max(2, Math.ceil(g * MIN_SEED_SHARE)) : 1;
    if (counts[a]! < need) {
      cursor[a] = -1;
      continue;
    }
    cursor[a] = pos + 1;
    pos += 2 * counts[a]!;
    qualified.push(a);
  }
  let flat = FLAT;
  if (flat.length < pos) FLAT = flat = new Int32Array(Math.max(pos, 2 * flat.length));
  for (let k = 0; k < nh; k++) {
    const c = cursor[hA[k]!]!;
    if (c <= 0) continue;
    flat[c - 1] = hS[k]!; // expected start
    flat[c] = hO[k]!; // seed offset
    cursor[hA[k]!] = c + 2;
  }

  const out: Candidate[] = [];
  const offs: number[] = [];
  for (const a of qualified) {
    const anchor = anchors[a]!;
    const g = anchor.g.length;
    const need = g >= 3 ? Math.max(2, Math.ceil(g * MIN_SEED_SHARE)) : 1;
    const count = counts[a]!;
    const base = cursor[a]! - 1 - 2 * count;
    // Hits by expected start (they arrive in page order, so usually already sorted; the sort is
    // stable, so equal starts keep page order).
    let sorted = true;
    for (let k = 1; k < count; k++) if (flat[base + 2 * k]! < flat[base + 2 * k - 2]!) sorted = false;
    if (!sorted) {
      const pairs: [number, number][] = [];
      for (let k = 0; k < count; k++) pairs.push([flat[base + 2 * k]!, flat[base + 2 * k + 1]!]);
      pairs.sort((x, y) => x[0] - y[0]);
      for (let k = 0; k < count; k++) {
        flat[base + 2 * k] = pairs[k]![0];
        flat[base + 2 * k + 1] = pairs[k]![1];
      }
    }
    // Cluster hits whose expected starts lie within the anchor's error budget.
    const tol = Math.ceil(anchor.exact.length * 0.25) + 2;
    let i = 0;
    while (i < count) {
      const first = flat[base + 2 * i]!;
      let j = i;
      offs.length = 0;
      const starts: number[] = [];
      while (j < count && flat[base + 2 * j]! - first <= tol) {
        const st = flat[base + 2 * j]!;
        const off = flat[base + 2 * j + 1]!;
        if (!offs.includes(off)) offs.push(off);
        if (starts[starts.length - 1] !== st) starts.push(st);
        j++;
      }
      if (offs.length >= need) out.push({ anchor: a, starts, hits: offs.length });
      i = j;
    }
  }
  if (STATS) {
    STATS.hits = nh;
    STATS.anchorsHit = 0;
    for (let k = 0; k < nh; k++) if (counts[hA[k]!]) STATS.anchorsHit++, (counts[hA[k]!] = 0);
  }
  for (let k = 0; k < nh; k++) {
    counts[hA[k]!] = 0;
    cursor[hA[k]!] = 0;
  }
  out.sort((x, y) => y.hits - x.hits);
  return out;
}
