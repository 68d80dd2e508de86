/**
 * The reader's notes on the page, as the content script's first stage holds them: `PageNotes`
 * (page-notes.ts: drawing saved highlights, describing a selection) lives in the second stage and
 * is opened only when the page needs it — when extension storage says the page may have notes
 * (lib/storage/page-keys.ts: no message, no background woken), or when the reader asks to note a
 * selection. Until then this answers what it can itself: the page's key, and "nothing drawn".
 */
import type { HighlightState, Reply } from '../messages/protocol';
import type { PageKey } from '../storage/notes-repo';
import { pageKeyOf } from './page-key';

/** What the first stage uses of `PageNotes` (with the menu at a clicked highlight, in the second stage). */
export interface NotesOnPage {
  /** The notes changed (saved, deleted…): draw them again. */
  refresh(): void;
  /** The page moved (SPA navigation; `newPage`: to another page, not an in-page #anchor): close what is open, draw again. */
  navigated(newPage: boolean): void;
  /** "Hide for this page": take the highlights (and the menu) away until `show()` or another page. */
  hide(): void;
  show(): void;
  /** Scrolls to a drawn note's highlight and marks it (the side panel's list); false when not drawn. */
  reveal(id: string): boolean;
  /** A link to a note drawn on this page, or null. */
  linkFor(id: string): string | null;
  capture(nonce: string): Promise<Reply<'selection:capture'>>;
  pageKey(): PageKey | null;
  highlightState(): HighlightState;
  disconnect(): void;
}

export interface LazyPageNotesDeps {
  /**
   * Whether the background may have notes for this page (read from extension storage). The page
   * is given as a function: its key costs URL parsing, needed only when some page has notes.
   */
  mayHaveNotes(page: () => PageKey | null): Promise<boolean>;
  /** `PageNotes` from the second stage (null when it could not be loaded). */
  open(): Promise<NotesOnPage | null>;
}

const NOTHING_DRAWN: HighlightState = { placed: [], orphaned: [], adopted: [] };

export class LazyPageNotes {
  private notes: NotesOnPage | null = null;
  private opening: Promise<NotesOnPage | null> | null = null;
  private connected = true;
  /** "Hide for this page" came before the notes were opened: they open hidden. */
  private hidden = false;

  constructor(
    private readonly doc: Document,
    private readonly deps: LazyPageNotesDeps,
  ) {
    void this.check();
  }

  pageKey(): PageKey | null {
    return this.notes ? this.notes.pageKey() : pageKeyOf(this.doc);
  }

  highlightState(): HighlightState {
    return this.notes ? this.notes.highlightState() : NOTHING_DRAWN;
  }

  /** The notes changed: draw again, or look again whether there are any. */
  refresh(): void {
    if (this.notes) this.notes.refresh();
    else void this.check();
  }

  /** The page moved to another address (SPA navigation): the same, for the new address. */
  navigated(newPage: boolean): void {
    if (newPage) this.hidden = false;
    if (this.notes) this.notes.navigated(newPage);
    else void this.check();
  }

  hide(): void {
    this.hidden = true;
    this.notes?.hide();
  }

  show(): void {
    this.hidden = false;
    this.notes?.show();
  }

  /** Scrolls to a drawn note's highlight (none is drawn until `PageNotes` is). */
  reveal(id: string): boolean {
    return this.notes ? this.notes.reveal(id) : false;
  }

  /** A link to a note drawn here (none is drawn until `PageNotes` is). */
  linkFor(id: string): string | null {
    return this.notes ? this.notes.linkFor(id) : null;
  }

  /** The reader asked for a note on the selection: that needs `PageNotes`, whatever the page. */
  async capture(nonce: string): Promise<Reply<'selection:capture'>> {
    const notes = await this.open();
    return notes ? notes.capture(nonce) : { ok: false, error: 'Counterpoint could not start on this page; reload it and try again.' };
  }

  private async check(): Promise<void> {
    let may: boolean;
    try {
      may = await this.deps.mayHaveNotes(() => pageKeyOf(this.doc));
    } catch {
      may = true; // unknown: ask (as PageNotes does)
    }
    if (may && this.connected) await this.open();
  }

  private open(): Promise<NotesOnPage | null> {
    if (this.notes) return Promise.resolve(this.notes);
    this.opening ??= this.deps.open().then((notes) => {
      this.opening = null;
      if (!this.connected) {
        notes?.disconnect();
        return null;
      }
      this.notes = notes;
      if (notes && this.hidden) notes.hide();
      return notes;
    });
    return this.opening;
  }

  disconnect(): void {
    this.connected = false;
    this.notes?.disconnect();
  }
}
