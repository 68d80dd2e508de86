import { afterEach, beforeEach } from 'vitest';
import { CounterpointDb } from '../../lib/storage/db';
import type { NoteInput } from '../../lib/storage/validate';

let dbSeq = 0;

/**
 * A new, open database (IndexedDB from `fake-indexeddb/auto`, which the test file imports first)
 * for each test, handed to `take` before the test runs and closed after it.
 */
export function useFreshDb(prefix: string, take: (db: CounterpointDb) => void): void {
  let db: CounterpointDb;
  beforeEach(async () => {
    db = new CounterpointDb(`${prefix}-${Date.now()}-${dbSeq++}`);
    await db.open();
    take(db);
  });
  afterEach(() => db.close());
}

/** A valid note for the storage tests, with `over` replacing any field. */
export function noteInput(over: Partial<NoteInput> = {}): NoteInput {
  return {
    url: 'https://news.example/a',
    sourceUrl: 'https://news.example/a?utm_source=x',
    title: 'A long enough article title',
    body: 'my note',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: 10, end: 26 },
    },
    claimId: null,
    ...over,
  };
}
