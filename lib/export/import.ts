import type { CounterpointDb } from '../storage/db';
import { mergeNotes, type NoteView } from '../storage/notes-repo';
import {
  checkAnchorState,
  checkClaimId,
  checkHttpUrl,
  checkId,
  checkPosition,
  checkQuote,
  checkString,
  checkText,
  InvalidInput,
  isRecord,
  LIMITS,
} from '../storage/validate';
import { ANNO_CONTEXT, NOTE_IRI_PREFIX } from './jsonld';

/**
 * Import of a W3C Web Annotation file (ours or another tool's). Two levels of failure:
 *  - the file as a whole (not JSON, truncated, not Web Annotations, too big, counts disagree):
 *    rejected with one clear message and nothing is written;
 *  - one annotation in an otherwise good file (missing quote, oversized note, non-web source):
 *    that one is rejected and reported, the rest merge by id.
 */

export interface Rejection {
  /** Position in the file's item list (0-based). */
  index: number;
  reason: string;
}

export type ParsedImport =
  | { ok: true; notes: NoteView[]; rejected: Rejection[] }
  | { ok: false; error: string };

export interface ImportReport {
  added: number;
  skipped: number;
  rejected: number;
  /** The first few rejection reasons, for the reader. */
  problems: string[];
}

const MAX_PROBLEMS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 53-bit string hash (cyrb53-style): a stable local id for another tool's annotation IRI. */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Our note id for an annotation IRI; the same IRI always gives the same id, so re-imports skip. */
export function idFromIri(v: unknown): string {
  const iri = checkString(v, 'annotation id', LIMITS.urlChars);
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9).toLowerCase();
  if (iri.startsWith(NOTE_IRI_PREFIX)) return checkId(iri.slice(NOTE_IRI_PREFIX.length));
  if (iri.length === 0) throw new InvalidInput('annotation id is empty');
  return `ext-${hash53(iri)}`;
}

function hasAnnoContext(ctx: unknown): boolean {
  const list = Array.isArray(ctx) ? ctx : [ctx];
  return list.some((c) => typeof c === 'string' && c.replace(/^https:/, 'http:') === ANNO_CONTEXT);
}

function typeIs(v: unknown, name: string): boolean {
  return v === name || (Array.isArray(v) && v.includes(name));
}

function checkDate(v: unknown, field: string, fallback: number): number {
  if (v === undefined) return fallback;
  const s = checkString(v, field, 64);
  const ms = Date.parse(s);
  if (!Number.isFinite(ms) || ms < 0) throw new InvalidInput(`${field} is not a date`);
  return ms;
}

/** The plain-text note of an annotation: its first TextualBody (tags and links are not notes). */
function bodyText(v: unknown): string {
  if (v === undefined || v === null) return '';
  const list = Array.isArray(v) ? v : [v];
  if (list.length > 100) throw new InvalidInput('too many bodies');
  for (const b of list) {
    if (isRecord(b) && typeIs(b.type, 'TextualBody') && b.purpose !== 'tagging') {
      return checkText(b.value, 'note', LIMITS.bodyBytes);
    }
  }
  return '';
}

