/**
 * The cheap prefilter: one linear pass over the page's normalised text, looking every 5-gram up
 * in the compiled gram table (an open-addressing slot table, behind a Bloom filter when large).
 * Its cost is O(page length) hash lookups whatever the number of claims (the table is a hash); only the anchors whose rare grams occur on the page,
 * near each other, become candidates for exact and fuzzy matching. A page with no hits is
 * rejected before any fuzzy work.
 */

import { unitsOf } from '../text/code-units';
import { GRAM_BASE, GRAM_LENGTH, GRAM_SEED_BITS as SEED_BITS, gramOutWeight, gramTable, probe1, probe2, type CompiledIndex } from '../index/format';

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
 * A fuzzy search (the costly step) needs more support: this share of the seeds (3 of 8). On
 * anchors edited at random (tests/unit/match-recall.test.ts) recall is 100% at 6% of characters
 * edited, ~98% at 10% and ~92% at 15%; at 4 of 8 the last two fall to ~94% and ~72%. True fuzzy
 * matches on the fixture pages hit 7–8 seeds; the spurious clusters that reach a search hit 3–5.
 */
export const MIN_SEED_SHARE_FUZZY = 0.35;

/**
 * How far apart (as a share of the anchor's length, plus 2) the expected starts of one cluster's
 * seed hits may lie. A copy within the match budget (MAX_ERROR_RATE, 0.2) has at most 0.2 × length
 * characters inserted or deleted before any seed, so its hits' expected starts spread by at most
 * that much: anything below 0.2 would split a true match's seeds into clusters too small to
 * qualify (recall lost, silently); above it a cluster only gathers more stray hits from the
 * neighbourhood. 0.25 keeps a margin over the budget (the +2 covers rounding at short anchors).
 */
const CLUSTER_SPREAD = 0.25;

/** Distinct seeds a cluster needs of an anchor's `seeds`: `share` of them, at least one, and two from three seeds on. */
function seedsNeeded(seeds: number, share: number): number {
  return seeds >= 3 ? Math.max(2, Math.ceil(seeds * share)) : 1;
}

/**
 * A cluster with only the bare minimum of seeds (3 of 8) gets a fuzzy search only if its seeds
 * agree on where the anchor starts, within this share of the anchor's length. A copy's seeds
 * disagree by its net insertions/deletions between them: on anchors edited at random (10–15% of
 * characters, words replaced/dropped/added), no true 3-seed cluster disagreed by more than 6%;
 * on the fixture pages, 9 of the 13 spurious 3-seed clusters (fragments of other sentences that
 * share a few rare grams) disagreed by 13–25%. Each skipped cluster saves a bigram filter and a
 * bit-vector search (~3–4 µs in Chromium); what it costs is a copy with only 3 seeds left whose
 * edits are mostly insertions or mostly deletions (drift > 10%), which the 20% error budget would
 * just about admit.
 */
export const MAX_WEAK_CLUSTER_DRIFT = 0.1;

/** Whether a cluster of `anchorLength` characters with `seeds` seeds has support for a fuzzy search. */
export function worthFuzzy(c: Candidate, anchorLength: number, seeds: number): boolean {
  const need = seedsNeeded(seeds, MIN_SEED_SHARE_FUZZY);
  if (c.hits !== need) return c.hits > need;
  return need === 1 || c.starts[c.starts.length - 1]! - c.starts[0]! <= MAX_WEAK_CLUSTER_DRIFT * anchorLength;
}

// Scratch hit lists (reused across calls, grown on demand). findCandidates works on local copies:
// module-level `let` bindings read in the hot loop cost a context load on every access in V8.
let H_ANCHOR: Int32Array = new Int32Array(1024);
let H_KEY: Int32Array = new Int32Array(1024);

/** Scratch: every qualified anchor's hit keys, one slice per anchor (a counting sort by anchor). */
let FLAT: Int32Array = new Int32Array(1024);

