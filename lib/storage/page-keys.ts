/**
 * Which pages may have notes, answerable in the content script without waking the background.
 *
 * Every http(s) page used to ask the background "any notes here?" (`notes:page`) on load. Most pages
 * have none, and in Chrome each question wakes the extension's service worker. The background now
 * keeps, in `storage.local`, a set of short hashes of every note's page address, source address
 * and title (the three ways `notesForPage` finds notes); a content script asks only when one of its
 * page's hashes is in the set.
 *
 * Privacy: the set holds 32-bit hashes, not addresses; each hash is shared by very many possible
 * addresses, so the set says little to anyone who can read extension storage, and nothing to the
 * page (extension storage is not the page's). A collision costs one unnecessary question.
 * Correctness: a missing or unreadable set means "ask" (the old behaviour); stale extra hashes (a
 * deleted note's) also only cost a question. The set may never miss a stored note: the background
 * rebuilds it from the database's indexes after every change and before it answers.
 */

import type { PageKey } from './notes-repo';

/** The `storage.local` item holding the hashes (a sorted string array). */
export const PAGE_KEYS_ITEM = 'counterpoint.notePageKeys';

/** Titles shorter than this do not adopt notes (kept in step with notes-repo's title match). */
export const MIN_MATCHING_TITLE = 12;

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Hash of an address (`u:`) or of a title (`t:`). */
export function addressKey(url: string): string {
  return fnv1a(`u:${url}`);
}

export function titleKey(title: string): string {
  return fnv1a(`t:${title}`);
}

/**
 * The hashes a set of stored notes contributes: given the distinct values of the three indexed
 * fields (what Dexie's `uniqueKeys()` returns), sorted and unique.
 */
export function pageKeysOf(fields: { urls: readonly string[]; sourceUrls: readonly string[]; titles: readonly string[] }): string[] {
  const keys = new Set<string>();
  for (const u of fields.urls) keys.add(addressKey(u));
  for (const u of fields.sourceUrls) keys.add(addressKey(u));
  for (const t of fields.titles) if (t.trim().length >= MIN_MATCHING_TITLE) keys.add(titleKey(t));
  return [...keys].sort();
}

/**
 * Whether the background may have notes for `page`, given the stored item. Anything but an array
 * of strings (never written yet, or corrupted) answers true: ask.
 */
export function mayHaveNotes(page: PageKey, stored: unknown): boolean {
  if (!Array.isArray(stored) || !stored.every((k) => typeof k === 'string')) return true;
  const set = new Set(stored as string[]);
  if (set.has(addressKey(page.url)) || set.has(addressKey(page.sourceUrl))) return true;
  return page.title.trim().length >= MIN_MATCHING_TITLE && set.has(titleKey(page.title));
}

/** True when the stored set says no page has notes (an empty array); anything else may mean some do. */
export function noPageHasNotes(stored: unknown): boolean {
  return Array.isArray(stored) && stored.length === 0;
}
