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

export const NORMALIZER_VERSION = 1;

export interface Normalized {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`, the start (inclusive) of its source cluster in the input. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `text`, the end (exclusive) of its source cluster in the input. */
  ends: Uint32Array;
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

/** Code units that NFKC and the folds leave unchanged (kana, ー, common kanji, 、。). */
function isIdentityCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    c === 0x30fc ||
    c === 0x3001 ||
    c === 0x3002
  );
}

/** UTF-16LE code units → string (every JS engine and Node run little-endian typed arrays in practice). */
const UTF16 = new TextDecoder('utf-16le');

// Scratch output buffers, reused across calls (grown on demand).
let BUF = new Uint16Array(4096);
let STARTS = new Uint32Array(4096);
let ENDS = new Uint32Array(4096);
let LEN = 0;
let PENDING = false;
let P_START = 0;
let P_END = 0;
let LAST_CP = -1;

function ensure(extra: number): void {
  if (LEN + extra <= BUF.length) return;
  const cap = Math.max(BUF.length * 2, LEN + extra);
  const b = new Uint16Array(cap);
  b.set(BUF.subarray(0, LEN));
  BUF = b;
  const s = new Uint32Array(cap);
  s.set(STARTS.subarray(0, LEN));
  STARTS = s;
  const e = new Uint32Array(cap);
  e.set(ENDS.subarray(0, LEN));
  ENDS = e;
}

/** Emit code unit `c` (of code point `cp`) mapped to input [s, e), flushing a pending space. */
function put(c: number, cp: number, s: number, e: number): void {
  if (LEN + 2 > BUF.length) ensure(2);
  if (PENDING) {
    PENDING = false;
    if (LAST_CP !== -1 && !isCjk(LAST_CP) && !isCjk(cp)) {
      BUF[LEN] = 32;
      STARTS[LEN] = P_START;
      ENDS[LEN++] = P_END;
    }
  }
  BUF[LEN] = c;
  STARTS[LEN] = s;
  ENDS[LEN++] = e;
  LAST_CP = cp;
}

function space(s: number, e: number): void {
  if (!PENDING) {
    PENDING = true;
    P_START = s;
  }
  P_END = e;
}

/**
 * Normalise `input`, returning the folded text and its map back to `input` offsets.
 * Hot path of every page: ASCII and common kana/kanji take a branch-only fast path into reused
 * typed arrays; everything else goes through `String.prototype.normalize('NFKC')` per cluster.
 */
export function normalizeWithMap(input: string): Normalized {
  const n = input.length;
  LEN = 0;
  PENDING = false;
  LAST_CP = -1;
  ensure(n + 16);
  let i = 0;
  while (i < n) {
    const c0 = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    const nextPlain = next < 0x300 || isIdentityCjk(next) || (next >= 0x300c && next <= 0x300f);
    // Hottest path, inlined: a lower-case letter, digit or kana/kanji with no pending space.
    if (nextPlain && !PENDING && LEN < BUF.length && ((c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57) || isIdentityCjk(c0))) {
      BUF[LEN] = c0;
      STARTS[LEN] = i;
      ENDS[LEN++] = i + 1;
      LAST_CP = c0;
      i++;
      continue;
    }
    if (nextPlain) {
      // Fast path: ASCII (and full-width ASCII, folded to it), kana/kanji NFKC leaves alone, and
      // the common quotes/dashes/spaces, not followed by a combining mark. Must agree with the
      // slow path below (tests/unit/text-normalize.test.ts checks both).
      let c = c0;
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      if (c < 0x80) {
        if (c === 32 || (c >= 9 && c <= 13)) space(i, i + 1);
        else if (c === 34 || c === 39 || c === 96) put(34, 34, i, i + 1);
        else if (c >= 65 && c <= 90) put(c + 32, c + 32, i, i + 1);
        else put(c, c, i, i + 1);
        i++;
        continue;
      }
      if (c === 0xa0 || c === 0x3000) {
        space(i, i + 1);
        i++;
        continue;
      }
      if (c >= 0x2018 && c <= 0x201f) {
        put(34, 34, i, i + 1);
        i++;
        continue;
      }
      if (c >= 0x2010 && c <= 0x2015) {
        put(45, 45, i, i + 1);
        i++;
        continue;
      }
      if (isIdentityCjk(c0)) {
        put(c0, c0, i, i + 1);
        i++;
        continue;
      }
      if (c0 >= 0x300c && c0 <= 0x300f) {
        put(34, 34, i, i + 1);
        i++;
        continue;
      }
    }
    // A cluster: one code point plus following combining marks.
    const cp = input.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < n && COMBINING.test(input[j]!)) j++;
    const folded = input.slice(i, j).normalize('NFKC');
    for (const ch of folded) {
      if (isSpace(ch)) {
        space(i, j);
        continue;
      }
      const out = QUOTES.has(ch) ? '"' : DASHES.has(ch) ? '-' : ch.toLowerCase();
      const ocp = out.codePointAt(0)!;
      for (let k = 0; k < out.length; k++) put(out.charCodeAt(k), ocp, i, j);
    }
    i = j;
  }
  return { text: UTF16.decode(BUF.subarray(0, LEN)), starts: STARTS.slice(0, LEN), ends: ENDS.slice(0, LEN) };
}

/** Normalised text only (for the compiler and for comparisons). */
export function normalize(input: string): string {
  return normalizeWithMap(input).text;
}

/**
 * Map a half-open range [start, end) of normalised text back to the input: [starts[start],
 * ends[end - 1]). An empty range maps to an empty range at its position.
 */
export function toOriginalRange(norm: Normalized, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start]! : (norm.ends[norm.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [norm.starts[start]!, norm.ends[end - 1]!];
}
