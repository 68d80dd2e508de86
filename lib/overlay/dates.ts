/**
 * Dates as the reader sees them, at the precision the data has and never more: a claim dated
 * "2026-02" prints as a month even if a caller passes precision "day", and a precision of "month"
 * on a full date prints only the month. Unknown dates say so, with the bounds the text gives.
 */

import type { DatePrecision, Lang } from '../dataset/types';
import type { OverlaySaidOn } from './types';

const RANK: Record<DatePrecision, number> = { unknown: 0, year: 1, month: 2, day: 3 };
const BY_RANK: DatePrecision[] = ['unknown', 'year', 'month', 'day'];

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (valid calendar values only), else null. */
export function parseDate(s: string | null | undefined): { parts: DateParts; precision: DatePrecision } | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { parts: { year }, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { parts: { year, month }, precision: 'month' };
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { parts: { year, month, day }, precision: 'day' };
}

const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** One date at (at most) `precision`. Returns null when nothing can be said. */
export function formatDate(date: string | null | undefined, precision: DatePrecision, lang: Lang): string | null {
  const parsed = parseDate(date);
  if (!parsed) return null;
  const rank = Math.min(RANK[precision], RANK[parsed.precision]);
  const effective = BY_RANK[rank]!;
  const { year, month, day } = parsed.parts;
  switch (effective) {
    case 'day':
      // As people write it: "10 February 2026" (day first, month spelt out: unambiguous across
      // locales, unlike 02/10), 「2026年2月10日」.
      return lang === 'ja' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month! - 1]} ${year}`;
    case 'month':
      return lang === 'ja' ? `${year}年${month}月` : `${EN_MONTHS[month! - 1]} ${year}`;
    case 'year':
      return lang === 'ja' ? `${year}年` : String(year);
    default:
      return null;
  }
}

/** A bound written at its own precision (a bound "2026-03" stays a month). */
function formatBound(s: string, lang: Lang): string | null {
  const p = parseDate(s);
  return p ? formatDate(s, p.precision, lang) : null;
}

/**
 * The first period after an exclusive `after` bound, at the bound's precision: the data says
 * "after 2026-02-09" (exclusive) and a reader should read "on or after 10 February 2026".
 */
function firstAfter(s: string): string | null {
  const p = parseDate(s);
  if (!p) return null;
  const { year, month, day } = p.parts;
  if (p.precision === 'year') return String(year + 1);
  if (p.precision === 'month') return month === 12 ? `${year + 1}-01` : `${year}-${pad(month! + 1)}`;
  const next = new Date(Date.UTC(year, month! - 1, day! + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** "on or after 10 February 2026" / 「2026年2月10日以降」 for an exclusive `after` bound. */
function fromBound(after: string, lang: Lang): string | null {
  const first = firstAfter(after);
  return first ? formatBound(first, lang) : null;
}

/**
 * The "when" line of a card. `reported` (optional) is the source's own publication date, used
 * when the claim's date is unknown and the data gives no bounds of its own: then the line says
 * when the article reporting it appeared, not when the words were said.
 */
export function formatWhen(saidOn: OverlaySaidOn, lang: Lang, reported?: OverlaySaidOn | null): string {
  const known = saidOn.precision === 'unknown' ? null : formatDate(saidOn.date, saidOn.precision, lang);
  if (known) return known;

  const from = saidOn.bounds?.after ? fromBound(saidOn.bounds.after, lang) : null;
  const before = saidOn.bounds?.before ? formatBound(saidOn.bounds.before, lang) : null;
  const own = from || before;
  const published =
    !own && reported && reported.precision !== 'unknown' ? formatDate(reported.date, reported.precision, lang) : null;
  const articleFrom = !own && !published && reported?.bounds?.after ? fromBound(reported.bounds.after, lang) : null;

  if (lang === 'ja') {
    const base = '日付の記載なし';
    if (from && before) return `${base}（${from}以降、${before}より前に報道）`;
    if (from) return `${base}（${from}以降に報道）`;
    if (before) return `${base}（${before}より前に報道）`;
    if (published) return `${base}（${published}の記事）`;
    if (articleFrom) return `${base}（${articleFrom}以降の記事）`;
    return base;
  }
  const base = 'date not stated';
  if (from && before) return `${base}; reported on or after ${from}, before ${before}`;
  if (from) return `${base}; reported on or after ${from}`;
  if (before) return `${base}; reported before ${before}`;
  if (published) return `${base}; in an article of ${published}`;
  if (articleFrom) return `${base}; in an article from ${articleFrom} or later`;
  return base;
}

/** First and last day a partial date covers, as "YYYY-MM-DD" (for comparing role periods). */
export function dateSpan(s: string | null | undefined): { start: string; end: string } | null {
  const p = parseDate(s);
  if (!p) return null;
  const { year, month, day } = p.parts;
  const y = String(year).padStart(4, '0');
  if (day !== undefined) {
    const d = `${y}-${pad(month!)}-${pad(day)}`;
    return { start: d, end: d };
  }
  if (month !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { start: `${y}-${pad(month)}-01`, end: `${y}-${pad(month)}-${pad(last)}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/**
 * When an article itself appeared, for the source view's "Published" line: its date, or what the
 * text bounds it to ("on or after 1 April 2026; the article gives no date"), never a day it does not give.
 */
export function formatPublished(published: OverlaySaidOn, lang: Lang): string {
  const known = published.precision === 'unknown' ? null : formatDate(published.date, published.precision, lang);
  if (known) return known;
  const from = published.bounds?.after ? fromBound(published.bounds.after, lang) : null;
  const before = published.bounds?.before ? formatBound(published.bounds.before, lang) : null;
  if (lang === 'ja') {
    if (from && before) return `${from}以降、${before}より前（記事に日付の記載なし）`;
    if (from) return `${from}以降（記事に日付の記載なし）`;
    if (before) return `${before}より前（記事に日付の記載なし）`;
    return '記事に日付の記載なし';
  }
  if (from && before) return `on or after ${from}, before ${before} (the article gives no date)`;
  if (from) return `on or after ${from} (the article gives no date)`;
  if (before) return `before ${before} (the article gives no date)`;
  return 'not dated in the article';
}
