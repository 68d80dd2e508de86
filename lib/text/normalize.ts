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

/** Normalise `input`, returning the folded text and its map back to `input` offsets. */
export function normalizeWithMap(input: string): Normalized {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // A pending space: emitted before the next visible char unless either side is CJK.
  let pendingSpace = false;
  let pendingStart = 0;
  let pendingEnd = 0;
  let lastCp = -1; // last emitted code point (for the CJK-space rule)

  const emit = (ch: string, s: number, e: number): void => {
    const cp = ch.codePointAt(0)!;
    if (pendingSpace) {
      pendingSpace = false;
      if (lastCp !== -1 && !isCjk(lastCp) && !isCjk(cp)) {
        out.push(' ');
        starts.push(pendingStart);
        ends.push(pendingEnd);
      }
    }
    for (let k = 0; k < ch.length; k++) {
      out.push(ch[k]!);
      starts.push(s);
      ends.push(e);
    }
    lastCp = cp;
  };

  const space = (s: number, e: number): void => {
    if (!pendingSpace) {
      pendingSpace = true;
      pendingStart = s;
    }
    pendingEnd = e;
  };

  let i = 0;
  const n = input.length;
  while (i < n) {
    const c0 = input.charCodeAt(i);
    // Fast path: ASCII not followed by a combining mark.
    if (c0 < 0x80 && (i + 1 >= n || input.charCodeAt(i + 1) < 0x300)) {
      const ch = input[i]!;
      if (c0 === 32 || (c0 >= 9 && c0 <= 13)) space(i, i + 1);
      else if (c0 === 34 || c0 === 39 || c0 === 96) emit('"', i, i + 1);
      else if (c0 >= 65 && c0 <= 90) emit(String.fromCharCode(c0 + 32), i, i + 1);
      else emit(ch, i, i + 1);
      i++;
      continue;
    }
    // A cluster: one code point plus following combining marks.
    const cp = input.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < n && COMBINING.test(input[j]!)) j++;
    const folded = input.slice(i, j).normalize('NFKC');
    for (const ch of folded) {
      if (isSpace(ch)) space(i, j);
      else if (QUOTES.has(ch)) emit('"', i, j);
      else if (DASHES.has(ch)) emit('-', i, j);
      else {
        const lower = ch.toLowerCase();
        emit(lower, i, j);
      }
    }
    i = j;
  }
  return { text: out.join(''), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
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
