import { noteSearchText, ownNoteFields, type CounterpointDb, type Note, type TrashedNote } from './db';
import { matchesQuery, parseSearchQuery, searchTerms } from './search-terms';
import type { NoteInput } from './validate';
import { MIN_MATCHING_TITLE, pageKeysOf } from './page-keys';

/**
 * Note repository: plain async functions over a database instance. Nothing here knows about
 * extension APIs; the background calls these after validating each message.
 */

/** A note as the UI sees it: the search tokens are an index detail and stay in the database. */
export type NoteView = Omit<Note, 'terms'>;

import type { NoteFilter } from './filters';
export { NOTE_FILTERS, type NoteFilter } from './filters';

export interface ListQuery {
  search?: string;
  filter?: NoteFilter;
  offset?: number;
  limit?: number;
}

export interface ListResult {
  notes: NoteView[];
  /** How many notes match in total (for "show more"). */
  total: number;
}

/** How long a deleted note waits for "undo" before the background may purge it. */
export const TRASH_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_PAGE_SIZE = 200;

export function toView(note: Note): NoteView {
  const { terms: _terms, ...view } = note;
  return view;
}

function withTerms<T extends Omit<Note, 'terms'>>(note: T): T & { terms: string[] } {
  return { ...note, terms: searchTerms(noteSearchText(note)) };
}

export interface NewNoteMeta {
  id: string;
  now: number;
}

/** Adds a note. `add` (not `put`) so two tabs can never overwrite each other's note. */
export async function addNote(db: CounterpointDb, input: NoteInput, meta: NewNoteMeta): Promise<NoteView> {
  const note: Note = withTerms({
    id: meta.id,
    ...input,
    ...ownNoteFields(),
    anchorState: input.target ? 'anchored' : 'unknown',
    createdAt: meta.now,
    updatedAt: meta.now,
  });
  await db.notes.add(note);
  return toView(note);
}

/** Changes a note's text; returns null when the note does not exist (e.g. deleted in another window). */
export async function updateNoteBody(
  db: CounterpointDb,
  id: string,
  body: string,
  now: number,
): Promise<NoteView | null> {
  return db.transaction('rw', db.notes, async () => {
    const old = await db.notes.get(id);
    if (!old) return null;
    const next = withTerms({ ...toView(old), body, updatedAt: Math.max(now, old.updatedAt) });
    await db.notes.put(next);
    return toView(next);
  });
}

/** Moves a note to the trash so "undo" can bring it back; returns false when it was not there. */
export async function deleteNote(db: CounterpointDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.notes, db.trash, async () => {
    const note = await db.notes.get(id);
    if (!note) return false;
    await db.trash.put({ ...note, deletedAt: now });
    await db.notes.delete(id);
    return true;
  });
}

/** Undo of `deleteNote`. */
export async function restoreNote(db: CounterpointDb, id: string): Promise<NoteView | null> {
  return db.transaction('rw', db.notes, db.trash, async () => {
    const trashed = await db.trash.get(id);
    if (!trashed) return null;
    const { deletedAt: _deletedAt, ...note } = trashed;
    await db.notes.put(note);
    await db.trash.delete(id);
    return toView(note);
  });
}

/** Drops trash older than the retention period; deleted notes are the only thing ever removed. */
export async function purgeTrash(db: CounterpointDb, now: number): Promise<number> {
  return db.trash.where('deletedAt').below(now - TRASH_RETENTION_MS).delete();
}

function passesFilter(note: Note, filter: NoteFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'claim':
      return note.claimId !== null;
    case 'mine':
      return note.claimId === null;
    case 'orphan':
      return note.anchorState === 'orphan';
  }
}

const newestFirst = (a: Note, b: Note) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1);

/** Notes newest first, optionally searched (ja/en) and filtered, one page at a time. */
export async function listNotes(db: CounterpointDb, query: ListQuery = {}): Promise<ListResult> {
  const filter = query.filter ?? 'all';
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const search = parseSearchQuery(query.search ?? '');

  if (search.pieces.length === 0) {
    if (filter === 'all') {
      // The common case (opening the popup) reads only one page through the createdAt index.
      const [total, page] = await Promise.all([
        db.notes.count(),
        db.notes.orderBy('createdAt').reverse().offset(offset).limit(limit).toArray(),
      ]);
      return { notes: page.map(toView), total };
    }
    const source =
      filter === 'claim' ? db.notes.orderBy('claimId') : db.notes.orderBy('createdAt').reverse();
    const matching = (await source.filter((n) => passesFilter(n, filter)).toArray()).sort(newestFirst);
    return { notes: matching.slice(offset, offset + limit).map(toView), total: matching.length };
  }

  // Search: narrow through the multi-entry index, reading keys only (cheap even when every note
  // matches) and intersecting one key set per query piece.
  if (search.probes.length > 0) {
    const keySets = await Promise.all(
      search.probes.map((probe) => {
        const where = db.notes.where('terms');
        return (probe.prefix ? where.startsWith(probe.key) : where.equals(probe.key)).primaryKeys();
      }),
    );
    keySets.sort((a, b) => a.length - b.length);
    const [smallest = [], ...others] = keySets;
    const otherSets = others.map((k) => new Set(k));
    const hits = new Set(smallest.filter((k) => otherSets.every((set) => set.has(k))));
    if (hits.size === 0) return { notes: [], total: 0 };
    // One piece that is itself the index key: the index hit *is* the answer (a word starting with
    // the piece, or the exact bigram, contains it), so only the page shown needs reading.
    const decisive = filter === 'all' && search.pieces.length === 1 && search.pieces[0] === search.probes[0]!.key;
    if (decisive && hits.size > BULK_READ_LIMIT) {
      const page = await db.notes
        .orderBy('createdAt')
        .reverse()
        .filter((n) => hits.has(n.id))
        .offset(offset)
        .limit(limit)
        .toArray();
      return { notes: page.map(toView), total: hits.size };
    }
    const candidates = (await db.notes.bulkGet([...hits])).filter((n): n is Note => n !== undefined);
    return pageOf(candidates.filter((n) => passesFilter(n, filter) && matchesQuery(noteSearchText(n), search)), offset, limit);
  }
  const all = await db.notes.toArray();
  return pageOf(all.filter((n) => passesFilter(n, filter) && matchesQuery(noteSearchText(n), search)), offset, limit);
}

