/**
 * The reader's notes on the page they were made on, content-script side (issue #6, #13).
 *
 * - Saved notes of this page are re-anchored on load (and after SPA navigations, and when the side
 *   panel saves or the popup changes one) and drawn with the CSS Custom Highlight API
 *   (`NoteHighlights`): the page's DOM is not rewritten. Orphans are reported to the store (and
 *   listed in the side panel and the popup); nothing is dropped.
 * - Nothing of a note's text ever comes here: the background sends only ids, addresses and quotes
 *   to draw (`notes:highlights`), for this page only (its address from the browser, its canonical
 *   link and title only within its origin). Notes are written in the side panel, an extension page
 *   the page cannot reach; this side only describes the selection when the reader asks
 *   (`capture`), and shows nothing on a mere selection.
 * - Storage is the background's: everything goes through typed requests (`deps.request`).
 */
import { buildTextModel, pointAt, type TextModel } from '../text/text-model';
import { overlappingClaim, planPage, type ClaimSpan } from '../anchoring/reanchor';
import { describeRange } from '../anchoring/selectors';
import { TextContentPositions } from '../anchoring/text-position';
import type { BackgroundRequest, HighlightNote, HighlightState, PageHints, Reply } from '../messages/protocol';
import { noteLink } from '../links/note-link';
import { hitTest } from '../overlay/highlight';
import { NO_SELECTION } from '../messages/protocol';
import type { PageKey } from '../storage/notes-repo';
import { NoteHighlights } from './note-highlights';
import { pageHints, pageKeyOf } from './page-key';
import { selectionRange } from './selection';
import type { NotesOnPage } from './lazy-page-notes';
import { rangeHost } from '../overlay/range-host';

/** Late-rendering pages: orphans get a second look before they are reported as such. */
const ORPHAN_RETRY_MS = 2500;

export interface PageNotesDeps {
  request<R extends BackgroundRequest>(request: R): Promise<Reply<R['type']>>;
  /** Whether the background may have notes for this page (answered without asking it; see lib/storage/page-keys.ts). */
  mayHaveNotes(page: PageKey): Promise<boolean>;
  /** The claims the annotator finds on the page (only asked when a note is started). */
  claimsOnPage(): Promise<ClaimSpan[]>;
  /** Counterpoint's own elements (the overlay's host and marks), whose text is not the page's. */
  isOurs(el: Element): boolean;
  /** The browser inherits highlight styles from the root (lib/overlay/highlight.ts, `highlightSelector`). */
  highlightsInherit?: boolean;
  /** The reader clicked one of their highlights (a trusted click, not a selection): the side panel shows the note. */
  picked?(noteId: string): void;
}

