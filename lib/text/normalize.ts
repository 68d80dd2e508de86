/**
 * Text normalisation for matching, with an offset map back to the original string.
 *
 * Both the dataset compiler (build time) and the matcher (page time) run every string through
 * `normalizeWithMap`, so an anchor and a page compare in the same folded form. Bump
 * `NORMALIZER_VERSION` whenever the folding changes: the compiled index records it and the loader
 * refuses an index built with another version.
 *
 * Folding, in order, per grapheme-ish cluster (a code point plus its combining marks):
 *  1. Unicode NFKC (full-width ASCII → ASCII, half-width katakana → full-width, `…` → `...`,
 *     NBSP / ideographic space → space, `ｶﾞ` → `ガ`).
 *  2. Quotation marks of every script (「」『』“”‘’„‟〝〞«»‹›"' and their full-width forms) → `"`.
 *  3. Dashes (‐‑‒–—―−﹘﹣ and the two-/three-em dashes) → `-`. The katakana long-vowel mark ー is
 *     a letter, not a dash, and is left alone.
 *  4. Lower case (only scripts with case are affected).
 *  5. Whitespace: runs collapse to one space, leading/trailing space is dropped, and a space next to
 *     a CJK character is dropped altogether ("AI の父" ≡ "AIの父"; a `<br>` inside a Japanese
 *     sentence becomes a break, then a space, then nothing).
 */

import { decodeUnits } from './code-units';

export const NORMALIZER_VERSION = 1;

/** The folded text as code units, with its map back to the input (see `normalizeUnits`). */
export interface NormalizedUnits {
  /** The folded text as UTF-16 code units (the prefilter scans these: typed-array reads are cheaper than `charCodeAt`). */
  codes: Uint16Array;
  /** For each UTF-16 unit of `text`, the start (inclusive) of its source cluster in the input. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `text`, the end (exclusive) of its source cluster in the input. */
  ends: Uint32Array;
}

export interface Normalized extends NormalizedUnits {
  /** The folded text. */
  text: string;
}

const QUOTES = new Set([
  '"', "'", '`', '\u00ab', '\u00bb', '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d',
  '\u201e', '\u201f', '\u2039', '\u203a', '\u300c', '\u300d', '\u300e', '\u300f', '\u301d',
  '\u301e', '\u301f', '\uff02', '\uff07', '\uff62', '\uff63',
]);

const DASHES = new Set([
  '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2e3a', '\u2e3b',
  '\ufe58', '\ufe63', '\uff0d',
]);

