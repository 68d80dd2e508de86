import type { HighlightState, NoteDraft, NoteFocus, PageClaim, PickedItem } from '../../lib/messages/protocol';
import type { NoteView, PageKey, PageNotes } from '../../lib/storage/notes-repo';

/** The page a tab shows, and what became of its highlights there. */
export interface PanelPage {
  page: PageKey;
  highlights: HighlightState;
}

/**
 * Everything the side panel needs from the outside world. The entrypoint implements it with
 * messages and extension APIs (utils/panel-api.ts); tests hand in a fake. Methods reject with an
 * Error whose message is fit to show the reader.
 */
export interface PanelApi {
  /** Calls back with the tab the panel is about (null: none), now and whenever it changes or loads a page. */
  watchTab(cb: (tabId: number | null) => void): () => void;
  /** The tab's page, from its content script; null when the tab has none (not a web page). */
  pageInfo(tabId: number): Promise<PanelPage | null>;
  /** The notes stored for a page, and same-site notes that may be the same article. */
  pageNotes(page: PageKey): Promise<PageNotes>;
  /** Starts a note on the tab's selection. Rejects with `NO_SELECTION` when nothing is selected. */
  capture(tabId: number): Promise<NoteDraft>;
  /** A draft the context menu or shortcut captured for the tab, if one is waiting (taken once). */
  takeDraft(tabId: number): Promise<{ draft: NoteDraft | null; error: string | null }>;
  /** Calls back when the background has a draft waiting for a tab. */
  onDraftReady(cb: (tabId: number) => void): () => void;
  /** Saves the note and has the tab draw it. */
  save(tabId: number, draft: NoteDraft, body: string): Promise<NoteView>;
  /** The claims the tab's page shows, in reading order; null when the tab has no content script. */
  pageClaims(tabId: number): Promise<{ hidden: boolean; claims: PageClaim[] } | null>;
  /** Scrolls the tab's page to a claim and opens its card; false when it is not on the page. */
  revealClaim(tabId: number, claimId: string): Promise<boolean>;
  /** Scrolls the tab's page to one of the reader's highlights; false when it is not drawn there. */
  revealNote(tabId: number, noteId: string): Promise<boolean>;
  /** Shows again what "Hide for this page" took away. */
  showPage(tabId: number): Promise<void>;
  /** Calls back when the reader picks something on a tab's page, or what a page shows changes. */
  onPageEvent(cb: (event: PageEvent) => void): () => void;
  /** Opens the story view (at the story of `claimId`, if given). */
  openStory(claimId?: string): Promise<void>;
  /** The note to show first in this tab (opened by its link, or asked for at its highlight), if any. */
  focus(tabId: number): Promise<NoteFocus | null>;
  /** Calls back when the note to show first in a tab changed. */
  onFocusReady(cb: (tabId: number) => void): () => void;
  /**
   * A note's link: made by the tab's page when the note is drawn there (its text shows whether the
   * passage is unique, so the link can leave out context words), else from the stored quote.
   */
  noteLink(tabId: number, note: NoteView): Promise<string | null>;
  /** Puts text on the clipboard (the reader's click is in progress); rejects when the browser refuses. */
  copyText(text: string): Promise<void>;
}

/** What a tab's page told the panel (through the background, which names the tab). */
export type PageEvent = { kind: 'picked'; tabId: number; item: PickedItem } | { kind: 'updated'; tabId: number };
