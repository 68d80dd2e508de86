import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { NoteTarget } from '../anchoring/types';
import { searchTerms } from './search-terms';

/**
 * Whether the highlight was last found on its page. `unknown` until a page visit reports; an
 * orphan is kept and listed, never dropped.
 */
export type AnchorState = 'unknown' | 'anchored' | 'orphan';

/** A reader's note (schema v2). */
export interface Note {
  /** Stable id (UUID) so export/import can merge without duplicates. */
  id: string;
  /** Canonical page URL (rel=canonical, no tracking parameters, no fragment): the key pages are found by. */
  url: string;
  /** The URL the note was actually made on (may differ from `url` after redirects or syndication). */
  sourceUrl: string;
  /** Page title when the note was made. */
  title: string;
  /** The reader's text (plain text, may be empty for a bare highlight). */
  body: string;
  target: NoteTarget | null;
  /** The annotated claim the selection overlapped, if any. */
  claimId: string | null;
  anchorState: AnchorState;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Search tokens of title, quote and body (see search-terms.ts); derived, never exported. */
  terms: string[];
}

/** A deleted note waiting for "undo"; kept in its own table so counts and lists never see it. */
export interface TrashedNote extends Note {
  deletedAt: number;
}

/** The note as schema v1 stored it. Kept so the upgrade (and its test) say exactly what they read. */
export interface NoteV1 {
  id: string;
  url: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

export const DB_NAME = 'counterpoint';

/** Schema v1 exactly as shipped: never edit it, the upgrade path starts here. */
export const SCHEMA_V1 = { notes: 'id, url, createdAt' } as const;
export const SCHEMA_V2 = {
  notes: 'id, url, sourceUrl, title, createdAt, updatedAt, claimId, *terms',
  trash: 'id, deletedAt',
} as const;

/** The text a note is searched by. */
export function noteSearchText(n: Pick<Note, 'title' | 'body' | 'target'>): string {
  return `${n.title}\n${n.target?.quote.exact ?? ''}\n${n.body}`;
}

/** Fills the v2 fields of a v1 record; exported so the migration is testable without IndexedDB. */
export function upgradeV1Note(old: NoteV1): Note {
  const note: Note = {
    id: old.id,
    url: old.url,
    sourceUrl: old.url,
    title: '',
    body: typeof old.body === 'string' ? old.body : '',
    target: null,
    claimId: null,
    anchorState: 'unknown',
    createdAt: old.createdAt,
    updatedAt: old.updatedAt ?? old.createdAt,
    terms: [],
  };
  note.terms = searchTerms(noteSearchText(note));
  return note;
}

/**
 * The notes database. It must only ever be opened in the extension's own origin (background or
 * popup): a content script's IndexedDB belongs to the web page, which can read and erase it.
 */
export class CounterpointDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  trash!: EntityTable<TrashedNote, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx: Transaction) => {
        // `modify` rewrites in place, so a failure aborts the whole upgrade and v1 stays intact.
        await tx
          .table('notes')
          .toCollection()
          .modify((record: Record<string, unknown>) => {
            const upgraded = upgradeV1Note(record as unknown as NoteV1);
            Object.assign(record, upgraded);
          });
      });
  }
}

export async function countNotes(db: CounterpointDb): Promise<number> {
  return db.notes.count();
}
