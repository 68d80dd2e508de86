import type { CounterpointDb } from '../storage/db';
import { mergeNotes, type NoteView } from '../storage/notes-repo';
import { InvalidInput, isRecord, LIMITS } from '../storage/validate';
import { ANNO_CONTEXT } from './jsonld';
import { fromHypothesisRow, isHypothesisSearchResult } from './hypothesis';
import { fromWebAnnotation, type ConvertOptions, type Converted } from './w3c-import';

/**
 * Import of an annotation file: ours, another W3C Web Annotation tool's, or Hypothesis's (its
 * search API's `{ total, rows }` and its JSON-LD). Two levels of failure:
 *  - the file as a whole (not JSON, truncated, not annotations, too big, counts disagree):
 *    rejected with one clear message and nothing is written;
 *  - one annotation in an otherwise good file (missing quote, oversized note, non-web source,
 *    a body or target shape we cannot keep): that one is rejected with the reason, the rest
 *    merge by id.
 * Nothing is dropped silently: what is kept in another shape (several targets become several
 * notes, several text bodies one note, a page of a larger search) is listed in `notices`.
 */

export { idFromIri } from './w3c-import';

export interface Rejection {
  /** Position in the file's item list (0-based). */
  index: number;
  reason: string;
}

export type ParsedImport =
  | { ok: true; notes: NoteView[]; rejected: Rejection[]; notices: string[] }
  | { ok: false; error: string };

export interface ImportReport {
  added: number;
  skipped: number;
  rejected: number;
  /** The first few rejection reasons, for the reader ("#3: …"). */
  problems: string[];
  /** What was kept in another shape than the file had it ("#4: 2 targets, kept as 2 notes"). */
  notices: string[];
}

const MAX_MESSAGES = 20;

function hasAnnoContext(ctx: unknown): boolean {
  const list = Array.isArray(ctx) ? ctx : [ctx];
  return list.some((c) => typeof c === 'string' && c.replace(/^https:/, 'http:') === ANNO_CONTEXT);
}

function typeIs(v: unknown, name: string): boolean {
  return v === name || (Array.isArray(v) && v.includes(name));
}

interface Source {
  items: unknown[];
  convert: (item: unknown, now: number, options: ConvertOptions) => Converted;
  /** Said once for the whole file (e.g. a search page of a larger result). */
  notice: string | null;
}

/** The annotation list of a collection, page or single annotation; a string is a file-level error. */
function w3cItems(doc: Record<string, unknown>): unknown[] | string {
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

function isOldCounterpointExport(doc: Record<string, unknown>): boolean {
  const generator = doc.generator;
  return isRecord(generator) && generator.id === 'urn:counterpoint:extension' && typeof doc['cp:exportVersion'] !== 'number';
}

function sourceOf(doc: unknown): Source | string {
  if (isHypothesisSearchResult(doc)) {
    const { total, rows } = doc;
    const notice =
      typeof total === 'number' && total > rows.length
        ? `The file holds ${rows.length} of the ${total} annotations the Hypothesis search found (its API returns them a page at a time); only those ${rows.length} were in the file.`
        : null;
    return { items: rows, convert: fromHypothesisRow, notice };
  }
  if (Array.isArray(doc)) {
    // A list of annotations, each with its own context (e.g. Hypothesis's JSON-LD, one per annotation).
    if (doc.length > 0 && doc.every((a) => isRecord(a) && typeIs(a.type, 'Annotation') && hasAnnoContext(a['@context']))) {
      return { items: doc, convert: fromWebAnnotation, notice: null };
    }
    return 'The file is not a W3C Web Annotation export (no anno.jsonld context). Nothing was imported.';
  }
  if (!isRecord(doc) || !hasAnnoContext(doc['@context'])) {
    return 'The file is not a W3C Web Annotation export (no anno.jsonld context) nor a Hypothesis export. Nothing was imported.';
  }
  const items = w3cItems(doc);
  if (typeof items === 'string') return `Cannot import: ${items}. Nothing was imported.`;
  return { items, convert: fromWebAnnotation, notice: null };
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
  const source = sourceOf(doc);
  if (typeof source === 'string') return { ok: false, error: source };
  const { items } = source;
  if (items.length > LIMITS.importItems) {
    return { ok: false, error: `The file has too many annotations (${items.length}; limit ${LIMITS.importItems}).` };
  }
  // Our own export from before v3: its positions counted another text and are dropped.
  const options: ConvertOptions = { oldCounterpointPositions: isRecord(doc) && isOldCounterpointExport(doc) };
  const notes: NoteView[] = [];
  const rejected: Rejection[] = [];
  const notices: string[] = source.notice ? [source.notice] : [];
  items.forEach((item, index) => {
    try {
      const converted = source.convert(item, now, options);
      notes.push(...converted.notes);
      for (const n of converted.notices) notices.push(`#${index + 1}: ${n}`);
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
      rejected.push({ index, reason: err.message });
    }
  });
  if (notes.length > LIMITS.importItems) {
    return { ok: false, error: `The file makes too many notes (${notes.length}; limit ${LIMITS.importItems}).` };
  }
  return { ok: true, notes, rejected, notices };
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
    problems: parsed.rejected.slice(0, MAX_MESSAGES).map((r) => `#${r.index + 1}: ${r.reason}`),
    notices: parsed.notices.slice(0, MAX_MESSAGES),
  };
}
