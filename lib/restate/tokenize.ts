/**
 * Tokens and sentences of the restatement tier: the reference implementation on strings. The
 * compiler tokenises claims with it; the page scan (scan.ts) reads page text by the same rules
 * without building strings, and tests hold the two equal.
 *
 * Token keys, one rule per script (the usual choices of retrieval without a morphological
 * analyser):
 *  - Latin (English words, and names/acronyms inside Japanese text): runs of letters and digits,
 *    folded to lower-case ASCII (full-width forms too); a hyphen between two letters joins the
 *    word ("co-founder" → "cofounder", but "12-member" and "GPT-4" are two tokens); an apostrophe ends it ("xAI's" → "xai"). Key: the stem
 *    (stem.ts). Digit-only runs are numbers, read by facts.ts, not terms.
 *  - Kanji: character bigrams of each run (a run of one: the character itself). Bigrams are the
 *    standard unit for Japanese retrieval: most content words are two-kanji compounds. (Adding
 *    every single character as a further, weighed-down term was measured: it found fewer
 *    restatements, as the extra tokens lengthen every window, and matched more wrong claims.)
 *    A run of one or two right after a number is a counter or unit (年, 月, 人, 億, 人目) and yields
 *    nothing.
 *  - Katakana: each run is one token (loanwords and transliterated names: "バブル", "ルカン");
 *    the middle dot splits runs ("イーロン・マスク" → "イーロン", "マスク").
 *  - Hiragana (particles, endings), Hangul, punctuation: separators. Chinese text is kanji only
 *    and yields bigrams; the tier tells it from Japanese by the absence of kana (see scan.ts).
 */

import { stemEn } from './stem';

export type Script = 'latin' | 'kanji' | 'katakana';

export interface Token {
  /** The term key before canonicalisation: a stem, a kanji bigram/unigram or a katakana word. */
  key: string;
  script: Script;
  start: number;
  end: number;
}

/** Character classes (after folding). */
export const enum Cls {
  Other = 0,
  Letter = 1,
  Digit = 2,
  Kanji = 3,
  Katakana = 4,
  Hiragana = 5,
  Hangul = 6,
}

let latinBase: Uint16Array | null = null;

/**
 * Accented Latin letters (U+00C0–U+024F) → their lower-case base letter ("É" → "e"), so spellings
 * with and without diacritics meet; built once from the platform's NFD.
 */
function accentFold(c: number): number {
  if (!latinBase) {
    latinBase = new Uint16Array(0x250 - 0xc0);
    for (let k = 0xc0; k < 0x250; k++) {
      const base = String.fromCharCode(k).normalize('NFD').charAt(0).toLowerCase().charCodeAt(0);
      latinBase[k - 0xc0] = base >= 97 && base <= 122 ? base : k;
    }
  }
  return latinBase[c - 0xc0]!;
}

/** Folds a code unit: A–Z, accented Latin and full-width letters/digits to lower-case ASCII; others unchanged. */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xc0 && c < 0x250) return c === 0xd7 || c === 0xf7 ? c : accentFold(c);
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 97;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 97;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 48;
  return c;
}

let codeTables: { cls: Uint8Array; fold: Uint16Array } | null = null;

/**
 * `classOf(foldCode(c))` and `foldCode(c)` for every UTF-16 code unit, as two tables (64 K + 128 K
 * bytes, built once per page that runs the tier): the scan reads a table per character instead of
 * a chain of range tests. Tested equal to the functions.
 */
export function codeTablesOf(): { cls: Uint8Array; fold: Uint16Array } {
  if (!codeTables) {
    const cls = new Uint8Array(0x10000);
    const fold = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const f = foldCode(c);
      fold[c] = f;
      cls[c] = classOf(f);
    }
    codeTables = { cls, fold };
  }
  return codeTables;
}