function toNote(item: unknown, now: number): NoteView {
  if (!isRecord(item)) throw new InvalidInput('not an object');
  if (!typeIs(item.type, 'Annotation')) throw new InvalidInput('not an Annotation');
  const id = idFromIri(item.id);
  const createdAt = checkDate(item.created, 'created', now);
  const updatedAt = Math.max(createdAt, checkDate(item.modified, 'modified', createdAt));
  const rawTarget = Array.isArray(item.target) ? item.target[0] : item.target;
  let url: string;
  let target: NoteView['target'] = null;
  if (typeof rawTarget === 'string') {
    url = checkHttpUrl(rawTarget, 'target');
  } else if (isRecord(rawTarget)) {
    url = checkHttpUrl(rawTarget.source, 'target.source');
    const selectors = Array.isArray(rawTarget.selector) ? rawTarget.selector : [rawTarget.selector];
    if (selectors.length > 20) throw new InvalidInput('too many selectors');
    const quote = selectors.find((s) => isRecord(s) && s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => isRecord(s) && s.type === 'TextPositionSelector');
    if (quote !== undefined) target = { quote: checkQuote(quote), position: position === undefined ? null : checkPosition(position) };
  } else {
    throw new InvalidInput('target missing');
  }
  const body = bodyText(item.body);
  if (!target && !body) throw new InvalidInput('neither a quote nor a note');
  return {
    id,
    url,
    sourceUrl: item['cp:madeOn'] === undefined ? url : checkHttpUrl(item['cp:madeOn'], 'cp:madeOn'),
    title: item['cp:pageTitle'] === undefined ? '' : checkString(item['cp:pageTitle'], 'cp:pageTitle', LIMITS.titleChars),
    body,
    target,
    claimId: checkClaimId(item['cp:claim']),
    anchorState: checkAnchorState(item['cp:anchorState']),
    createdAt,
    updatedAt,
  };
}

/** The annotation list of a collection, page or single annotation; a string is a file-level error. */
function itemsOf(doc: Record<string, unknown>): unknown[] | string {
  if (typeIs(doc.type, 'AnnotationCollection')) {
    const first = doc.first;
    if (first === undefined && doc.total === 0) return [];
    if (!isRecord(first)) return 'the collection does not embed its annotations (first page missing)';
    if (first.next !== undefined) return 'the collection is split over several pages; only one embedded page is supported';
    if (!Array.isArray(first.items)) return 'the collection page has no items';
    if (doc.total !== undefined && doc.total !== first.items.length) {
      return `the file looks truncated: it announces ${String(doc.total)} annotations but contains ${first.items.length}`;
    }
    return first.items;
  }
  if (typeIs(doc.type, 'AnnotationPage')) return Array.isArray(doc.items) ? doc.items : 'the page has no items';
  if (typeIs(doc.type, 'Annotation')) return [doc];
  return 'this is not a Web Annotation collection';
}

export function parseAnnotationFile(content: string, now: number): ParsedImport {
  if (content.length > LIMITS.importChars) {
    return { ok: false, error: `The file is too large (limit ${LIMITS.importChars / 1024 / 1024} MB).` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return { ok: false, error: 'The file is not valid JSON (it may be truncated or damaged). Nothing was imported.' };
  }
  if (!isRecord(doc) || !hasAnnoContext(doc['@context'])) {
    return { ok: false, error: 'The file is not a W3C Web Annotation export (no anno.jsonld context). Nothing was imported.' };
  }
  const items = itemsOf(doc);
  if (typeof items === 'string') return { ok: false, error: `Cannot import: ${items}. Nothing was imported.` };
  if (items.length > LIMITS.importItems) {
    return { ok: false, error: `The file has too many annotations (${items.length}; limit ${LIMITS.importItems}).` };
  }
  const notes: NoteView[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, index) => {
    try {
      notes.push(toNote(item, now));
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
      rejected.push({ index, reason: err.message });
    }
  });
  return { ok: true, notes, rejected };
}

/** Validates the whole file, then merges in one transaction: either the report is true or nothing changed. */
export async function importAnnotationFile(
  db: CounterpointDb,
  content: string,
  now: number,
): Promise<({ ok: true } & ImportReport) | { ok: false; error: string }> {
  const parsed = parseAnnotationFile(content, now);
  if (!parsed.ok) return parsed;
  const { added, skipped } = await mergeNotes(db, parsed.notes);
  return {
    ok: true,
    added,
    skipped,
    rejected: parsed.rejected.length,
    problems: parsed.rejected.slice(0, MAX_PROBLEMS).map((r) => `#${r.index + 1}: ${r.reason}`),
  };
}