export class PageNotes implements Omit<NotesOnPage, 'navigated'> {
  private readonly drawn = new Map<string, Range>();
  /** The notes drawn on the page, as the background gave them (ids, addresses and quotes: no text). */
  private readonly known = new Map<string, HighlightNote>();
  private readonly highlights: NoteHighlights;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private state: HighlightState = { placed: [], orphaned: [], adopted: [] };
  private connected = true;
  private generation = 0;
  /** "Hide for this page": nothing drawn until the page is left or reloaded. */
  private hidden = false;
  private clicks: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private readonly deps: PageNotesDeps,
  ) {
    this.highlights = new NoteHighlights(doc, deps.highlightsInherit ?? false);
    void this.redraw(false);
  }

  /** What the page says about itself, for the background to use within the page's origin. */
  hints(): PageHints {
    return pageHints(this.doc);
  }

  /** The page as notes key it (for the popup's and the side panel's "this page"). */
  pageKey(): PageKey | null {
    return pageKeyOf(this.doc);
  }

  /** What became of this page's highlights on the last drawing. */
  highlightState(): HighlightState {
    return this.state;
  }

  /** The note whose highlight is at this point of the viewport, or null. */
  noteAt(x: number, y: number): string | null {
    if (this.hidden || this.drawn.size === 0) return null;
    const ids = [...this.drawn.keys()];
    const i = hitTest([...this.drawn.values()], x, y);
    return i >= 0 ? ids[i]! : null;
  }

  /** Viewport rectangles of a note's highlight (empty when it is not drawn). */
  rectsOf(id: string): DOMRect[] {
    const r = this.drawn.get(id);
    return r ? Array.from(r.getClientRects()) : [];
  }

  /**
   * A link to a note drawn on this page: its page opened at its passage. Made here, with the page's
   * text, it carries context words only when the passage occurs more than once (shorter than the
   * popup's, which cannot see the page). Null for a note not drawn here.
   */
  linkFor(id: string): string | null {
    const note = this.known.get(id);
    if (!note || !this.drawn.has(id)) return null;
    return noteLink(note, this.model()?.text);
  }

  /** The page moved to another address (SPA navigation), or its notes changed: draw them again. */
  refresh(): void {
    void this.redraw(false);
  }

  /** "Hide for this page": the highlights (and their style) go away until `show()` or a new page. */
  hide(): void {
    this.hidden = true;
    this.generation++;
    this.highlights.disconnect();
    this.listenForClicks(false);
  }

  /** Undoes `hide()` (a new page, or the reader asked from the side panel). */
  show(): void {
    if (!this.hidden) return;
    this.hidden = false;
    void this.redraw(false);
  }

  /** Scrolls one of the drawn highlights into view (the side panel's list); false when it is not drawn. */
  reveal(noteId: string): boolean {
    const range = this.drawn.get(noteId);
    if (!range || this.hidden) return false;
    rangeHost([range], null).reveal(0, 'upper');
    return true;
  }

  /** A trusted click on one of the reader's highlights tells the side panel (ids only). */
  private listenForClicks(on: boolean): void {
    if (!on || !this.deps.picked) {
      this.clicks?.abort();
      this.clicks = null;
      return;
    }
    if (this.clicks) return;
    this.clicks = new AbortController();
    this.doc.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted || e.detail > 1) return;
        const sel = this.doc.getSelection();
        if (sel && !sel.isCollapsed && sel.toString().trim()) return; // selecting, not picking
        const id = this.noteAt(e.clientX, e.clientY);
        if (id) this.deps.picked?.(id);
      },
      { capture: true, passive: true, signal: this.clicks.signal },
    );
  }

  /**
   * The reader asked for a note on the selection (context menu, shortcut, side panel): describe it
   * and hand it to the background with the nonce it asked with.
   */
  async capture(nonce: string): Promise<Reply<'selection:capture'>> {
    const model = this.model();
    const range = selectionRange(this.doc, this.deps.isOurs);
    const described = range && model ? describeRange(model, range) : null;
    if (!range || !model || !described?.position) return { ok: false, error: NO_SELECTION };
    const { start, end } = described.position;
    let claimId: string | null = null;
    try {
      claimId = overlappingClaim(model, start, end, await this.deps.claimsOnPage());
    } catch {
      claimId = null; // no claim link is better than no note
    }
    // Stored and exported positions count document.body.textContent, as other tools do.
    const position = this.doc.body ? new TextContentPositions(this.doc.body, model).fromModel(start, end) : null;
    const target = { quote: described.quote, position };
    const reply = await this.deps.request({ type: 'notes:draft', nonce, hints: this.hints(), target, claimId });
    return reply.ok ? { ok: true } : reply;
  }

  private model(): TextModel | null {
    return this.doc.body ? buildTextModel(this.doc.body, { exclude: this.deps.isOurs }) : null;
  }

  private rangeFor(model: TextModel, start: number, end: number): Range | null {
    const s = pointAt(model, start, 'start');
    const e = pointAt(model, end, 'end');
    if (!s || !e) return null;
    const r = this.doc.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    return r;
  }

  /** Whether to ask the background for this page's notes (see lib/storage/page-keys.ts). */
  private async worthAsking(page: PageKey): Promise<boolean> {
    if (this.drawn.size > 0) return true; // notes drawn here: their changes must show
    try {
      return await this.deps.mayHaveNotes(page);
    } catch {
      return true;
    }
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private clear(): void {
    this.drawn.clear();
    this.known.clear();
    this.highlights.paint([]);
    this.listenForClicks(false);
    this.state = { placed: [], orphaned: [], adopted: [] };
  }

  private async redraw(final: boolean): Promise<void> {
    if (this.hidden) return;
    const generation = ++this.generation;
    const page = this.pageKey();
    if (!page) return;
    // Most pages have no notes: answered from extension storage, without waking the background.
    if (!(await this.worthAsking(page)) || !this.connected) return;
    const hints = this.hints();
    const reply = await this.deps.request({ type: 'notes:highlights', hints });
    // A newer drawing started meanwhile (navigation, a save): its answer wins.
    if (!reply.ok || !this.connected || generation !== this.generation) return;
    if (reply.notes.length === 0 && reply.candidates.length === 0) {
      this.clear();
      return;
    }
    // The text model is built only on pages that have notes.
    const model = this.model();
    if (!model) return;
    // Stored positions count document.body.textContent (what other tools count): mapped to the model here.
    const plan = planPage(model.text, reply.notes, reply.candidates, reply.page.url, new TextContentPositions(this.doc.body!, model));
    this.drawn.clear();
    this.known.clear();
    for (const p of plan.placed) {
      const r = this.rangeFor(model, p.start, p.end);
      if (r) this.drawn.set(p.note.id, r);
    }
    for (const n of [...reply.notes, ...reply.candidates]) if (this.drawn.has(n.id)) this.known.set(n.id, n);
    this.highlights.paint(this.drawn.values());
    this.listenForClicks(this.drawn.size > 0);
    const own = new Set(reply.notes.map((n) => n.id));
    this.state = {
      placed: plan.placed.filter((p) => own.has(p.note.id)).map((p) => p.note.id),
      orphaned: plan.orphaned.map((n) => n.id),
      adopted: plan.placed.filter((p) => !own.has(p.note.id)).map((p) => ({ id: p.note.id, url: p.note.url })),
    };
    if (plan.orphaned.length > 0 && !final) {
      // The article may still be rendering: look again once before calling anything an orphan.
      this.later(() => void this.redraw(true), ORPHAN_RETRY_MS);
      return;
    }
    await this.deps.request({ type: 'notes:anchors', hints, anchored: this.state.placed, orphaned: this.state.orphaned });
  }

  disconnect(): void {
    this.connected = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.highlights.disconnect();
    this.listenForClicks(false);
  }
}
