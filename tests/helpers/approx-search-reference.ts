/**
 * The tests' oracle for `approxSearch` (lib/match/approx-search.ts): the same search with the
 * plain dynamic programme (with Ukkonen's cut-off) in place of the bit-vector block scan.
 */
import { searchWith, type approxSearch, type EndHit } from '../../lib/match/approx-search';

/** `approxSearch` by the plain dynamic programme (same parameters, same tie-breaking). */
export const approxSearchReference: typeof approxSearch = (text, pattern, maxErrors, from = 0, to = text.length) =>
  searchWith(bestEndTable, text, pattern, maxErrors, from, to);

/**
 * The `BestEnd` contract (see approx-search.ts) by the plain dynamic programme, one column per text
 * character. Its cell recurrence is editDistanceTable's (lib/match/edit-distance.ts) written again
 * on purpose: an oracle shares no code with what it checks.
 */
function bestEndTable(text: string, pattern: string, maxErrors: number, from: number, to: number, reverse: boolean): EndHit | null {
  const m = pattern.length;
  const k = Math.min(maxErrors, m);
  // col[i]: edit distance of pattern[0..i) against the best substring ending at the current char.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  // In reverse mode the match must end at `to`: row 0 is free only before the first text char.
  let lastActive = Math.min(k, m); // deepest row with value <= k
  let best: EndHit | null = null;
  if (reverse && m <= k) best = { pos: to, errors: m, last: to };
  const n = to - from;
  for (let step = 0; step < n; step++) {
    const tIdx = reverse ? to - 1 - step : from + step;
    const tc = text.charCodeAt(tIdx);
    cur[0] = reverse ? step + 1 : 0;
    const limit = Math.min(m, lastActive + 1);
    for (let i = 1; i <= limit; i++) {
      const pc = pattern.charCodeAt(reverse ? m - i : i - 1);
      let v = prev[i - 1]! + (pc === tc ? 0 : 1);
      const del = prev[i]! + 1;
      if (del < v) v = del;
      const ins = cur[i - 1]! + 1;
      if (ins < v) v = ins;
      cur[i] = v;
    }
    for (let i = limit + 1; i <= m; i++) cur[i] = k + 1;
    let la = limit;
    while (la > 0 && cur[la]! > k) la--;
    lastActive = la;
    if (limit === m && cur[m]! <= k) {
      const errors = cur[m]!;
      const pos = reverse ? tIdx : tIdx + 1;
      // Forward: keep the leftmost end of the fewest errors. Reverse: keep the longest-reaching
      // start of the fewest errors only when strictly better (ties keep the tighter start).
      if (!best || errors < best.errors) best = { pos, errors, last: pos };
      else if (errors === best.errors && !reverse) best.last = pos;
    }
    if (reverse && cur[0]! > k && lastActive === 0) break;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return best;
}
