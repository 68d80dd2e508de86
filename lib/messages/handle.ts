import { importAnnotationFile } from '../export/import';
import { exportJsonLd } from '../export/jsonld';
import { exportMarkdown } from '../export/markdown';
import { countNotes, type CounterpointDb } from '../storage/db';
import {
  addNote,
  allNotes,
  deleteNote,
  listNotes,
  notesForPage,
  restoreNote,
  setAnchorStates,
  updateNoteBody,
} from '../storage/notes-repo';
import type { Dataset } from '../dataset/types';
import type { CompiledIndex } from '../index/format';
import { sourceViewPath } from '../overlay/source-view';
import {
  isInvalid,
  parseBackgroundRequest,
  type AnyReply,
  type BackgroundRequest,
  type RequestSender,
  type RequestType,
} from './protocol';

/** Clock and id source, injected so tests are deterministic. */
export interface HandlerEnv {
  now: () => number;
  newId: () => string;
}

export const defaultEnv: HandlerEnv = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

function errorName(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const e = err as { name?: unknown; inner?: unknown };
  // Dexie wraps the IndexedDB error (e.g. an AbortError whose `inner` is the QuotaExceededError).
  const inner = errorName(e.inner);
  if (inner === 'QuotaExceededError') return inner;
  return typeof e.name === 'string' ? e.name : inner;
}

/** An error the reader can act on; the storage layer's wording is kept in parentheses for reports. */
export function describeError(err: unknown): string {
  const name = errorName(err);
  const detail = err instanceof Error ? err.message : String(err);
  switch (name) {
    case 'QuotaExceededError':
      return 'Not enough storage space to save: the disk or the browser’s storage quota is full. Nothing was changed; free some space and try again.';
    case 'ConstraintError':
      return 'A note with this id already exists; nothing was overwritten.';
    case 'DatabaseClosedError':
    case 'InvalidStateError':
    case 'UnknownError':
    case 'AbortError':
    case 'OpenFailedError':
    case 'VersionError':
      return `Could not use the notes database (${name}: ${detail.slice(0, 200)}). Nothing was changed.`;
    default:
      return detail.slice(0, 500);
  }
}

/** What the handler needs besides the message: the database and what only the background has. */
export interface HandlerDeps {
  db: CounterpointDb;
  /** Clock and ids (tests pass fixed ones). */
  env?: HandlerEnv;
  /** The compiled claims index and card catalog the background bundles. */
  claimsData?: () => { index: CompiledIndex; catalog: Dataset };
  /** Opens an extension page (path relative to the extension root) in a new tab, after `afterIndex` when given. */
  openTab?: (path: string, afterIndex: number | undefined) => Promise<void>;
  /**
   * The content scripts' "may this page have notes?" set (lib/storage/page-keys.ts): withdrawn
   * before a note is added (a worker stopped midway leaves "ask", never a miss), rebuilt after
   * every change to which pages have notes.
   */
  pageKeys?: { withdraw(): Promise<void>; sync(): Promise<void> };
}

/** Requests that change which pages have notes. */
const CHANGES_PAGES = new Set<RequestType>(['notes:add', 'notes:restore', 'notes:import', 'notes:delete']);

async function answer(deps: HandlerDeps, request: BackgroundRequest, sender: RequestSender, env: HandlerEnv): Promise<AnyReply> {
  const { db } = deps;
  switch (request.type) {
    case 'ping':
      return { ok: true, noteCount: await countNotes(db) };
    case 'claims:data': {
      if (!deps.claimsData) return { ok: false, error: 'no claims data in this build' };
      const { index, catalog } = deps.claimsData();
      return { ok: true, index, catalog };
    }
    case 'source:open':
      if (!deps.openTab) return { ok: false, error: 'cannot open tabs here' };
      await deps.openTab(sourceViewPath(request.claimId, request.lang), sender.tabIndex);
      return { ok: true };
    case 'notes:add':
      return { ok: true, note: await addNote(db, request.note, { id: env.newId(), now: env.now() }) };
    case 'notes:update': {
      const note = await updateNoteBody(db, request.id, request.body, env.now());
      return note ? { ok: true, note } : { ok: false, error: 'This note no longer exists (deleted in another window?).' };
    }
    case 'notes:delete':
      return (await deleteNote(db, request.id, env.now()))
        ? { ok: true }
        : { ok: false, error: 'This note no longer exists (deleted in another window?).' };
    case 'notes:restore': {
      const note = await restoreNote(db, request.id);
      return note ? { ok: true, note } : { ok: false, error: 'This note can no longer be restored.' };
    }
    case 'notes:list':
      return { ok: true, ...(await listNotes(db, request)) };
    case 'notes:page':
      return { ok: true, ...(await notesForPage(db, request.page)) };
    case 'notes:anchors':
      return { ok: true, updated: await setAnchorStates(db, request.anchored, request.orphaned) };
    case 'notes:export': {
      const notes = await allNotes(db);
      const now = env.now();
      const stamp = new Date(now).toISOString().slice(0, 10);
      return request.format === 'jsonld'
        ? { ok: true, content: exportJsonLd(notes, now), filename: `counterpoint-notes-${stamp}.jsonld`, mimeType: 'application/ld+json', count: notes.length }
        : { ok: true, content: exportMarkdown(notes, now), filename: `counterpoint-notes-${stamp}.md`, mimeType: 'text/markdown', count: notes.length };
    }
    case 'notes:import':
      return importAnnotationFile(db, request.content, env.now());
  }
}

/**
 * Answers one untrusted message for the background: every kind is parsed by `parseRequest` and
 * dispatched here, in one place. Pure apart from the dependencies it is given (database, clock,
 * ids, tab opener), so it is unit-tested without any extension API; the background entrypoint only
 * wires it to `runtime.onMessage`. It never throws: every failure becomes `{ ok: false, error }`
 * the sender can show.
 */
export async function handleMessage(
  deps: HandlerDeps,
  message: unknown,
  sender: RequestSender = { kind: 'extension-page' },
): Promise<AnyReply> {
  const request = parseBackgroundRequest(message);
  if (isInvalid(request)) return { ok: false, error: request.invalid };
  const env = deps.env ?? defaultEnv;
  const keys = CHANGES_PAGES.has(request.type) ? deps.pageKeys : undefined;
  try {
    if (keys && request.type !== 'notes:delete') await keys.withdraw();
    return await answer(deps, request, sender, env);
  } catch (err) {
    return { ok: false, error: describeError(err) };
  } finally {
    // Rebuilt before the reply, whatever happened (the set must never miss a stored note).
    if (keys) await keys.sync().catch(() => undefined);
  }
}
