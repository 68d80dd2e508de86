import { browser } from 'wxt/browser';
import type { PageKey } from '../lib/storage/notes-repo';
import { mayHaveNotes, PAGE_KEYS_ITEM } from '../lib/storage/page-keys';

/** Whether the background may have notes for `page`, read from extension storage (see lib/storage/page-keys.ts). */
export async function pageMayHaveNotes(page: PageKey): Promise<boolean> {
  const stored = await browser.storage.local.get(PAGE_KEYS_ITEM);
  return mayHaveNotes(page, stored[PAGE_KEYS_ITEM]);
}
