/**
 * The reading history behind the story view's "pages where you met it": which pages showed which
 * claims of the dataset, with their title and when. It is the reader's reading history, so:
 *  - kept only here, in the extension's own IndexedDB (never in the page's origin, never sent);
 *  - only when the reader leaves it on (settings: `readingHistory`), never for private windows;
 *  - erased by the settings page's button (and when the reader turns it off);
 *  - capped: the most recently seen `MAX_VISITS` pages, each with at most `MAX_CLAIMS` claims.
 * A content script reports what its page shows (`history:record`); the page's address is the one
 * the browser gives for the sender (lib/messages/handle.ts), never one the message names.
 */

import type { CounterpointDb } from './db';

/** One page on which Counterpoint showed claims. */
export interface Visit {
  /** The page's address (canonical within its origin, as notes key it). */
  url: string;
  /** The address it was read at. */
  sourceUrl: string;
  title: string;
  /** Epoch ms: the first and the latest time the page showed claims. */
  firstSeen: number;
  lastSeen: number;
  /** The claims it showed, most recent visit's first. */
  claimIds: string[];
}

/** Pages kept: enough for months of reading about the dataset's stories, small on disk (~100 KB). */
export const MAX_VISITS = 500;
/** Claims kept per page (a page of the seed stories shows 30–70). */
export const MAX_CLAIMS = 300;

export interface VisitInput {
  url: string;
  sourceUrl: string;
  title: string;
  claimIds: readonly string[];
}

/** Records that a page showed claims now; keeps the newest `MAX_VISITS` pages. */
export async function recordVisit(db: CounterpointDb, input: VisitInput, now: number): Promise<void> {
  await db.transaction('rw', db.visits, async () => {
    const old = await db.visits.get(input.url);
    const claimIds = [...new Set([...input.claimIds, ...(old?.claimIds ?? [])])].slice(0, MAX_CLAIMS);
    await db.visits.put({
      url: input.url,
      sourceUrl: input.sourceUrl,
      title: input.title || old?.title || '',
      firstSeen: old?.firstSeen ?? now,
      lastSeen: now,
      claimIds,
    });
    const count = await db.visits.count();
    if (count > MAX_VISITS) {
      const oldest = await db.visits.orderBy('lastSeen').limit(count - MAX_VISITS).primaryKeys();
      await db.visits.bulkDelete(oldest);
    }
  });
}

/** Every kept page, most recently seen first. */
export async function listVisits(db: CounterpointDb): Promise<Visit[]> {
  return (await db.visits.orderBy('lastSeen').reverse().toArray()).map((v) => ({ ...v, claimIds: [...v.claimIds] }));
}

/** Erases the history; returns how many pages were removed. */
export async function clearVisits(db: CounterpointDb): Promise<number> {
  const n = await db.visits.count();
  await db.visits.clear();
  return n;
}
