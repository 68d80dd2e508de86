/**
 * Numbers, amounts, durations, dates and ordinals of a sentence, in English and Japanese, and the
 * agreement check between a claim's and a page passage's. A restatement may leave a figure out, but
 * it may not change it: "$2.5 billion" vs "$1.9 billion", "second co-founder" vs "fourth",
 * "2人目" vs "4人目", "Feb. 10" vs "March 2" are different statements however many words they
 * share.
 *
 * Run on claim texts at compile time and on candidate passages only (never on a whole page), so
 * these are plain regular expressions. Values are normalised so the two languages compare:
 * "1兆2500億ドル" ≡ "$1.25 trillion", "半年" ≡ "six months", "2人目" ≡ "second".
 */

import { KANJI_DIGITS, MONTHS_EN, NUMBER_WORDS_EN, ORDINAL_WORDS_EN } from './number-words';

export interface DateRef {
  y?: number;
  m?: number;
  d?: number;
}

export interface Fact<T> {
  value: T;
  /** The text it was read from (reasons show it). */
  text: string;
}

export interface Facts {
  /** Money and large amounts, in units (dollars, yen …: the currency is not compared). */
  amounts: Fact<number>[];
  percents: Fact<number>[];
  /** Durations in months. */
  durations: Fact<number>[];
  /** Counts of people or things (2 and more; "one" and "a" say nothing). */
  counts: Fact<number>[];
  ordinals: Fact<number>[];
  dates: Fact<DateRef>[];
}

export const noFacts = (): Facts => ({ amounts: [], percents: [], durations: [], counts: [], ordinals: [], dates: [] });

/** Full-width digits and punctuation of numbers → ASCII (the page text is not NFKC-folded). */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．，％＄]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function kanjiNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    const v = KANJI_DIGITS[ch];
    if (v === undefined) return null;
    if (v === 10) {
      total += (cur || 1) * 10;
      cur = 0;
    } else cur = v;
  }
  return total + cur;
}

const SCALE_EN: Record<string, number> = { trillion: 1e12, tn: 1e12, billion: 1e9, bn: 1e9, b: 1e9, million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3 };
const NUM_EN = `(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS_EN).join('|')})`;
const MONTH_EN = Object.keys(MONTHS_EN).sort((a, b) => b.length - a.length).join('|');

const num = (s: string): number => {
  const w = NUMBER_WORDS_EN[s.toLowerCase()];
  return w !== undefined ? w : Number(s.replace(/,/g, ''));
};