/** Above this many index hits, reading every hit costs more than walking the time index for one page. */
const BULK_READ_LIMIT = 2000;

function pageOf(matching: Note[], offset: number, limit: number): ListResult {
  matching.sort(newestFirst);
  return { notes: matching.slice(offset, offset + limit).map(toView), total: matching.length };
}

export interface PageKey {
  /** Canonical URL of the page being viewed. */
  url: string;
  /** The address the tab actually shows. */
  sourceUrl: string;
  title: string;
}

export interface PageNotes {
  /** Notes made on this page (same canonical URL, or made on this exact address). */
  notes: NoteView[];
  /**
   * Notes from other URLs of the same site that may be the same article (same title). The page
   * shows one only when its quote is found there, labelled "from <its URL>"; otherwise it is not
   * this page's orphan. Only the page's own origin: a page on another site that copies a title
   * must learn nothing of the notes made there.
   */
  candidates: NoteView[];
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

// Titles shorter than MIN_MATCHING_TITLE ("Home", "News") say nothing about being the same article.

export async function notesForPage(db: CounterpointDb, page: PageKey): Promise<PageNotes> {
  const urls = [...new Set([page.url, page.sourceUrl])];
  const [byUrl, bySource, byTitle] = await Promise.all([
    db.notes.where('url').anyOf(urls).toArray(),
    db.notes.where('sourceUrl').anyOf(urls).toArray(),
    page.title.trim().length >= MIN_MATCHING_TITLE
      ? db.notes.where('title').equals(page.title).toArray()
      : Promise.resolve([] as Note[]),
  ]);
  const own = new Map<string, Note>();
  for (const n of [...byUrl, ...bySource]) own.set(n.id, n);
  const origin = originOf(page.sourceUrl);
  const candidates = byTitle.filter((n) => !own.has(n.id) && n.target !== null && originOf(n.url) === origin && originOf(n.sourceUrl) === origin);
  return {
    notes: [...own.values()].sort(newestFirst).map(toView),
    candidates: candidates.sort(newestFirst).map(toView),
  };
}

/** The page-key hashes of every stored note (see page-keys.ts), from the indexes alone. */
export async function notePageKeys(db: CounterpointDb): Promise<string[]> {
  const [urls, sourceUrls, titles] = await Promise.all([
    db.notes.orderBy('url').uniqueKeys(),
    db.notes.orderBy('sourceUrl').uniqueKeys(),
    db.notes.orderBy('title').uniqueKeys(),
  ]);
  return pageKeysOf({ urls: urls as string[], sourceUrls: sourceUrls as string[], titles: titles as string[] });
}

/** Records which highlights a page visit found; orphans stay stored and listed. */
export async function setAnchorStates(
  db: CounterpointDb,
  anchored: readonly string[],
  orphaned: readonly string[],
): Promise<number> {
  return db.transaction('rw', db.notes, async () => {
    const a = await db.notes.where('id').anyOf(anchored as string[]).modify({ anchorState: 'anchored' });
    const o = await db.notes.where('id').anyOf(orphaned as string[]).modify({ anchorState: 'orphan' });
    return a + o;
  });
}

/** Every note, oldest first (export order is stable so two exports of the same data are equal). */
export async function allNotes(db: CounterpointDb): Promise<NoteView[]> {
  const notes = await db.notes.orderBy('createdAt').toArray();
  return notes.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map(toView);
}

export interface MergeResult {
  added: number;
  skipped: number;
}

/**
 * Merges already-validated notes by id: a note whose id is stored is skipped, never duplicated
 * or overwritten. One transaction, so a failure (quota) adds nothing.
 */
export async function mergeNotes(db: CounterpointDb, incoming: readonly NoteView[]): Promise<MergeResult> {
  return db.transaction('rw', db.notes, db.trash, async () => {
    const unique = new Map<string, NoteView>();
    for (const n of incoming) if (!unique.has(n.id)) unique.set(n.id, n);
    const ids = [...unique.keys()];
    const existing = await db.notes.bulkGet(ids);
    const fresh = ids.filter((_, i) => existing[i] === undefined).map((id) => withTerms(unique.get(id)!));
    await db.notes.bulkAdd(fresh);
    // An imported note that was in the trash is back; its trash copy must not "undo" into a duplicate.
    await db.trash.bulkDelete(fresh.map((n) => n.id));
    return { added: fresh.length, skipped: incoming.length - fresh.length };
  });
}

export type { TrashedNote };
