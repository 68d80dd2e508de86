/**
 * Candidate windows: runs of 1–3 adjacent sentences of one paragraph and one language, scored
 * against every claim text (and story event text) of that language by BM25-weighted term overlap.
 *
 * score(claim, window) = Σ_{t ∈ claim ∩ window} w_t / Σ_{t ∈ claim} w_t × min(MAX_LENGTH_GAIN, lf(|window|) / lf(|claim|)),
 * lf(n) = (k1 + 1) / (1 + k1 · (1 − b + b · n / avgLen)),
 *
 * i.e. BM25 with term frequency saturated at one (sentences rarely repeat a content word), divided
 * by the claim's score against itself, so 1 means "every term of the claim, in a window as long as
 * the claim". A longer window pays BM25's length penalty, so a third sentence is only taken when it
 * brings terms of the claim.
 *
 * Cost: per window, each distinct term's postings (the claims containing it). Only claims touched
 * are looked at, and windows stay within a paragraph.
 */

import type { PartScan } from './scan';
import { LANG_OTHER } from './scan';
import type { TermTable } from './table';
import { BM25_B, BM25_K1, CANDIDATE_SCORE, MAX_LENGTH_GAIN, MAX_WINDOW_SENTENCES } from './thresholds';

export interface Candidate {
  doc: number;
  /** First and last sentence (inclusive) of the window. */
  first: number;
  last: number;
  score: number;
}

const lf = (n: number, avg: number): number => (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * n) / avg));

let acc = new Float64Array(0);
let touched = new Int32Array(0);
let wstamp = new Int32Array(0);
let wgen = 0;

/**
 * Every window scoring at least `minScore` (CANDIDATE_SCORE) against some doc, for sentences
 * [fromSentence, toSentence). Windows may start in the range and end after it.
 */
export function scoreWindows(scan: PartScan, table: TermTable, fromSentence: number, toSentence: number, out: Candidate[], minScore = CANDIDATE_SCORE): void {
  const docs = table.docSum.length;
  if (acc.length < docs) {
    acc = new Float64Array(docs);
    touched = new Int32Array(docs);
  }
  if (wstamp.length < table.terms) wstamp = new Int32Array(table.terms);
  const n = scan.sentences.length;
  const { termFrom, termIds, len, lang, sentences } = scan;
  const T = table.terms;
  for (let i = fromSentence; i < toSentence && i < n; i++) {
    const L = lang[i]!;
    if (L === LANG_OTHER || termFrom[i + 1] === termFrom[i]) continue;
    const block = sentences[i]!.block;
    let touchedCount = 0;
    let wlen = 0;
    if (++wgen === 0x7fffffff) {
      wstamp.fill(0);
      wgen = 1;
    }
    const gen = wgen;
    for (let j = i; j < n && j < i + MAX_WINDOW_SENTENCES; j++) {
      if (sentences[j]!.block !== block || lang[j] !== L) break;
      wlen += len[j]!;
      // Add sentence j's new terms to the running union (the window [i, j] grows by one sentence).
      for (let p = termFrom[j]!; p < termFrom[j + 1]!; p++) {
        const t = termIds[p]!;
        if (wstamp[t] === gen) continue;
        wstamp[t] = gen;
        const w = table.weight[L * T + t]!;
        if (w === 0) continue;
        for (let q = table.postFrom[t]!; q < table.postFrom[t + 1]!; q++) {
          const d = table.postDoc[q]!;
          if (table.docLang[d] !== L) continue;
          if (acc[d] === 0) touched[touchedCount++] = d;
          acc[d]! += w;
        }
      }
      const avg = table.avgLen[L]!;
      const lw = lf(wlen, avg);
      for (let k = 0; k < touchedCount; k++) {
        const d = touched[k]!;
        const gain = Math.min(MAX_LENGTH_GAIN, lw / lf(table.docLen[d]!, avg));
        const score = (acc[d]! / table.docSum[d]!) * gain;
        if (score >= minScore) out.push({ doc: d, first: i, last: j, score });
      }
    }
    for (let k = 0; k < touchedCount; k++) acc[touched[k]!] = 0;
  }
}

/**
 * Per owner (claim or story), the best windows that do not overlap each other, best first.
 * `ownerOf(doc)` maps both language docs of a claim to the claim.
 */
export function bestWindows(cands: Candidate[], ownerOf: (doc: number) => number): Map<number, Candidate[]> {
  const sorted = [...cands].sort((a, b) => b.score - a.score || a.last - a.first - (b.last - b.first));
  const out = new Map<number, Candidate[]>();
  for (const c of sorted) {
    const owner = ownerOf(c.doc);
    const list = out.get(owner) ?? [];
    if (list.some((k) => c.first <= k.last && k.first <= c.last)) continue;
    list.push(c);
    out.set(owner, list);
  }
  return out;
}
