import type { NoteTarget, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { AnchorState } from './db';

/**
 * Field checks shared by the message protocol and the importer: both read untrusted values
 * (a content script next to a hostile page, a file from anywhere) and must agree on what a
 * storable note is. Checks throw `InvalidInput`; boundaries turn it into a readable reply.
 */

export const LIMITS = {
  /** The reader's note, in UTF-8 bytes. */
  bodyBytes: 64 * 1024,
  /** The highlighted text, in UTF-8 bytes. */
  exactBytes: 16 * 1024,
  /** Prefix/suffix context; we write 32 characters, other tools may write a little more. */
  contextChars: 256,
  urlChars: 4096,
  titleChars: 1024,
  idChars: 128,
  claimIdChars: 128,
  searchChars: 512,
  /** Largest import file, in characters. */
  importChars: 64 * 1024 * 1024,
  importItems: 100_000,
  /** Ids per anchor-state report (one page's highlights). */
  idsPerReport: 5000,
} as const;

export class InvalidInput extends Error {
  override name = 'InvalidInput';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const encoder = new TextEncoder();

/** UTF-8 length; callers bound the string first so a 10 MB value is never encoded. */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

function formatKb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function checkString(v: unknown, field: string, maxChars: number): string {
  if (typeof v !== 'string') throw new InvalidInput(`${field} must be a string`);
  if (v.length > maxChars) throw new InvalidInput(`${field} too long (${v.length} characters; the limit is ${maxChars})`);
  return v;
}

/** Text limited in bytes, with the "too large" wording the reader sees for a huge note. */
export function checkText(v: unknown, field: string, maxBytes: number): string {
  if (typeof v !== 'string') throw new InvalidInput(`${field} must be a string`);
  // Cheap early exit before encoding a multi-megabyte string.
  const bytes = v.length > maxBytes ? v.length : utf8Bytes(v);
  if (bytes > maxBytes) {
    throw new InvalidInput(`${field} too large (${formatKb(bytes)}; the limit is ${formatKb(maxBytes)})`);
  }
  return v;
}

export function checkId(v: unknown, field = 'id'): string {
  const s = checkString(v, field, LIMITS.idChars);
  if (!/^[A-Za-z0-9_.:-]+$/.test(s)) throw new InvalidInput(`${field} has invalid characters`);
  return s;
}

export function checkHttpUrl(v: unknown, field: string): string {
  const s = checkString(v, field, LIMITS.urlChars);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new InvalidInput(`${field} is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidInput(`${field} must be http(s)`);
  return u.href;
}

export function checkTimestamp(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new InvalidInput(`${field} must be a non-negative integer (epoch milliseconds)`);
  }
  return v;
}

function checkOffset(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InvalidInput(`${field} must be a non-negative integer`);
  return v;
}

export function checkQuote(v: unknown): TextQuoteSelector {
  if (!isRecord(v)) throw new InvalidInput('quote must be an object');
  if (v.type !== undefined && v.type !== 'TextQuoteSelector') throw new InvalidInput('quote.type must be TextQuoteSelector');
  const exact = checkText(v.exact, 'highlighted text', LIMITS.exactBytes);
  if (exact.trim().length === 0) throw new InvalidInput('highlighted text is empty');
  return {
    type: 'TextQuoteSelector',
    exact,
    prefix: v.prefix === undefined ? '' : checkString(v.prefix, 'quote.prefix', LIMITS.contextChars),
    suffix: v.suffix === undefined ? '' : checkString(v.suffix, 'quote.suffix', LIMITS.contextChars),
  };
}

export function checkPosition(v: unknown): TextPositionSelector {
  if (!isRecord(v)) throw new InvalidInput('position must be an object');
  if (v.type !== undefined && v.type !== 'TextPositionSelector') throw new InvalidInput('position.type must be TextPositionSelector');
  const start = checkOffset(v.start, 'position.start');
  const end = checkOffset(v.end, 'position.end');
  if (end <= start) throw new InvalidInput('position.end must be after position.start');
  return { type: 'TextPositionSelector', start, end };
}

export function checkTarget(v: unknown): NoteTarget | null {
  if (v === null || v === undefined) return null;
  if (!isRecord(v)) throw new InvalidInput('target must be an object');
  return {
    quote: checkQuote(v.quote),
    position: v.position === null || v.position === undefined ? null : checkPosition(v.position),
  };
}

export function checkClaimId(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return checkId(v, 'claimId');
}

export function checkAnchorState(v: unknown): AnchorState {
  if (v === undefined) return 'unknown';
  if (v === 'unknown' || v === 'anchored' || v === 'orphan') return v;
  throw new InvalidInput('anchorState must be unknown, anchored or orphan');
}

export function checkIdList(v: unknown, field: string): string[] {
  if (!Array.isArray(v)) throw new InvalidInput(`${field} must be an array`);
  if (v.length > LIMITS.idsPerReport) throw new InvalidInput(`${field} has too many ids`);
  return v.map((id) => checkId(id, field));
}

/** What a caller supplies to create a note; id and timestamps are the store's business. */
export interface NoteInput {
  url: string;
  sourceUrl: string;
  title: string;
  body: string;
  target: NoteTarget | null;
  claimId: string | null;
}

export function checkNoteInput(v: unknown): NoteInput {
  if (!isRecord(v)) throw new InvalidInput('note must be an object');
  return {
    url: checkHttpUrl(v.url, 'url'),
    sourceUrl: checkHttpUrl(v.sourceUrl ?? v.url, 'sourceUrl'),
    title: v.title === undefined ? '' : checkString(v.title, 'title', LIMITS.titleChars),
    body: checkText(v.body ?? '', 'note', LIMITS.bodyBytes),
    target: checkTarget(v.target),
    claimId: checkClaimId(v.claimId),
  };
}