const grow = (x: Int32Array): Int32Array => {
  const y = new Int32Array(x.length * 2);
  y.set(x);
  return y;
};

/**
 * A hit is packed into one int32 key, `(expectedStart + START_BIAS) << SEED_BITS | seed`, so that
 * an anchor's hits sort by expected start with a plain numeric sort (no comparator, no tuples) and
 * carry the seed's index for the distinct-seed count. Expected starts can be negative (a seed's
 * offset in the anchor is larger than its position on the page) by less than an anchor's length.
 * Pages over 200k characters are matched in 50k parts (pipeline.ts), far below the 2^25 characters
 * this packing allows.
 */
const START_BIAS = 1 << 16;
const MAX_PACKED_TEXT = (1 << (31 - SEED_BITS)) - START_BIAS;

/** Number of set bits of a 32-bit mask. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Sort keys[from, to) ascending: insertion sort for the usual few hits, native sort beyond. */
function sortSlice(keys: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    keys.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = keys[i]!;
    let j = i - 1;
    while (j >= from && keys[j]! > v) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = v;
  }
}

/**
 * Scan the normalised text and return candidate clusters, best-supported first. `codes` is the
 * same text as UTF-16 units (`Normalized.codes`), scanned instead of the string when given:
 * typed-array reads cost about half of `charCodeAt` in this loop.
 */
