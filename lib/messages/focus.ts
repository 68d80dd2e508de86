/**
 * The note the reader asked to see in a tab, on its way to the side panel: by opening a link to it
 * (a text fragment made for its passage), or with "Show note" at its highlight on the page.
 *
 * Neither can open the side panel by itself in every browser (it opens only in answer to the
 * reader's gesture; Firefox refuses one made in a page), so the background keeps the note per tab
 * and marks the toolbar button; the side panel shows it first whenever it opens or is open. Nothing
 * of this reaches the page: the browser hides the link's text directive from page script, and the
 * note is shown only in the extension's own pages. Pure: the store is handed in.
 */
import type { NoteView } from '../storage/notes-repo';
import { linkedIndex } from '../links/passage-link';
import type { TextDirective } from '../links/text-fragment';
import type { NoteFocus } from './protocol';

/** Where the background keeps each tab's focus (extension session storage: content scripts cannot read it). */
export interface FocusStore {
  get(tabId: number): Promise<NoteFocus | null>;
  set(tabId: number, focus: NoteFocus): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/** A `FocusStore` in memory (tests; and the background when session storage is missing). */
export class MemoryFocusStore implements FocusStore {
  private readonly byTab = new Map<number, NoteFocus>();
  async get(tabId: number): Promise<NoteFocus | null> {
    return this.byTab.get(tabId) ?? null;
  }
  async set(tabId: number, focus: NoteFocus): Promise<void> {
    this.byTab.set(tabId, focus);
  }
  async delete(tabId: number): Promise<void> {
    this.byTab.delete(tabId);
  }
}

/** Most text directives read from one address (a link has one; the browser takes any number). */
export const MAX_DIRECTIVES = 16;

/** The note among a page's own notes that one of `directives` was made for, or null. */
export function noteForLink(directives: readonly TextDirective[], notes: readonly Pick<NoteView, 'id' | 'target'>[]): string | null {
  const i = linkedIndex(directives.slice(0, MAX_DIRECTIVES), notes.map((n) => n.target?.quote ?? null));
  return i >= 0 ? notes[i]!.id : null;
}

export function sameFocus(a: NoteFocus | null, b: NoteFocus | null): boolean {
  return !!a && !!b && a.noteId === b.noteId && a.sourceUrl === b.sourceUrl && a.via === b.via;
}
