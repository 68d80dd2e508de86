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

/**
 * Output under construction. A plain object passed to the slow path only; the hot loop keeps its
 * state in local variables (module- or closure-level mutable state is markedly slower in V8).
 */
interface Out {
  buf: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

function grow(o: Out, len: number, need: number): void {
  const cap = Math.max(o.buf.length * 2, len + need);
  const b = new Uint16Array(cap);
  b.set(o.buf.subarray(0, len));
  o.buf = b;
  const s = new Uint32Array(cap);
  s.set(o.starts.subarray(0, len));
  o.starts = s;
  const e = new Uint32Array(cap);
  e.set(o.ends.subarray(0, len));
  o.ends = e;
}

/**
 * Normalise `input`, returning the folded text and its map back to `input` offsets.
 * Hot path of every page: ASCII and common kana/kanji take a branch-only fast path into typed
 * arrays; everything else goes through `String.prototype.normalize('NFKC')` per cluster.
 *
 * Space handling: a run of spaces becomes one pending space, written just before the next visible
 * character unless either neighbour is CJK (or it would be leading/trailing).
 */
export function normalizeWithMap(input: string): Normalized {
  const n = input.length;
  const o: Out = { buf: new Uint16Array(n + 16), starts: new Uint32Array(n + 16), ends: new Uint32Array(n + 16) };
  let buf = o.buf;
  let starts = o.starts;
  let ends = o.ends;
  let len = 0;
  let pending = false;
  let pStart = 0;
  let pEnd = 0;
  let lastCp = -1;
  let i = 0;
  while (i < n) {
    const c0 = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    const nextPlain = next < 0x300 || isIdentityCjk(next) || (next >= 0x300c && next <= 0x300f);
    // Fast path: one output unit for one input unit, no NFKC needed. `out` is the folded unit,
    // -1 for a space, -2 for "take the slow path".
    let out = -2;
    if (nextPlain) {
      let c = c0;
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
      if (c < 0x80) {
        if (c === 32 || (c >= 9 && c <= 13)) out = -1;
        else if (c === 34 || c === 39 || c === 96) out = 34;
        else if (c >= 65 && c <= 90) out = c + 32;
        else out = c;
      } else if (isIdentityCjk(c)) out = c;
      else if (c === 0xa0 || c === 0x3000) out = -1;
      else if ((c >= 0x2018 && c <= 0x201f) || (c >= 0x300c && c <= 0x300f)) out = 34;
      else if (c >= 0x2010 && c <= 0x2015) out = 45;
    }
    if (out === -1) {
      if (!pending) {
        pending = true;
        pStart = i;
      }
      pEnd = i + 1;
      i++;
      continue;
    }
    if (out >= 0) {
      if (len + 2 > buf.length) {
        grow(o, len, 2);
        buf = o.buf;
        starts = o.starts;
        ends = o.ends;
      }
      if (pending) {
        pending = false;
        if (lastCp !== -1 && !isCjk(lastCp) && !isCjk(out)) {
          buf[len] = 32;
          starts[len] = pStart;
          ends[len++] = pEnd;
        }
      }
      buf[len] = out;
      starts[len] = i;
      ends[len++] = i + 1;
      lastCp = out;
      i++;
      continue;
    }
    // Slow path: one code point plus following combining marks, through NFKC.
    const cp = input.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < n && COMBINING.test(input[j]!)) j++;
    const folded = input.slice(i, j).normalize('NFKC');
    for (const ch of folded) {
      if (isSpace(ch)) {
        if (!pending) {
          pending = true;
          pStart = i;
        }
        pEnd = j;
        continue;
      }
      const f = QUOTES.has(ch) ? '"' : DASHES.has(ch) ? '-' : ch.toLowerCase();
      const fcp = f.codePointAt(0)!;
      if (len + f.length + 1 > buf.length) {
        grow(o, len, f.length + 1);
        buf = o.buf;
        starts = o.starts;
        ends = o.ends;
      }
      if (pending) {
        pending = false;
        if (lastCp !== -1 && !isCjk(lastCp) && !isCjk(fcp)) {
          buf[len] = 32;
          starts[len] = pStart;
          ends[len++] = pEnd;
        }
      }
      for (let k = 0; k < f.length; k++) {
        buf[len] = f.charCodeAt(k);
        starts[len] = i;
        ends[len++] = j;
      }
      lastCp = fcp;
    }
    i = j;
  }
  return { text: UTF16.decode(buf.subarray(0, len)), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
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