/** True for code points of Han, kana, CJK punctuation and full-/half-width forms. */
export function isCjk(cp: number): boolean {
  // Latin text asks this at every space: one comparison settles it there.
  if (cp < 0x3000) return false;
  return (
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || /\s/.test(ch);
}

/** Combining marks (and the half-width voiced marks NFKC composes with the preceding kana). */
const COMBINING = /[\p{M}\uff9e\uff9f]/u;

/** The per-character folds after NFKC (quotes, dashes, case) of a non-space character. */
export function foldCharacter(ch: string): string {
  return QUOTES.has(ch) ? '"' : DASHES.has(ch) ? '-' : ch.toLowerCase();
}

/** Fold-table markers: the unit needs the slow path (NFKC per cluster); the unit is a space. */
const SLOW = 0xffff;
const SPACE = 0xfffe;

let FOLD: Uint16Array | null = null;

/**
 * The fast path's fold of each UTF-16 unit that folds to exactly one unit without NFKC's help:
 * ASCII (lower-cased, quotes → `"`), full-width ASCII, kana, ー, common kanji, 、。, the curly
 * and corner quotes, the plain dashes, NBSP and the ideographic space (SPACE). Everything else is
 * SLOW. None of the fast units is the second half of a composition (those are combining marks,
 * which are SLOW), so a fast unit followed by a fast unit can be folded alone. Built on first use
 * (128 KB, ~0.1 ms): a page that never reaches the normaliser never pays for it. The unit tests
 * check it against the slow path for every unit it lists.
 */
function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  const t = new Uint16Array(65536).fill(SLOW);
  for (let c = 0; c < 0x80; c++) {
    t[c] = c === 32 || (c >= 9 && c <= 13) ? SPACE : c === 34 || c === 39 || c === 96 ? 34 : c >= 65 && c <= 90 ? c + 32 : c;
  }
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = t[c - 0xfee0]!; // full-width ASCII
  for (let c = 0x4e00; c <= 0x9fff; c++) t[c] = c;
  for (let c = 0x3041; c <= 0x3096; c++) t[c] = c;
  for (let c = 0x30a1; c <= 0x30fa; c++) t[c] = c;
  t[0x30fc] = 0x30fc;
  t[0x3001] = 0x3001;
  t[0x3002] = 0x3002;
  t[0xa0] = SPACE;
  t[0x3000] = SPACE;
  for (let c = 0x2018; c <= 0x201f; c++) t[c] = 34;
  for (let c = 0x300c; c <= 0x300f; c++) t[c] = 34;
  t[0xab] = t[0xbb] = t[0x2039] = t[0x203a] = 34; // « » ‹ ›
  for (let c = 0x2010; c <= 0x2015; c++) t[c] = 45;
  // Japanese punctuation and marks NFKC leaves alone: 々 〆 〇, 〈〉《》【】〔〕〖〗〘〙〚〛, 〜, ・, ※, and
  // the middle dot ·. Without them every 「・」 in a name took the slow path (~0.7 µs each).
  for (const c of [0x3005, 0x3006, 0x3007, 0x301c, 0x30fb, 0x203b, 0xb7]) t[c] = c;
  for (let c = 0x3008; c <= 0x3011; c++) if (c < 0x300c || c > 0x300f) t[c] = c;
  for (let c = 0x3014; c <= 0x301b; c++) t[c] = c;
  return (FOLD = t);
}

/** The units the fast path folds, with their folds (for the tests). */
export function fastFolds(): Array<[unit: number, fold: number | 'space']> {
  const t = foldTable();
  const out: Array<[number, number | 'space']> = [];
  for (let c = 0; c < 65536; c++) if (t[c] !== SLOW) out.push([c, t[c] === SPACE ? 'space' : t[c]!]);
  return out;
}

/**
 * Output buffers. Pass one to `normalizeWithMap` to reuse its memory across calls (the engine
 * keeps one: fresh typed arrays per page cost more in Chromium than the loop that fills them);
 * the result's arrays are then views of it, valid until its next use.
 */
