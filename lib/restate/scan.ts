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
import { Cls, afterNumber, classOf, foldCode, sentences, type Sentence } from './tokenize';

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
  /** LANG_JA | LANG_EN | LANG_OTHER per sentence. */
  lang: Uint8Array;
}

const WORD_MAX = 48;

/** Reusable buffers (the scan allocates only its result arrays). */
let wordBuf = new Uint16Array(WORD_MAX);
let stamp = new Int32Array(0);
let stampGen = 0;

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

  for (let s = 0; s < n; s++) {
    const { start, end } = sents[s]!;
    termFrom[s] = idCount;
    if (++stampGen === 0x7fffffff) {
      stamp.fill(0);
      stampGen = 1;
    }
    const gen = stampGen;
    let tokens = 0;
    let kana = 0;
    let kanji = 0;
    let latin = 0;
    let hangul = 0;
    const emit = (h: number): void => {
      const t = lookup(table, h);
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
    let i = start;
    while (i < end) {
      const c = foldCode(text.charCodeAt(i));
      const cls = classOf(c);
      if (cls === Cls.Letter || cls === Cls.Digit) {
        let wl = 0;
        let letters = 0;
        while (i < end) {
          const d = foldCode(text.charCodeAt(i));
          const k = classOf(d);
          if (k === Cls.Letter || k === Cls.Digit) {
            if (wl < WORD_MAX) wordBuf[wl] = d;
            wl++;
            if (k === Cls.Letter) letters++;
            i++;
          } else if (d === 45 && i + 1 < end && classOf(foldCode(text.charCodeAt(i - 1))) === Cls.Letter) {
            if (classOf(foldCode(text.charCodeAt(i + 1))) !== Cls.Letter) break;
            i++;
          } else break;
        }
        latin += letters;
        if (letters > 0 && wl >= 2) emit(stemHash(wordBuf, Math.min(wl, WORD_MAX)));
        continue;
      }
      if (cls === Cls.Kanji) {
        const runStart = i;
        let runEnd = i + 1;
        while (runEnd < end && classOf(text.charCodeAt(runEnd)) === Cls.Kanji) runEnd++;
        kanji += runEnd - runStart;
        i = runEnd;
        if (runEnd - runStart <= 2 && afterNumber(text, runStart, start)) continue;
        if (runEnd - runStart === 1) emit(fnv(FNV_SEED, c));
        else for (let k = runStart + 1; k < runEnd; k++) emit(fnv(fnv(FNV_SEED, text.charCodeAt(k - 1)), text.charCodeAt(k)));
        continue;
      }
      if (cls === Cls.Katakana) {
        let h = FNV_SEED;
        let run = 0;
        for (; i < end; i++) {
          const d = text.charCodeAt(i);
          if (classOf(d) !== Cls.Katakana) break;
          h = fnv(h, d);
          run++;
        }
        if (run >= 2) emit(h);
        kana += run;
        continue;
      }
      if (cls === Cls.Hiragana) kana++;
      else if (cls === Cls.Hangul) hangul++;
      i++;
    }
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
