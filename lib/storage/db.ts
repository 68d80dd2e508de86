import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { NoteTarget } from '../anchoring/types';
import { searchTerms } from './search-terms';
import type { Visit } from './reading-history';

/**
 * Whether the highlight was last found on its page. `unknown` until a page visit reports; an
 * orphan is kept and listed, never dropped.
 */
export type AnchorState = 'unknown' | 'anchored' | 'orphan';

/** Formats a note's text may be in: the reader's own notes are plain text; imports keep theirs. */
export const BODY_FORMATS = ['text/plain', 'text/markdown', 'text/html'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** Who wrote an imported note, as the other tool said: an IRI (`acct:…`, `https:…`), a name, or both. */
export type Creator = { id: string; name: string | null } | { id: null; name: string };

/** Where an imported note came from. The reader's own notes have none. */
export interface NoteOrigin {
  /** IRI of the annotation it was copied from (W3C `via`), e.g. a Hypothesis annotation's address. */
  via: string;
  /** The original's W3C `canonical` IRI, when it named one. */
  canonical: string | null;
  /** The original's author; null when the file did not say. */
  creator: Creator | null;
}

/** The v3 fields of a note the reader wrote here (not imported). */
export function ownNoteFields(): Pick<Note, 'format' | 'tags' | 'links' | 'origin'> {
  return { format: 'text/plain', tags: [], links: [], origin: null };
}

/** A reader's note (schema v3). */
export interface Note {
  /** Stable id (UUID) so export/import can merge without duplicates. */
  id: string;
  /** Canonical page URL (rel=canonical, no tracking parameters, no fragment): the key pages are found by. */
  url: string;
  /** The URL the note was actually made on (may differ from `url` after redirects or syndication). */
  sourceUrl: string;
  /** Page title when the note was made. */
  title: string;
  /** The note's text (may be empty for a bare highlight), in `format`. */
  body: string;
  /** `text/plain` for notes written here; an imported note keeps its own (Hypothesis: Markdown). */
  format: BodyFormat;
  /** Tags (W3C bodies with purpose `tagging`; Hypothesis tags). */
  tags: string[];
  /** Web resources the annotation links to as bodies (W3C external-resource bodies), http(s) only. */
  links: string[];
  /** Set on imported notes: the original annotation's id, canonical IRI and author. */
  origin: NoteOrigin | null;
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
/** v3 adds fields (format, tags, links, origin) but no index: the stores are v2's. */
export const SCHEMA_V3 = SCHEMA_V2;

/**
 * v4 adds the reading history (lib/storage/reading-history.ts): which pages showed which claims,
 * for the story view. A new table; notes are untouched.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, visits: 'url, lastSeen' } as const;

/** The note as schema v2 stored it (the v3 upgrade reads exactly this). */
export type NoteV2 = Omit<Note, 'format' | 'tags' | 'links' | 'origin'>;

/** The text a note is searched by. */
export function noteSearchText(n: Pick<Note, 'title' | 'body' | 'target'> & { tags?: readonly string[] }): string {
  const text = `${n.title}\n${n.target?.quote.exact ?? ''}\n${n.body}`;
  return n.tags && n.tags.length > 0 ? `${text}\n${n.tags.join('\n')}` : text;
}

/** Fills the v2 fields of a v1 record; exported so the migration is testable without IndexedDB. */
export function upgradeV1Note(old: NoteV1): NoteV2 {
  const note: NoteV2 = {
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
 * Fills the v3 fields of a v2 record. A v2 position counted Counterpoint's own visible text (with
 * synthetic line breaks, without skipped elements); v3 positions count the page's textContent. The
 * old offsets cannot be converted without the page, and exported they would mislead other tools,
 * so they are dropped: quote and context still anchor the highlight (the position was a hint).
 */
export function upgradeV2Note(old: NoteV2): Note {
  return {
    ...old,
    target: old.target ? { quote: old.target.quote, position: null } : null,
    ...ownNoteFields(),
  };
}

/**
 * The notes database. It must only ever be opened in the extension's own origin (background or
 * popup): a content script's IndexedDB belongs to the web page, which can read and erase it.
 */
export class CounterpointDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  trash!: EntityTable<TrashedNote, 'id'>;
  visits!: EntityTable<Visit, 'url'>;

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
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx: Transaction) => {
        const toV3 = (record: Record<string, unknown>) => {
          Object.assign(record, upgradeV2Note(record as unknown as NoteV2));
        };
        await tx.table('notes').toCollection().modify(toV3);
        // Deleted notes waiting for "undo" come back as v3 notes too.
        await tx.table('trash').toCollection().modify(toV3);
      });
    this.version(4).stores(SCHEMA_V4);
  }
}

export async function countNotes(db: CounterpointDb): Promise<number> {
  return db.notes.count();
}
