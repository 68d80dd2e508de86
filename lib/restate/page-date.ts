/**
 * When the page says it was published: schema.org JSON-LD `datePublished`, the Open Graph /
 * Dublin Core meta tags, microdata, or the article's first `<time datetime>`. A report cannot be
 * older than the event it reports, so the tier vetoes stories and claims a page predates. Read
 * only when a candidate needs it; a page that states no date is judged on its text alone.
 */

import type { DateRef } from './facts';

const ISO = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?/;

export function parseIsoDate(s: string | null | undefined): DateRef | null {
  const m = s ? ISO.exec(s) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return m[3] ? { y, m: mo, d: Number(m[3]) } : { y, m: mo };
}

function fromJsonLd(value: unknown, depth = 0): string | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const d = fromJsonLd(v, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const o = value as Record<string, unknown>;
  for (const k of ['datePublished', 'dateCreated', 'uploadDate']) if (typeof o[k] === 'string') return o[k] as string;
  return fromJsonLd(o['@graph'], depth + 1);
}

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

const META_ANY = META.join(', ');

/** The page's publication date, or null when it states none readable. */
export function pageDate(doc: Document, root: Element | null): DateRef | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const d = parseIsoDate(fromJsonLd(JSON.parse(s.textContent ?? '')));
      if (d) return d;
    } catch {
      // Malformed JSON-LD is common; other signals follow.
    }
  }
  // One pass for all the meta tags; then the first that parses, in META's order of trust.
  const metas = doc.head ? Array.from(doc.head.querySelectorAll(META_ANY)) : [];
  for (const sel of META) {
    const el = metas.find((m) => m.matches(sel));
    const d = parseIsoDate(el?.getAttribute('content'));
    if (d) return d;
  }
  const item = doc.querySelector('[itemprop="datePublished"]');
  const fromItem = parseIsoDate(item?.getAttribute('datetime') ?? item?.getAttribute('content'));
  if (fromItem) return fromItem;
  const time = (root ?? doc).querySelector('time[datetime]');
  return parseIsoDate(time?.getAttribute('datetime'));
}

/** Compare a (possibly partial) date with a day "YYYY-MM-DD": −1 before, 1 after, 0 same or undecidable. */
export function compareToDay(d: DateRef, day: string): -1 | 0 | 1 {
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number?];
  if (d.y === undefined) return 0;
  if (d.y !== y) return d.y < y ? -1 : 1;
  if (d.m === undefined || m === undefined) return 0;
  if (d.m !== m) return d.m < m ? -1 : 1;
  if (d.d === undefined || dd === undefined) return 0;
  return d.d === dd ? 0 : d.d < dd ? -1 : 1;
}

/**
 * Whether a date lies outside exclusive bounds { after, before } (a date only as precise as a
 * month or a year is outside only when all of it is).
 */
export function outsideWindow(d: DateRef, window: { after?: string; before?: string }): boolean {
  if (window.after && compareToDay(d, window.after) <= 0 && isWhollyBefore(d, window.after)) return true;
  if (window.before && compareToDay(d, window.before) >= 0 && isWhollyAfter(d, window.before)) return true;
  return false;
}

function isWhollyBefore(d: DateRef, day: string): boolean {
  // d ≤ day for every day d could be.
  const c = compareToDay(d, day);
  if (c < 0) return true;
  return c === 0 && d.y !== undefined && d.m !== undefined && d.d !== undefined; // the same day: not after
}

function isWhollyAfter(d: DateRef, day: string): boolean {
  const c = compareToDay(d, day);
  if (c > 0) return true;
  return c === 0 && d.y !== undefined && d.m !== undefined && d.d !== undefined;
}