/** English patterns, compiled once (the others are literals). */
const RE_USD = new RegExp(`(?:US|U\\.S\\.)?\\$\\s?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?:\\s?(trillion|billion|million|thousand|tn|bn|mn|b|m|k)\\b)?`, 'gi');
const RE_SCALED = new RegExp(`\\b(${NUM_EN})\\s?(trillion|billion|million)\\b(?:\\s(?:dollars|yen|euros|usd))?`, 'gi');
const RE_DATE_EN = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_EN})\\.?,?\\s+(\\d{4})\\b|\\b(${MONTH_EN})\\b\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+(\\d{4})\\b)?`, 'gi');
const RE_ORDINAL_EN = new RegExp(`\\b(${Object.keys(ORDINAL_WORDS_EN).join('|')}|\\d+(?:st|nd|rd|th))\\b`, 'gi');
const RE_DURATION_EN = new RegExp(`\\b(?:(${NUM_EN}|a|an)\\s+)?(half\\s+a\\s+year|half-year|decade|months?|years?|weeks?)\\b`, 'gi');
const RE_COUNT_EN = new RegExp(`(?<![\\w.$-])(${NUM_EN})(?![\\w.%-]|,\\d)`, 'gi');

/** Marks [start, end) of `taken` so a later pattern does not read the same figure again. */
function take(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return false;
  for (let i = start; i < end; i++) taken[i] = 1;
  return true;
}

/** One extraction's state: what its patterns have read, and whether they may be skipped. */
interface Reading {
  /** Characters a pattern has read (`take`). */
  taken: Uint8Array;
  /** False: every pattern runs (the reference the tests compare with). */
  skips: boolean;
}

/**
 * Runs `re` over `text` unless `may`, something every match of `re` must contain, is absent: most
 * patterns need a character or word most sentences lack (ドル, $, 年, "billion"), and a failing
 * search for it is cheaper than the pattern's own, which tries every position. Lossless.
 */
function scan(text: string, re: RegExp, at: Reading, f: (m: RegExpExecArray) => void, may?: RegExp): void {
  if (may && at.skips && !may.test(text)) return;
  const { taken } = at;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (take(taken, m.index, m.index + m[0].length)) f(m);
  }
}

/**
 * Anything a figure could start with: a digit, a kanji numeral before a counter, 半年, a number,
 * ordinal or month word, "a"/"an" before a unit of time ("a year ago": a duration of one) and
 * "half a year". Most sentences have none and skip the patterns below.
 */
const HINT = new RegExp(
  `[0-9０-９]|半年|第[一二三四五六七八九十]|[一二三四五六七八九十両][人名社件年月つ番度回]|\\b(?:${[...Object.keys(NUMBER_WORDS_EN), ...Object.keys(ORDINAL_WORDS_EN), ...Object.keys(MONTHS_EN), 'decade'].join('|')})\\b|\\ban?\\s+(?:months?|years?|weeks?)\\b|\\bhalf[\\s-]+(?:a\\s+)?year`,
  'i',
);

/** Every fact of `raw` (one sentence or a few), in either language. `skips` false: every pattern runs (the reference for tests). */
export function extractFacts(raw: string, skips = true): Facts {
  if (skips && !HINT.test(raw)) return noFacts();
  const text = asciiDigits(raw);
  const f = noFacts();
  const at: Reading = { taken: new Uint8Array(text.length), skips };
  const add = <T>(list: Fact<T>[], value: T, t: string): void => {
    if (!list.some((x) => JSON.stringify(x.value) === JSON.stringify(value))) list.push({ value, text: t.trim().replace(/[.,]$/, '') });
  };

  // ---- Japanese amounts: 1兆2500億ドル, 1.25兆ドル, 25億ドル, 50万ドル, 600億円.
  scan(text, /(?:(\d+(?:\.\d+)?)\s?兆)?(?:(\d+(?:\.\d+)?)\s?億)?(?:(\d+(?:\.\d+)?)\s?万)?(\d+(?:\.\d+)?)?\s*(ドル|円|ユーロ|元)/g, at, (m) => {
    if (!m[1] && !m[2] && !m[3] && !m[4]) return;
    const v = Number(m[1] ?? 0) * 1e12 + Number(m[2] ?? 0) * 1e8 + Number(m[3] ?? 0) * 1e4 + Number(m[4] ?? 0);
    add(f.amounts, v, m[0]);
  }, /ドル|円|ユーロ|元/);
  // Japanese large numbers without a currency: 1兆2500億, 5000万.
  scan(text, /(?:(\d+(?:\.\d+)?)\s?兆)(?:(\d+(?:\.\d+)?)\s?億)?|(\d+(?:\.\d+)?)\s?億(?:(\d+(?:\.\d+)?)\s?万)?/g, at, (m) => {
    const v = m[1] ? Number(m[1]) * 1e12 + Number(m[2] ?? 0) * 1e8 : Number(m[3]) * 1e8 + Number(m[4] ?? 0) * 1e4;
    add(f.amounts, v, m[0]);
  }, /[兆億]/);
  // ---- English amounts: $1.25 trillion, $2.5bn, US$500,000, 1.25 trillion dollars, 60 billion yen.
  scan(text, RE_USD, at, (m) => {
    add(f.amounts, num(m[1]!) * (m[2] ? SCALE_EN[m[2].toLowerCase()]! : 1), m[0]);
  }, /\$/);
  scan(text, RE_SCALED, at, (m) => {
    add(f.amounts, num(m[1]!) * SCALE_EN[m[2]!.toLowerCase()]!, m[0]);
  }, /illion/i);

  // ---- Percentages.
  scan(text, /(\d+(?:\.\d+)?)\s?(?:%|パーセント|percent\b|per cent\b)/gi, at, (m) => add(f.percents, Number(m[1]), m[0]), /%|パーセント|per ?cent/i);

  // ---- Dates (before durations and counts: "2026年2月10日" is not a duration of 2026 years).
  scan(text, /(\d{4})\s*[-/年]\s*(\d{1,2})\s*[-/月]\s*(\d{1,2})日?/g, at, (m) => {
    add(f.dates, { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, m[0]);
  }, /\d{4}/);
  scan(text, /(\d{4})年\s*(\d{1,2})月|(?:(\d{4})年\s*|昨年|今年|去年|来年)?(\d{1,2})月\s*(\d{1,2})日|(?:昨年|今年|去年|来年)?(\d{1,2})月(?!間)/g, at, (m) => {
    if (m[1]) add(f.dates, { y: Number(m[1]), m: Number(m[2]) }, m[0]);
    else if (m[4]) add(f.dates, { ...(m[3] ? { y: Number(m[3]) } : {}), m: Number(m[4]), d: Number(m[5]) }, m[0]);
    else add(f.dates, { m: Number(m[6]) }, m[0]);
  }, /月/);
  // English: "Feb. 10, 2026", "February 10", "10 February 2026", "in March", "last August", "Mar. 31".
  scan(
    text,
    RE_DATE_EN,
    at,
    (m) => {
      if (m[1]) return add(f.dates, { y: Number(m[3]), m: MONTHS_EN[m[2]!.toLowerCase()]!, d: Number(m[1]) }, m[0]);
      const word = m[4]!;
      const month = MONTHS_EN[word.toLowerCase()]!;
      // "may" is a month only as "May" with a day or year, or after in/last/this/next/early/late/mid.
      if (word.toLowerCase() === 'may') {
        const before = text.slice(Math.max(0, (m.index ?? 0) - 8), m.index).toLowerCase();
        if (word !== 'May' || (!m[5] && !m[6] && !/(?:in|last|this|next|early|late|mid|since|until|of)[\s-]$/.test(before))) return;
      }
      // Three-letter abbreviations are months only capitalised ("Mar", not "mar" or "jan" in a word).
      if (word.length <= 4 && word[0] !== word[0]!.toUpperCase()) return;
      add(f.dates, { ...(m[6] ? { y: Number(m[6]) } : {}), m: month, ...(m[5] ? { d: Number(m[5]) } : {}) }, m[0]);
    },
  );
  // Years on their own: "2026年", "in 2024" (1990–2099).
  scan(text, /(?<!\d)((?:19|20)\d{2})(?:年(?!間)|(?![\d年]))/g, at, (m) => {
    add(f.dates, { y: Number(m[1]) }, m[0]);
  }, /(?:19|20)\d\d/);

  // ---- Ordinals: second, 4th, 2人目, 3番目, 第2.
  scan(text, /(\d+|[一二三四五六七八九十]+)(?:人目|番目|度目|回目|社目)|第(\d+|[一二三四五六七八九十]+)/g, at, (m) => {
    const v = kanjiNumber((m[1] ?? m[2])!);
    if (v !== null) add(f.ordinals, v, m[0]);
  }, /[目第]/);
  scan(text, RE_ORDINAL_EN, at, (m) => {
    const w = m[1]!.toLowerCase();
    const before = text.slice(Math.max(0, m.index - 10), m.index).toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8).toLowerCase();
    // "second" the unit of time, not the ordinal.
    if (w === 'second' && (/(?:per|split|a|one)\s$/.test(before) && /^\s*(?:later|ago|or|,|\.|$)/.test(after))) return;
    const v = ORDINAL_WORDS_EN[w] ?? Number(w.replace(/\D/g, ''));
    add(f.ordinals, v, m[0]);
  });

  // ---- Durations, in months: 6ヶ月, 半年, 2年余り, six months, half a year, a decade.
  scan(text, /(\d+(?:\.\d+)?|[一二三四五六七八九十]+)\s*(ヶ月|か月|カ月|ヵ月|箇月|ケ月|年間|年|週間|日間)|半年/g, at, (m) => {
    if (m[0] === '半年') return add(f.durations, 6, m[0]);
    const v = kanjiNumber(m[1]!);
    if (v === null) return;
    const unit = m[2]!;
    add(f.durations, unit.startsWith('年') ? v * 12 : unit.startsWith('週') ? v / 4.345 : unit.startsWith('日') ? v / 30.44 : v, m[0]);
  }, /[月年週日]/);
  scan(text, RE_DURATION_EN, at, (m) => {
    const unit = m[2]!.toLowerCase();
    if (unit.startsWith('half')) return add(f.durations, 6, m[0]);
    if (!m[1]) return; // "months" alone: no figure
    const n = /^an?$/i.test(m[1]) ? 1 : num(m[1]);
    add(f.durations, unit.startsWith('decade') ? n * 120 : unit.startsWith('year') ? n * 12 : unit.startsWith('week') ? n / 4.345 : n, m[0]);
  }, /year|month|week|decade/i);

  // ---- Counts: 12人, 5人, 2社, five of the twelve, two co-founders.
  scan(text, /(\d+|[一二三四五六七八九十両]+)\s*(?:人|名|社|件|機|基|つ)(?!目)/g, at, (m) => {
    const v = kanjiNumber(m[1]!.replace('両', '二'));
    if (v !== null && v >= 2) add(f.counts, v, m[0]);
  }, /[人名社件機基つ]/);
  scan(text, RE_COUNT_EN, at, (m) => {
    const v = num(m[1]!);
    if (v >= 2 && v < 1000 && v !== 0.5) add(f.counts, v, m[0]);
  });
  return f;
}

// ------------------------------------------------------------------ agreement

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.011 * Math.max(Math.abs(a), Math.abs(b));

/** Two dates agree when every field both give is equal (days within one: time zones). */
export function datesAgree(a: DateRef, b: DateRef): boolean {
  if (a.y !== undefined && b.y !== undefined && a.y !== b.y) return false;
  if (a.m !== undefined && b.m !== undefined && a.m !== b.m) return false;
  if (a.d !== undefined && b.d !== undefined && Math.abs(a.d - b.d) > 1) return false;
  // A day without a month on one side says nothing about the other's month.
  return true;
}

export type FactKind = 'amount' | 'percent' | 'duration' | 'count' | 'ordinal' | 'date';

export interface FactCheck {
  /** The first kind of figure that disagrees (veto), or null. */
  conflict: { kind: FactKind; claim: string; page: string } | null;
  /** Page figures that agree with the claim's (reasons). */
  shared: string[];
}

/**
 * Compare a claim's figures with a passage's, kind by kind: when both give figures of a kind and
 * none of the passage's agrees with any of the claim's, that kind conflicts. A kind only one side
 * gives is no evidence either way (summaries drop figures; passages add context).
 */
export function checkFacts(claim: Facts, page: Facts): FactCheck {
  const shared: string[] = [];
  let conflict: FactCheck['conflict'] = null;
  const kind = <T>(k: FactKind, a: Fact<T>[], b: Fact<T>[], eq: (x: T, y: T) => boolean): void => {
    if (a.length === 0 || b.length === 0) return;
    let any = false;
    for (const y of b) {
      if (a.some((x) => eq(x.value, y.value))) {
        any = true;
        shared.push(y.text);
      }
    }
    if (!any && !conflict) conflict = { kind: k, claim: a[0]!.text, page: b[0]!.text };
  };
  kind('amount', claim.amounts, page.amounts, close);
  kind('percent', claim.percents, page.percents, close);
  kind('duration', claim.durations, page.durations, (x, y) => Math.abs(x - y) <= 0.5);
  kind('ordinal', claim.ordinals, page.ordinals, (x, y) => x === y);
  kind('date', claim.dates, page.dates, datesAgree);
  kind('count', claim.counts, page.counts, (x, y) => x === y);
  return { conflict, shared };
}

/** Compact form for the compiled index (texts kept: reasons quote the page's, not the claim's). */
export function hasFacts(f: Facts): boolean {
  return f.amounts.length + f.percents.length + f.durations.length + f.counts.length + f.ordinals.length + f.dates.length > 0;
}
