import type { PageKey } from '../lib/storage/notes-repo';
import { mayHaveNotes, noPageHasNotes, PAGE_KEYS_ITEM } from '../lib/storage/page-keys';
import { readStored } from './stored';

/**
 * Whether the background may have notes for the page, read from extension storage (see
 * lib/storage/page-keys.ts). `page` may be given as a function: it is then called only when some
 * page has notes at all (a reader without notes pays for no URL parsing on any page).
 */
export async function pageMayHaveNotes(page: PageKey | (() => PageKey | null)): Promise<boolean> {
  const stored = await readStored(PAGE_KEYS_ITEM);
  if (noPageHasNotes(stored)) return false;
  const key = typeof page === 'function' ? page() : page;
  return key !== null && mayHaveNotes(key, stored);
}
