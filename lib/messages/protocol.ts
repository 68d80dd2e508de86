/**
 * The typed message protocol between content scripts / popup and the background.
 *
 * Everything that crosses the boundary is `unknown` until `parseRequest` says otherwise:
 * a content script runs next to a hostile page, so the background validates every message.
 */
import type { ImportReport } from '../export/import';
import type { ListResult, NoteView, PageKey, PageNotes } from '../storage/notes-repo';
import { NOTE_FILTERS, type NoteFilter } from '../storage/filters';
import {
  checkHttpUrl,
  checkId,
  checkIdList,
  checkNoteInput,
  checkString,
  checkText,
  InvalidInput,
  LIMITS,
  type NoteInput,
} from '../storage/validate';

export type ExportFormat = 'jsonld' | 'markdown';

/** Requests the background answers. Add new kinds here; `parseRequest` must learn each one. */
export type Request =
  | { type: 'ping' }
  /** Save a new highlight/note; the background assigns id and timestamps. */
  | { type: 'notes:add'; note: NoteInput }
  /** Replace a note's text. */
  | { type: 'notes:update'; id: string; body: string }
  /** Move a note to the trash (undo with `notes:restore`). */
  | { type: 'notes:delete'; id: string }
  | { type: 'notes:restore'; id: string }
  /** Newest first, searched and filtered, one page of results. */
  | { type: 'notes:list'; search: string; filter: NoteFilter; offset: number; limit: number }
  /** The notes to draw on a page (and same-article candidates from other URLs). */
  | { type: 'notes:page'; page: PageKey }
  /** What a page visit found: which highlights re-anchored and which are orphans. */
  | { type: 'notes:anchors'; anchored: string[]; orphaned: string[] }
  | { type: 'notes:export'; format: ExportFormat }
  /** The text of a JSON-LD file the reader chose. */
  | { type: 'notes:import'; content: string };

export type RequestType = Request['type'];

/** Replies, keyed by request kind so a caller gets the right reply type. */
export interface ReplyMap {
  ping: { ok: true; noteCount: number };
  'notes:add': { ok: true; note: NoteView };
  'notes:update': { ok: true; note: NoteView };
  'notes:delete': { ok: true };
  'notes:restore': { ok: true; note: NoteView };
  'notes:list': { ok: true } & ListResult;
  'notes:page': { ok: true } & PageNotes;
  'notes:anchors': { ok: true; updated: number };
  'notes:export': { ok: true; content: string; filename: string; mimeType: string; count: number };
  'notes:import': { ok: true } & ImportReport;
}

export type ErrorReply = { ok: false; error: string };
export type Reply<T extends RequestType> = ReplyMap[T] | ErrorReply;

const MAX_MESSAGE_KEYS = 16;
export const MAX_PAGE_SIZE = 500;

function checkInt(v: unknown, field: string, min: number, max: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new InvalidInput(`${field} must be an integer from ${min} to ${max}`);
  }
  return v;
}

function checkFilter(v: unknown): NoteFilter {
  if (v === undefined) return 'all';
  if (typeof v === 'string' && (NOTE_FILTERS as readonly string[]).includes(v)) return v as NoteFilter;
  throw new InvalidInput(`filter must be one of ${NOTE_FILTERS.join(', ')}`);
}

function checkPage(v: unknown): PageKey {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidInput('page must be an object');
  const p = v as Record<string, unknown>;
  return {
    url: checkHttpUrl(p.url, 'page.url'),
    sourceUrl: checkHttpUrl(p.sourceUrl ?? p.url, 'page.sourceUrl'),
    title: p.title === undefined ? '' : checkString(p.title, 'page.title', LIMITS.titleChars),
  };
}

function parseKnown(type: RequestType, m: Record<string, unknown>): Request {
  switch (type) {
    case 'ping':
      return { type };
    case 'notes:add':
      return { type, note: checkNoteInput(m.note) };
    case 'notes:update':
      return { type, id: checkId(m.id), body: checkText(m.body, 'note', LIMITS.bodyBytes) };
    case 'notes:delete':
    case 'notes:restore':
      return { type, id: checkId(m.id) };
    case 'notes:list':
      return {
        type,
        search: m.search === undefined ? '' : checkString(m.search, 'search', LIMITS.searchChars),
        filter: checkFilter(m.filter),
        offset: checkInt(m.offset, 'offset', 0, LIMITS.importItems * 10, 0),
        limit: checkInt(m.limit, 'limit', 1, MAX_PAGE_SIZE, 200),
      };
    case 'notes:page':
      return { type, page: checkPage(m.page) };
    case 'notes:anchors':
      return { type, anchored: checkIdList(m.anchored, 'anchored'), orphaned: checkIdList(m.orphaned, 'orphaned') };
    case 'notes:export':
      if (m.format !== 'jsonld' && m.format !== 'markdown') throw new InvalidInput('format must be jsonld or markdown');
      return { type, format: m.format };
    case 'notes:import':
      return { type, content: checkString(m.content, 'file', LIMITS.importChars) };
  }
}

const KNOWN = new Set<string>([
  'ping', 'notes:add', 'notes:update', 'notes:delete', 'notes:restore', 'notes:list', 'notes:page',
  'notes:anchors', 'notes:export', 'notes:import',
] satisfies RequestType[]);

/** Narrows an untrusted value to a `Request`, or returns a human-readable reason. */
export function parseRequest(value: unknown): Request | { invalid: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: 'message is not an object' };
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_MESSAGE_KEYS) return { invalid: 'message has too many fields' };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !KNOWN.has(type)) {
    return { invalid: `unknown message type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type}` };
  }
  try {
    return parseKnown(type as RequestType, value as Record<string, unknown>);
  } catch (err) {
    if (err instanceof InvalidInput) return { invalid: err.message };
    throw err;
  }
}

export function isInvalid(r: Request | { invalid: string }): r is { invalid: string } {
  return 'invalid' in r;
}

/**
 * Messages the extension sends *to* a tab's content script (popup → page, background → page).
 * The content script checks the sender is our extension and validates these the same way.
 */
export type ContentRequest =
  /** "What page is this?" → `PageKey` (canonical URL from the DOM, address, title). */
  | { type: 'notes:page-info' }
  /** Context menu / keyboard shortcut: open the note editor for the current selection. */
  | { type: 'notes:start-highlight' };

export function parseContentRequest(value: unknown): ContentRequest | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return type === 'notes:page-info' || type === 'notes:start-highlight' ? { type } : null;
}
