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
import { isInvalid, parseRequest, type ErrorReply, type ReplyMap, type Request } from './protocol';

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

async function answer(db: CounterpointDb, request: Request, env: HandlerEnv): Promise<ReplyMap[keyof ReplyMap] | ErrorReply> {
  switch (request.type) {
    case 'ping':
      return { ok: true, noteCount: await countNotes(db) };
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
 * Answers one untrusted message. Pure apart from the database it is given, so it is unit-tested
 * without any extension API; the background entrypoint only wires it to `runtime.onMessage`.
 * It never throws: every failure becomes `{ ok: false, error }` the sender can show.
 */
export async function handleMessage(
  db: CounterpointDb,
  message: unknown,
  env: HandlerEnv = defaultEnv,
): Promise<ReplyMap[keyof ReplyMap] | ErrorReply> {
  const request = parseRequest(message);
  if (isInvalid(request)) return { ok: false, error: request.invalid };
  try {
    return await answer(db, request, env);
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}