export interface NormalizeScratch {
  buf: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** An empty scratch (grown by the first call that uses it). */
export function newNormalizeScratch(): NormalizeScratch {
  return allocate(0);
}

/**
 * The engine's scratch: buffers of a fixed capacity with a fast loop bound to them by closure.
 * V8 specialises a closure's optimised code on the closure's context when the function literal
 * has produced exactly one closure, so the typed arrays become constants (no base/length loads
 * per write): the loop ran 1.5× faster in Chromium than `fastRun` with the arrays passed in.
 * Hence one engine scratch per realm, created on first use and never replaced (a second closure
 * would undo the specialisation for both); text longer than its capacity takes the generic path.
 */
export interface EngineScratch extends NormalizeScratch {
  run(input: string, i: number, st: State): number;
}

/**
 * Characters the engine scratch holds (320 KB of buffers, allocated on the first page that passes
 * the gate): above nearly every article (2–20k characters); longer text takes the generic loop.
 */
const ENGINE_CAPACITY = 1 << 15;
let engineScratch: EngineScratch | null = null;

export function engineNormalizeScratch(): EngineScratch {
  if (engineScratch) return engineScratch;
  const o = allocate(ENGINE_CAPACITY);
  return (engineScratch = { ...o, run: makeBoundRun(o.buf, o.starts, o.ends, foldTable()) });
}

/** `fastRun` with its buffers and fold table bound (keep the two loops in step; tests compare them). */
function makeBoundRun(buf: Uint16Array, starts: Uint32Array, ends: Uint32Array, fold: Uint16Array): EngineScratch['run'] {
  return (input, i, st) => {
    const n = input.length;
    let len = st.len;
    let pending = st.pending;
    let pStart = st.pStart;
    let pEnd = st.pEnd;
    let lastCp = st.lastCp;
    let f1 = fold[input.charCodeAt(i)]!;
    while (i < n) {
      const f0 = f1;
      f1 = i + 1 < n ? fold[input.charCodeAt(i + 1)]! : 0;
      if (f0 === SLOW || f1 === SLOW) break;
      if (f0 === SPACE) {
        if (!pending) {
          pending = true;
          pStart = i;
        }
        pEnd = ++i;
        continue;
      }
      if (pending) {
        pending = false;
        if (lastCp !== -1 && !isCjk(lastCp) && !isCjk(f0)) {
          buf[len] = 32;
          starts[len] = pStart;
          ends[len++] = pEnd;
        }
      }
      buf[len] = f0;
      starts[len] = i;
      ends[len++] = ++i;
      lastCp = f0;
    }
    st.len = len;
    st.pending = pending;
    st.pStart = pStart;
    st.pEnd = pEnd;
    st.lastCp = lastCp;
    return i;
  };
}

/** Buffers for `cap` units in one ArrayBuffer (one allocation instead of three). */
function allocate(cap: number): NormalizeScratch {
  const ab = new ArrayBuffer(cap * 10);
  return { starts: new Uint32Array(ab, 0, cap), ends: new Uint32Array(ab, cap * 4, cap), buf: new Uint16Array(ab, cap * 8, cap) };
}

function grow(o: NormalizeScratch, len: number, need: number): void {
  const next = allocate(Math.max(o.buf.length * 2, len + need));
  next.buf.set(o.buf.subarray(0, len));
  next.starts.set(o.starts.subarray(0, len));
  next.ends.set(o.ends.subarray(0, len));
  o.buf = next.buf;
  o.starts = next.starts;
  o.ends = next.ends;
}

/** The normaliser's state between the fast loop and the slow path (passed by reference to the latter). */
export interface State {
  o: NormalizeScratch;
  len: number;
  /** A run of spaces is waiting to be written (as one space, or dropped next to CJK). */
  pending: boolean;
  pStart: number;
  pEnd: number;
  /** Last code point written (-1: none yet), for the CJK-neighbour rule. */
  lastCp: number;
}

/** Normalise `input`, returning the folded text and its map back to `input` offsets. */
export function normalizeWithMap(input: string, scratch?: NormalizeScratch): Normalized {
  const units = normalizeUnits(input, scratch);
  return { ...units, text: decodeUnits(units.codes) };
}

/**
 * `normalizeWithMap` without the decoded string: the folded code units and the offset map.
 * Hot path of every page that passes the gate: a unit the fold table knows, followed by one it
 * knows, is folded by one table read in a tight loop; everything else goes through
 * `slowCluster` (`String.prototype.normalize('NFKC')` per cluster), kept out of the loop so the
 * loop stays small for the compiler.
 *
 * Space handling: a run of spaces becomes one pending space, written just before the next visible
 * character unless either neighbour is CJK (or it would be leading/trailing).
 *
 * Capacity: the fast path writes at most one unit per input unit, plus one pending space per run
 * of spaces it consumed without writing, so it never outgrows a buffer that holds what is written
 * plus the input left plus 2; only the slow path (NFKC can lengthen: "…" → "...") checks and grows.
 */
export function normalizeUnits(input: string, scratch?: NormalizeScratch): NormalizedUnits {
  const fold = foldTable();
  const n = input.length;
  let bound = scratch && 'run' in scratch && scratch.buf.length >= n + 16 ? (scratch as EngineScratch) : null;
  // The engine scratch's arrays are never replaced: the state gets its own record of them, which
  // the slow path may swap for larger copies (NFKC lengthens), ending the bound loop's use.
  const o: NormalizeScratch = bound
    ? { buf: bound.buf, starts: bound.starts, ends: bound.ends }
    : scratch && !('run' in scratch)
      ? scratch
      : allocate(n + 16);
  if (o.buf.length < n + 16) {
    const fresh = allocate(n + 16);
    o.buf = fresh.buf;
    o.starts = fresh.starts;
    o.ends = fresh.ends;
  }
  const st: State = { o, len: 0, pending: false, pStart: 0, pEnd: 0, lastCp: -1 };
  let i = 0;
  while (i < n) {
    i = bound ? bound.run(input, i, st) : fastRun(input, i, fold, st);
    if (i < n) i = slowCluster(input, i, st);
    if (bound && o.buf !== bound.buf) bound = null;
  }
  return { codes: o.buf.subarray(0, st.len), starts: o.starts.subarray(0, st.len), ends: o.ends.subarray(0, st.len) };
}

/**
 * The fast path from `i` on, until the end or a unit that needs the slow path (the unit or its
 * successor is not in the fold table); returns where it stopped. State lives in locals here and
 * goes back to `st` on return: a loop without calls or object writes is what V8 compiles best
 * (it ran ~1.6× slower with the slow path inline).
 */
function fastRun(input: string, i: number, fold: Uint16Array, st: State): number {
  const n = input.length;
  const buf = st.o.buf;
  const starts = st.o.starts;
  const ends = st.o.ends;
  let len = st.len;
  let pending = st.pending;
  let pStart = st.pStart;
  let pEnd = st.pEnd;
  let lastCp = st.lastCp;
  let f1 = fold[input.charCodeAt(i)]!;
  while (i < n) {
    const f0 = f1;
    f1 = i + 1 < n ? fold[input.charCodeAt(i + 1)]! : 0;
    if (f0 === SLOW || f1 === SLOW) break;
    if (f0 === SPACE) {
      if (!pending) {
        pending = true;
        pStart = i;
      }
      pEnd = ++i;
      continue;
    }
    if (pending) {
      pending = false;
      if (lastCp !== -1 && !isCjk(lastCp) && !isCjk(f0)) {
        buf[len] = 32;
        starts[len] = pStart;
        ends[len++] = pEnd;
      }
    }
    buf[len] = f0;
    starts[len] = i;
    ends[len++] = ++i;
    lastCp = f0;
  }
  st.len = len;
  st.pending = pending;
  st.pStart = pStart;
  st.pEnd = pEnd;
  st.lastCp = lastCp;
  return i;
}

/**
 * The slow path: the cluster at `i` (one code point plus following combining marks) through NFKC
 * and the folds; returns where the next cluster starts. Leaves room for the fast path to finish
 * without checks (see normalizeWithMap).
 */
function slowCluster(input: string, i: number, st: State): number {
  const n = input.length;
  const cp = input.codePointAt(i)!;
  let j = i + (cp > 0xffff ? 2 : 1);
  while (j < n && COMBINING.test(input[j]!)) j++;
  const folded = input.slice(i, j).normalize('NFKC');
  for (const ch of folded) {
    if (isSpace(ch)) {
      if (!st.pending) {
        st.pending = true;
        st.pStart = i;
      }
      st.pEnd = j;
      continue;
    }
    const f = foldCharacter(ch);
    const fcp = f.codePointAt(0)!;
    const o = st.o;
    if (st.len + f.length + 1 > o.buf.length) grow(o, st.len, f.length + 1);
    if (st.pending) {
      st.pending = false;
      if (st.lastCp !== -1 && !isCjk(st.lastCp) && !isCjk(fcp)) {
        o.buf[st.len] = 32;
        o.starts[st.len] = st.pStart;
        o.ends[st.len++] = st.pEnd;
      }
    }
    for (let k = 0; k < f.length; k++) {
      o.buf[st.len] = f.charCodeAt(k);
      o.starts[st.len] = i;
      o.ends[st.len++] = j;
    }
    st.lastCp = fcp;
  }
  // Room for the rest in the fast path: one unit per input unit left, plus 2.
  if (st.o.buf.length < st.len + (n - j) + 2) grow(st.o, st.len, n - j + 2);
  return j;
}

/** Normalised text only (for the compiler and for comparisons). */
export function normalize(input: string): string {
  return normalizeWithMap(input).text;
}

/**
 * Map a half-open range [start, end) of normalised text back to the input: [starts[start],
 * ends[end - 1]). An empty range maps to an empty range at its position.
 */
export function toOriginalRange(norm: NormalizedUnits, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start]! : (norm.ends[norm.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [norm.starts[start]!, norm.ends[end - 1]!];
}
