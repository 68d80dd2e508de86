/**
 * Anchors into seed texts: a W3C TextQuoteSelector-like quote (exact + up to 32 characters of
 * prefix/suffix context) plus its [start, end) position. Pure functions, no I/O.
 */
import type { Anchor, Lang } from './types';

/** Maximum length of an anchor's prefix and suffix. */
export const CONTEXT_LENGTH = 32;

/** A half-open [start, end) range of a seed. */
export interface Range {
  start: number;
  end: number;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Up to CONTEXT_LENGTH characters before `start`, never starting in the middle of a surrogate pair. */
export function prefixAt(seed: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(seed.charCodeAt(from))) from += 1;
  return seed.slice(from, start);
}

/** Up to CONTEXT_LENGTH characters after `end`, never ending in the middle of a surrogate pair. */
export function suffixAt(seed: string, end: number): string {
  let to = Math.min(seed.length, end + CONTEXT_LENGTH);
  if (to < seed.length && isHighSurrogate(seed.charCodeAt(to - 1))) to -= 1;
  return seed.slice(end, to);
}

/** The full anchor for seed[start, end). */
export function anchorAt(seed: string, lang: Lang, start: number, end: number): Anchor {
  return {
    lang,
    exact: seed.slice(start, end),
    start,
    end,
    prefix: prefixAt(seed, start),
    suffix: suffixAt(seed, end),
  };
}

/** Every start index of `needle` in `haystack` (overlapping occurrences included). */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}

/** How an author points at a passage: the exact quote, plus context hints when it recurs. */
export interface AnchorQuery {
  lang: Lang;
  exact: string;
  /** Text that must immediately precede the quote (any length; a hint, not the stored prefix). */
  prefix?: string;
  /** Text that must immediately follow the quote. */
  suffix?: string;
}

export type LocateResult =
  | { ok: true; anchor: Anchor }
  | { ok: false; reason: 'empty' | 'not-found' | 'ambiguous'; candidates: number[]; message: string };

/**
 * Finds the one occurrence of `query.exact` in `seed` that lies inside one of `regions` (the
 * whole seed when none are given) and matches the prefix/suffix hints. Fails when the quote is
 * not found, or found more than once (the author must then add a prefix or suffix hint).
 */
export function locateAnchor(seed: string, query: AnchorQuery, regions?: readonly Range[]): LocateResult {
  if (query.exact.length === 0) {
    return { ok: false, reason: 'empty', candidates: [], message: 'exact is empty' };
  }
  const inRegion = (start: number, end: number) =>
    !regions || regions.length === 0 || regions.some((r) => start >= r.start && end <= r.end);
  const all = occurrences(seed, query.exact);
  const candidates = all.filter((start) => {
    const end = start + query.exact.length;
    if (!inRegion(start, end)) return false;
    if (query.prefix !== undefined && !seed.slice(0, start).endsWith(query.prefix)) return false;
    if (query.suffix !== undefined && !seed.startsWith(query.suffix, end)) return false;
    return true;
  });
  const quoted = JSON.stringify(query.exact.length > 40 ? `${query.exact.slice(0, 40)}…` : query.exact);
  if (candidates.length === 0) {
    const where = all.length > 0 ? ` (${all.length} occurrence(s) outside the source's ${query.lang} region or not matching the prefix/suffix hint)` : '';
    return { ok: false, reason: 'not-found', candidates, message: `${quoted} not found${where}` };
  }
  if (candidates.length > 1) {
    return {
      ok: false,
      reason: 'ambiguous',
      candidates,
      message: `${quoted} found ${candidates.length} times (at ${candidates.join(', ')}); add a prefix or suffix hint`,
    };
  }
  const start = candidates[0]!;
  return { ok: true, anchor: anchorAt(seed, query.lang, start, start + query.exact.length) };
}

/** Number of places where prefix + exact + suffix occurs in the seed (1 = the quote selector alone is unambiguous). */
export function selectorMatches(seed: string, anchor: Pick<Anchor, 'exact' | 'prefix' | 'suffix'>): number {
  return occurrences(seed, anchor.prefix + anchor.exact + anchor.suffix).length;
}
