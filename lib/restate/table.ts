/**
 * The page-time form of the compiled restatement index: a hash table from term-key hashes to term
 * ids, and the postings (term → texts that contain it), built once per index object from
 * `CompiledRestate` (O(keys + postings), ~0.2 ms for the bundled dataset). Typed arrays, so the
 * scan's probes are a multiply and an array read (the same layout as lib/index/format.ts's gram
 * table).
 */

import type { CompiledRestate } from './format';
import { keyHash } from './stem';

export interface TermTable {
  /** Open addressing: `hash | 1` per slot (0 = empty), linear probing from `slotOf`. */
  keys: Int32Array;
  /** Term id per slot, or −1 for a stopword. */
  vals: Int32Array;
  shift: number;
  mask: number;
  terms: number;
  /** Postings: docs of term t are `postDoc[postFrom[t] .. postFrom[t + 1])`. */
  postFrom: Int32Array;
  postDoc: Int32Array;
  /** Per doc: 0 = Japanese, 1 = English. */
  docLang: Uint8Array;
  /** Per doc: Σ weight of its terms (in its language). */
  docSum: Float64Array;
  docLen: Int32Array;
  /** Weight per term and language (0: ja, 1: en): `weight[lang * terms + t]`. */
  weight: Float64Array;
  avgLen: [number, number];
  /** Per term: the entity it names (index into `CompiledRestate.entities`), or −1. */
  termEntity: Int32Array;
}

/** Returned by `lookup` for a key the table does not have (a word no claim uses). */
export const UNKNOWN = -2;
/** Returned by `lookup` for a stopword. */
export const STOP = -1;

export function slotOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** Term id of a key hash: ≥ 0, STOP or UNKNOWN. */
export function lookup(t: TermTable, h: number): number {
  const key = h | 1;
  let slot = slotOf(key, t.shift);
  for (;;) {
    const k = t.keys[slot]!;
    if (k === 0) return UNKNOWN;
    if (k === key) return t.vals[slot]!;
    slot = (slot + 1) & t.mask;
  }
}

const tables = new WeakMap<CompiledRestate, TermTable>();

export function termTable(r: CompiledRestate): TermTable {
  let t = tables.get(r);
  if (t) return t;
  let bits = 4;
  while (1 << bits < 4 * r.keys.length) bits++;
  const size = 1 << bits;
  const keys = new Int32Array(size);
  const vals = new Int32Array(size);
  const mask = size - 1;
  const shift = 32 - bits;
  r.keys.forEach((k, i) => {
    const key = keyHash(k) | 1;
    let slot = slotOf(key, shift);
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    if (keys[slot] === key) return; // a hash collision: the first key keeps the slot
    keys[slot] = key;
    vals[slot] = r.keyTerm[i]!;
  });
  const n = r.terms.length;
  const count = new Int32Array(n + 1);
  for (const d of r.docs) for (const term of d.t) count[term]!++;
  const postFrom = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) postFrom[i + 1] = postFrom[i]! + count[i]!;
  const fill = postFrom.slice(0, n);
  const postDoc = new Int32Array(postFrom[n]!);
  const docLang = new Uint8Array(r.docs.length);
  const docSum = new Float64Array(r.docs.length);
  const docLen = new Int32Array(r.docs.length);
  const weight = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    weight[i] = r.weight.ja[i] ?? 0;
    weight[n + i] = r.weight.en[i] ?? 0;
  }
  r.docs.forEach((d, di) => {
    const lang = d.lang === 'ja' ? 0 : 1;
    docLang[di] = lang;
    docLen[di] = d.len;
    let sum = 0;
    for (const term of d.t) {
      postDoc[fill[term]!++] = di;
      sum += weight[lang * n + term]!;
    }
    docSum[di] = sum;
  });
  const termEntity = new Int32Array(n).fill(-1);
  const entityIndex = new Map(r.entities.map((e, i) => [`@${e.id}`, i]));
  r.terms.forEach((label, i) => {
    const e = entityIndex.get(label);
    if (e !== undefined) termEntity[i] = e;
  });
  t = { keys, vals, shift, mask, terms: n, postFrom, postDoc, docLang, docSum, docLen, weight, avgLen: [r.avgLen.ja || 1, r.avgLen.en || 1], termEntity };
  tables.set(r, t);
  return t;
}
