import Dexie, { type EntityTable } from 'dexie';

/**
 * A reader's note. The full shape (selectors, canonical URL, claim link) belongs to the notes issue;
 * this is the minimal record the foundation needs so the schema has a first version to migrate from.
 */
export interface Note {
  /** Stable id (UUID) so export/import can merge without duplicates. */
  id: string;
  /** Canonical page URL the note belongs to. */
  url: string;
  /** The reader's text. */
  body: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

export const DB_NAME = 'counterpoint';

/**
 * The notes database. It must only ever be opened in the extension's own origin (background or
 * popup): a content script's IndexedDB belongs to the web page, which can read and erase it.
 */
export class CounterpointDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ notes: 'id, url, createdAt' });
  }
}

export async function countNotes(db: CounterpointDb): Promise<number> {
  return db.notes.count();
}
