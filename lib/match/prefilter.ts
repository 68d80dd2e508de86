/**
 * The cheap prefilter: one linear pass over the page's normalised text, looking every 3-gram and
 * 5-gram up in the compiled gram table. Its cost is O(page length) hash lookups whatever the
 * number of claims (the table is a hash); only the anchors whose rare grams occur on the page,
 * near each other, become candidates for exact and fuzzy matching. A page with no hits is
 * rejected before any fuzzy work.
 */

import { GRAM_Q, gramTable, type CompiledIndex } from '../index/format';

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

/** Scan `text` and return candidate clusters, best-supported first. */
export function findCandidates(text: string, index: CompiledIndex): Candidate[] {
  const grams = gramTable(index);
  // anchor → list of (expected start, gram offset) hits
  const hitsByAnchor = new Map<number, number[]>();
  const qs = [GRAM_Q.ja, GRAM_Q.en];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    for (const q of qs) {
      if (i + q > n) continue;
      const list = grams.get(text.slice(i, i + q));
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const a = list[k]!;
        const off = list[k + 1]!;
        let h = hitsByAnchor.get(a);
        if (!h) hitsByAnchor.set(a, (h = []));
        h.push(i - off, off);
      }
    }
  }

  const out: Candidate[] = [];
  for (const [a, flat] of hitsByAnchor) {
    const anchor = index.anchors[a]!;
    const need = anchor.g.length >= 3 ? Math.max(2, Math.ceil(anchor.g.length * MIN_SEED_SHARE)) : 1;
    // Sort hits by expected start and cluster those within the anchor's error budget.
    const pairs: [number, number][] = [];
    for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
    pairs.sort((x, y) => x[0] - y[0]);
    const tol = Math.ceil(anchor.exact.length * 0.25) + 2;
    let i = 0;
    while (i < pairs.length) {
      let j = i;
      const offs = new Set<number>();
      const starts: number[] = [];
      while (j < pairs.length && pairs[j]![0] - pairs[i]![0] <= tol) {
        offs.add(pairs[j]![1]);
        if (starts[starts.length - 1] !== pairs[j]![0]) starts.push(pairs[j]![0]);
        j++;
      }
      if (offs.size >= need) out.push({ anchor: a, starts, hits: offs.size });
      i = j;
    }
  }
  out.sort((x, y) => y.hits - x.hits);
  return out;
}
