/**
 * The page scan: one pass over a part's text that cuts it into sentences and reads each sentence's
 * terms through the term table, by the rules of tokenize.ts but without building strings (a word's
 * characters go into a small code buffer, kanji bigrams and katakana runs are hashed as they are
 * read). This is the only work the tier does on every character; everything after it looks at
 * sentences and candidate windows. tests/unit/restate-tokenize.test.ts holds it equal to the
 * reference tokeniser.
 *
 * Each sentence gets a language: Japanese when it has kana, English when it is Latin script only,
 * and "other" for Hangul (Korean) and for kana-less kanji (Chinese) on a page without kana, so
 * Chinese and Korean text is never compared with the claims.
 */

import { STOP, UNKNOWN, lookup, type TermTable } from './table';
import { FNV_SEED, fnv, stemHash } from './stem';
import { Cls, afterNumber, codeTablesOf, sentences, type Sentence } from './tokenize';

export const LANG_JA = 0;
export const LANG_EN = 1;
export const LANG_OTHER = 2;

export interface PartScan {
  text: string;
  sentences: Sentence[];
  /** Terms of sentence s: `termIds[termFrom[s] .. termFrom[s + 1])`, distinct within the sentence. */
  termFrom: Int32Array;
  termIds: Int32Array;
  /** Tokens per sentence (stopwords not counted): the BM25 length of a window is their sum. */
  len: Int32Array;
  /** LANG_JA | LANG_EN | LANG_OTHER per sentence (set to LANG_OTHER to leave a sentence out of every window). */
  lang: Uint8Array;
}

const WORD_MAX = 48;

/** Reusable buffers (the scan allocates only its result arrays). */
const wordBuf = new Uint16Array(WORD_MAX);
let stamp = new Int32Array(0);
let stampGen = 0;

/** Script counts of the last `forEachToken` run (read by scanPart). */
const counts = { kana: 0, kanji: 0, latin: 0, hangul: 0 };

/**
 * Every token of `text[start, end)` by the rules of tokenize.ts, looked up in the table:
 * `visit(term, from, to)` with the term id, STOP or UNKNOWN, and the token's span. Counts scripts
 * into `counts` as it goes. The one tokenising loop of the page side (scanPart, sharedTerms).
 */
export function forEachToken(text: string, start: number, end: number, table: TermTable, visit: (term: number, from: number, to: number) => void): void {
  const { cls: CLS, fold: FOLD } = codeTablesOf();
  let kana = 0;
  let kanji = 0;
  let latin = 0;
  let hangul = 0;
  let i = start;
  while (i < end) {
    const raw = text.charCodeAt(i);
    const cls = CLS[raw]!;
    if (cls === Cls.Letter || cls === Cls.Digit) {
      const from = i;
      let wl = 0;
      let letters = 0;
      while (i < end) {
        const d = text.charCodeAt(i);
        const k = CLS[d]!;
        if (k === Cls.Letter || k === Cls.Digit) {
          if (wl < WORD_MAX) wordBuf[wl] = FOLD[d]!;
          wl++;
          if (k === Cls.Letter) letters++;
          i++;
        } else if (d === 45 && i + 1 < end && CLS[text.charCodeAt(i - 1)] === Cls.Letter) {
          // A hyphen between two letters joins the word ("co-founder").
          if (CLS[text.charCodeAt(i + 1)] !== Cls.Letter) break;
          i++;
        } else break;
      }
      latin += letters;
      if (letters > 0 && wl >= 2) visit(lookup(table, stemHash(wordBuf, wl < WORD_MAX ? wl : WORD_MAX)), from, i);
      continue;
    }
    if (cls === Cls.Kanji) {
      const runStart = i;
      let runEnd = i + 1;
      while (runEnd < end && CLS[text.charCodeAt(runEnd)] === Cls.Kanji) runEnd++;
      kanji += runEnd - runStart;
      i = runEnd;
      if (runEnd - runStart <= 2 && afterNumber(text, runStart, start)) continue;
      if (runEnd - runStart === 1) visit(lookup(table, fnv(FNV_SEED, raw)), runStart, runEnd);
      else for (let k = runStart + 1; k < runEnd; k++) visit(lookup(table, fnv(fnv(FNV_SEED, text.charCodeAt(k - 1)), text.charCodeAt(k))), k - 1, k + 1);
      continue;
    }
    if (cls === Cls.Katakana) {
      const from = i;
      let h = FNV_SEED;
      for (; i < end; i++) {
        const d = text.charCodeAt(i);
        if (CLS[d] !== Cls.Katakana) break;
        h = fnv(h, d);
      }
      kana += i - from;
      if (i - from >= 2) visit(lookup(table, h), from, i);
      continue;
    }
    if (cls === Cls.Hiragana) kana++;
    else if (cls === Cls.Hangul) hangul++;
    i++;
  }
  counts.kana = kana;
  counts.kanji = kanji;
  counts.latin = latin;
  counts.hangul = hangul;
}

export function scanPart(text: string, table: TermTable): PartScan {
  const sents = sentences(text);
  const n = sents.length;
  const termFrom = new Int32Array(n + 1);
  let ids = new Int32Array(Math.max(16, text.length >> 2));
  let idCount = 0;
  const len = new Int32Array(n);
  const lang = new Uint8Array(n);
  if (stamp.length < table.terms) stamp = new Int32Array(table.terms);
  const kanaOf = new Int32Array(n);
  const kanjiOf = new Int32Array(n);
  let pageKana = 0;
  let pageKanji = 0;
  let tokens = 0;
  let gen = 0;
  const visit = (t: number): void => {
    if (t === STOP) return;
    tokens++;
    if (t === UNKNOWN || stamp[t] === gen) return;
    stamp[t] = gen;
    if (idCount === ids.length) {
      const grown = new Int32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[idCount++] = t;
  };

  for (let s = 0; s < n; s++) {
    const { start, end } = sents[s]!;
    termFrom[s] = idCount;
    if (++stampGen === 0x7fffffff) {
      stamp.fill(0);
      stampGen = 1;
    }
    gen = stampGen;
    tokens = 0;
    forEachToken(text, start, end, table, visit);
    const { kana, kanji, latin, hangul } = counts;
    len[s] = tokens;
    kanaOf[s] = kana;
    kanjiOf[s] = kanji;
    pageKana += kana;
    pageKanji += kanji;
    lang[s] = hangul > 0 && hangul >= kana ? LANG_OTHER : kana > 0 ? LANG_JA : kanji > 0 ? LANG_OTHER : latin > 0 ? LANG_EN : LANG_OTHER;
  }
  termFrom[n] = idCount;
  // Kanji-only sentences (a headline such as "xAI共同創設者が退職") are Japanese on a page with kana.
  if (pageKana > 0 && pageKana * 10 >= pageKanji) {
    for (let s = 0; s < n; s++) if (lang[s] === LANG_OTHER && kanaOf[s] === 0 && kanjiOf[s]! > 0) lang[s] = LANG_JA;
  }
  return { text, sentences: sents, termFrom, termIds: ids.subarray(0, idCount), len, lang };
}