export function findCandidates(textOrCodes: string | Uint16Array, index: CompiledIndex): Candidate[] {
  const text = typeof textOrCodes === 'string' ? unitsOf(textOrCodes) : textOrCodes;
  if (text.length > MAX_PACKED_TEXT) throw new RangeError('findCandidates: text too long for one pass; match it in parts');
  const { bits, keys, shift, from, to, entries, counts, cursor } = gramTable(index);
  const mask = keys.length - 1;
  const anchors = index.anchors;
  let hA = H_ANCHOR;
  let hK = H_KEY;
  let nh = 0;
  const n = text.length;
  // One rolling hash (both languages use the same gram length, GRAM_LENGTH), updated with two
  // multiplications per character; the membership test (slot table, or the Bloom filter in front
  // of a large one) stops most positions after one array read.
  const q = GRAM_LENGTH;
  const w = gramOutWeight(q);
  let h = 0;
  for (let j = 0; j < q - 1 && j < n; j++) h = (Math.imul(h, GRAM_BASE) + text[j]!) | 0;
  for (let j = q - 1; j < n; j++) {
    h = (Math.imul(h, GRAM_BASE) + text[j]!) | 0;
    // h is the hash of text[j+1-q, j]; drop its first unit before the next round.
    const hj = h;
    h = (h - Math.imul(text[j + 1 - q]!, w)) | 0;
    if (bits !== null) {
      const b = probe1(hj);
      if ((bits[b >>> 5]! & (1 << (b & 31))) === 0) continue;
      const b2 = probe2(hj);
      if ((bits[b2 >>> 5]! & (1 << (b2 & 31))) === 0) continue;
    }
    // gramKey(h) and gramSlot(key, shift), written out: this loop runs once per character.
    const key = hj | 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
    let k0 = keys[slot]!;
    if (k0 === 0) continue; // most positions: an empty first slot
    while (k0 !== key && k0 !== 0) {
      slot = (slot + 1) & mask;
      k0 = keys[slot]!;
    }
    if (k0 === 0) continue;
    const base = j + 1 - q + START_BIAS; // gram start, biased
    for (let k = from[slot]!, end = to[slot]!; k < end; k += 2) {
      const a = entries[k]!;
      // No verification of the gram itself: a 32-bit hash collision only adds a spurious hit,
      // which candidacy (several seeds in place) and the exact/fuzzy check absorb.
      if (nh === hA.length) {
        H_ANCHOR = hA = grow(hA);
        H_KEY = hK = grow(hK);
      }
      hA[nh] = a;
      // entries[k + 1] is seedIndex − (offset << SEED_BITS): adding the biased gram start, shifted,
      // gives the packed (expected start, seed) key.
      hK[nh++] = entries[k + 1]! + (base << SEED_BITS);
      counts[a]!++;
    }
  }

  // Anchors with enough hits in total (the rest, chance hits of a large dataset, stop here) get a
  // slice of one scratch array, sized by their final count when first seen, and their hits are
  // dealt into it in the same pass (a counting sort: page order is kept within an anchor, no
  // per-anchor arrays). `cursor[a]` is 0 for an anchor not seen yet, -1 for one without enough
  // hits, else 1 + the next free position of its slice.
  const qualified: number[] = [];
  const qualifiedNeed: number[] = []; // seeds a cluster of qualified[i] needs (candidacy)
  const rejected: number[] = [];
  let flat = FLAT;
  if (flat.length < nh) FLAT = flat = new Int32Array(Math.max(nh, 2 * flat.length));
  let pos = 0;
  for (let k = 0; k < nh; k++) {
    const a = hA[k]!;
    let c = cursor[a]!;
    if (c === 0) {
      const need = seedsNeeded(anchors[a]!.g.length, MIN_SEED_SHARE);
      if (counts[a]! < need) {
        cursor[a] = -1;
        rejected.push(a);
        continue;
      }
      c = pos + 1;
      pos += counts[a]!;
      qualified.push(a);
      qualifiedNeed.push(need);
    } else if (c < 0) continue;
    flat[c - 1] = hK[k]!;
    cursor[a] = c + 1;
  }

  const out: Candidate[] = [];
  const seedMask = (1 << SEED_BITS) - 1;
  for (let qi = 0; qi < qualified.length; qi++) {
    const a = qualified[qi]!;
    const need = qualifiedNeed[qi]!;
    const anchor = anchors[a]!;
    const end = cursor[a]! - 1;
    const begin = end - counts[a]!;
    // Hits by expected start (they arrive in page order, so usually already sorted).
    for (let k = begin + 1; k < end; k++) {
      if (flat[k]! < flat[k - 1]!) {
        sortSlice(flat, begin, end);
        break;
      }
    }
    // Cluster hits whose expected starts lie within the anchor's error budget; count distinct
    // seeds with a bitmask.
    const tol = Math.ceil(anchor.exact.length * CLUSTER_SPREAD) + 2;
    let i = begin;
    while (i < end) {
      const first = flat[i]! >> SEED_BITS;
      let seen = 0;
      let j = i;
      while (j < end && (flat[j]! >> SEED_BITS) - first <= tol) {
        seen |= 1 << (flat[j]! & seedMask);
        j++;
      }
      const hits = popcount(seen);
      if (hits >= need) {
        const starts: number[] = [];
        let last = -1;
        for (let k = i; k < j; k++) {
          const st = (flat[k]! >> SEED_BITS) - START_BIAS;
          if (st !== last) starts.push((last = st));
        }
        out.push({ anchor: a, starts, hits });
      }
      i = j;
    }
  }
  for (const a of qualified) counts[a] = cursor[a] = 0;
  for (const a of rejected) counts[a] = cursor[a] = 0;
  return byHitsDescending(out);
}

/**
 * `out` sorted by `hits`, most first, equal hits in their original order: what a stable
 * `sort((x, y) => y.hits - x.hits)` gives, by buckets (hits ≤ 2^SEED_BITS), without a comparator
 * call per pair.
 */
function byHitsDescending(out: Candidate[]): Candidate[] {
  if (out.length < 2) return out;
  const buckets: Candidate[][] = [];
  for (const c of out) (buckets[c.hits] ??= []).push(c);
  const sorted: Candidate[] = [];
  for (let h = buckets.length - 1; h >= 0; h--) {
    const b = buckets[h];
    if (b) for (const c of b) sorted.push(c);
  }
  return sorted;
}
