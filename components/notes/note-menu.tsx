/**
 * The reader's way, on the page, from one of their highlights to its link and its note: a click on
 * a note's highlight opens a small menu beside it ("Copy link", "Show note"), in a closed shadow
 * root. The page's DOM holds the menu's host only while it is open, and never any note text: the
 * note itself is shown in the side panel, an extension page.
 *
 * Only the reader's own input counts: clicks page script dispatches (`isTrusted` false) are ignored,
 * and inside the menu they are stopped at the closed shadow root, so a page can neither open the
 * menu nor copy a link nor ask for the side panel. A click on a claim's highlight is the claim
 * card's (the claims overlay), so a note that overlaps a claim is reached from the side panel.
 */
import { render } from 'preact';
import { I18nContext, type Translate } from '../i18n';
import { copyLink, type WriteText } from '../links/copy-link';
import type { MountShadowUi, ShadowUi } from '../shadow-ui';
import { NoteMenuView } from './NoteMenuView';

export const NOTE_MENU_HOST_NAME = 'counterpoint-note-menu';

export interface NoteMenuDeps {
  /** The UI's translator, in the reader's language (asked each time the menu opens). */
  translator(): Promise<Translate>;
  mountUi: MountShadowUi;
  /** The note whose highlight is at this viewport point, or null (`PageNotes.noteAt`). */
  noteAt(x: number, y: number): string | null;
  /** Whether a claim's highlight is at this point (its card opens instead). */
  claimAt(x: number, y: number): boolean;
  rectsOf(id: string): DOMRect[];
  /** The note's link, made with the page's text (`PageNotes.linkFor`). */
  linkFor(id: string): string | null;
  writeText: WriteText;
  /** Asks the background for the side panel at this note; resolves whether it opened. */
  showNote(id: string): Promise<boolean>;
}

export class NoteMenu {
  private readonly controller = new AbortController();
  private ui: ShadowUi | null = null;
  private mounting: Promise<ShadowUi> | null = null;
  private openId: string | null = null;
  private connected = true;

  constructor(
    private readonly doc: Document,
    private readonly deps: NoteMenuDeps,
  ) {
    const signal = this.controller.signal;
    doc.addEventListener('click', (e) => this.onClick(e), { signal, capture: true, passive: true });
    doc.addEventListener('keydown', (e) => this.onKey(e), { signal, capture: true });
  }

  /** The note whose menu is open, or null. */
  current(): string | null {
    return this.openId;
  }

  private isOwnEvent(e: Event): boolean {
    return !!this.ui && e.composedPath().includes(this.ui.host);
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || this.isOwnEvent(e)) return;
    // Most clicks are on pages without notes: `noteAt` answers those at once.
    const id = this.deps.noteAt(e.clientX, e.clientY);
    if (!id || this.deps.claimAt(e.clientX, e.clientY)) return this.close();
    const sel = this.doc.getSelection();
    if (sel && !sel.isCollapsed && sel.toString().trim()) return; // the reader is selecting text
    void this.open(id);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.isTrusted && e.key === 'Escape' && this.openId !== null && !this.isOwnEvent(e)) this.close();
  }

  /** Opens the menu at a note's highlight (mounting its host now: the page sees none until then). */
  async open(id: string): Promise<void> {
    this.openId = id;
    this.mounting ??= this.deps.mountUi(NOTE_MENU_HOST_NAME, { onRemove: (container) => render(null, container) });
    const [ui, translate] = await Promise.all([this.mounting, this.deps.translator()]);
    if (!this.connected || this.openId !== id) {
      if (this.openId === null) this.unmount();
      return;
    }
    this.ui = ui;
    const { deps } = this;
    render(
      <I18nContext.Provider value={translate}>
        <NoteMenuView
          key={id}
          rects={() => deps.rectsOf(id)}
          onCopyLink={() => copyLink(deps.linkFor(id), deps.writeText)}
          onShowNote={() => deps.showNote(id).catch(() => false)}
          onClose={() => this.close()}
        />
      </I18nContext.Provider>,
      ui.container,
    );
  }

  /** Closes the menu and takes its host out of the page. */
  close(): void {
    if (this.openId === null && !this.mounting) return;
    this.openId = null;
    this.unmount();
  }

  private unmount(): void {
    const mounting = this.mounting;
    this.mounting = null;
    this.ui = null;
    void mounting?.then((ui) => ui.remove());
  }

  disconnect(): void {
    this.connected = false;
    this.controller.abort();
    this.close();
  }
}