/** Class of a folded code unit. */
export function classOf(c: number): Cls {
  if (c < 0x80) {
    if (c >= 97 && c <= 122) return Cls.Letter;
    if (c >= 48 && c <= 57) return Cls.Digit;
    return Cls.Other;
  }
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return Cls.Letter; // accented Latin not folded (ß, ø …)
  if (c < 0x3040) return Cls.Other;
  if (c <= 0x309f) return c >= 0x3041 && c <= 0x3096 ? Cls.Hiragana : Cls.Other;
  if (c <= 0x30ff) return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc ? Cls.Katakana : Cls.Other;
  if (c === 0x3005 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return Cls.Kanji;
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return Cls.Hangul;
  return Cls.Other;
}

/** Counter characters written between a number and its unit ("3ヶ月", "3カ月"). */
const COUNTER_KANA = new Set([0x30f6, 0x30f5, 0x30ab, 0x30b1, 0x304b]);

/**
 * Whether the kanji run starting at `start` follows a number: "2026年2月10日", "12人", "25億ドル",
 * "2人目", "6ヶ月". Such short runs are counters and units; the figure is facts.ts's business, and
 * as terms they would make any two dated sentences look alike.
 */
export function afterNumber(text: string, start: number, from: number): boolean {
  let p = start - 1;
  if (p >= from && COUNTER_KANA.has(text.charCodeAt(p))) p--;
  return p >= from && classOf(foldCode(text.charCodeAt(p))) === Cls.Digit;
}

/** Reference tokeniser: every token of `text[from, to)` in order. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = foldCode(text.charCodeAt(i));
    const cls = classOf(c);
    if (cls === Cls.Letter || cls === Cls.Digit) {
      const start = i;
      let word = '';
      let digitsOnly = true;
      while (i < to) {
        const d = foldCode(text.charCodeAt(i));
        const k = classOf(d);
        if (k === Cls.Letter || k === Cls.Digit) {
          word += String.fromCharCode(d);
          if (k === Cls.Letter) digitsOnly = false;
          i++;
        } else if (d === 45 && i + 1 < to && k === Cls.Other && classOf(foldCode(text.charCodeAt(i - 1))) === Cls.Letter) {
          // A hyphen between two letters joins ("co-founder"); next to a digit it separates ("12-member", "GPT-4").
          if (classOf(foldCode(text.charCodeAt(i + 1))) !== Cls.Letter) break;
          i++;
        } else break;
      }
      if (!digitsOnly && word.length >= 2) out.push({ key: stemEn(word), script: 'latin', start, end: i });
      continue;
    }
    if (cls === Cls.Kanji) {
      const start = i;
      while (i < to && classOf(text.charCodeAt(i)) === Cls.Kanji) i++;
      if (i - start <= 2 && afterNumber(text, start, from)) continue;
      if (i - start === 1) out.push({ key: text[start]!, script: 'kanji', start, end: i });
      else for (let k = start; k + 1 < i; k++) out.push({ key: text.slice(k, k + 2), script: 'kanji', start: k, end: k + 2 });
      continue;
    }
    if (cls === Cls.Katakana) {
      const start = i;
      while (i < to && classOf(text.charCodeAt(i)) === Cls.Katakana) i++;
      if (i - start >= 2) out.push({ key: text.slice(start, i), script: 'katakana', start, end: i });
      continue;
    }
    i++;
  }
  return out;
}

// ------------------------------------------------------------------ sentences

/** A sentence of the text: [start, end), and the block (paragraph) it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  block: number;
}

const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x2019, 0x201d, 0x300d, 0x300f, 0xff09, 0x3011, 0xbb, 0xff02]);
const CJK_TERMINALS = new Set([0x3002, 0xff01, 0xff1f, 0xff0e]); // 。！？．
/** Words that end with a dot without ending a sentence (lower case, no dot). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr inc corp co ltd vs etc jan feb mar apr jun jul aug sep sept oct nov dec no u.s e.g i.e gen gov sen rep prof'.split(' '),
);

/**
 * Sentences of `text`: split at block breaks ("\n", which the text model puts between blocks and
 * at <br>), at 。！？ and at . ! ? that end a sentence (followed by a space and not after an
 * abbreviation, an initial or inside a number). Closing quotes and brackets after the punctuation
 * stay with the sentence; a Japanese quotation that continues (「…。」と述べた) is not split.
 * Empty and whitespace-only sentences are dropped.
 */
export function sentences(text: string, from = 0, to = text.length): Sentence[] {
  const out: Sentence[] = [];
  let block = 0;
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, block });
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      push(i);
      start = i + 1;
      if (out.length > 0 && out[out.length - 1]!.block === block) block++;
      continue;
    }
    // Every terminal but . ! ? is ≥ U+3002: one comparison spares most characters the set lookup
    // (a lookup per character was ~5% of the tier on an English page).
    const cjk = c >= 0x3002 && CJK_TERMINALS.has(c);
    if (!cjk && c !== 46 && c !== 33 && c !== 63) continue;
    // Closing quotes and brackets belong to the sentence.
    let j = i + 1;
    while (j < to && CLOSERS.has(text.charCodeAt(j))) j++;
    if (cjk || c === 0x3002) {
      const n = j < to ? text.charCodeAt(j) : 0;
      if (j > i + 1 && (n === 0x3068 || n === 0x3063)) continue; // 」と / 」って: the quotation goes on
      push(j);
      start = j;
      i = j - 1;
      continue;
    }
    // . ! ?: a sentence end only before whitespace (or the end of the text).
    if (j < to && !isSpaceCode(text.charCodeAt(j))) continue;
    if (c === 46) {
      if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[j + 1] ?? '')) continue;
      let w = i;
      while (w > from && /[A-Za-z.]/.test(text[w - 1]!)) w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) && /[A-Z]/.test(text[w]!)) continue;
      // "… Feb. 10" and "No. 2": a dot before a digit is an abbreviation's.
      let k = j;
      while (k < to && text.charCodeAt(k) === 32) k++;
      if (k < to && /[0-9a-z]/.test(text[k]!)) continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(to);
  return out;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0x200b;
}
