/**
 * The reader's highlights and notes on the page (issue #6), content-script side.
 *
 * - Selecting text offers "Highlight & note" (a small button in our shadow root by the selection);
 *   the context menu and the keyboard command reach the same editor (`startHighlight()`). The editor
 *   is plain text, multi-line, IME-safe (Enter while composing never saves).
 * - Saved notes of this page are re-anchored on load (and after SPA navigations) and drawn with the
 *   CSS Custom Highlight API (`NoteHighlights`): the page's DOM is not rewritten. Orphans are
 *   reported to the store (and listed in the popup) and counted on the page; nothing is dropped.
 * - Storage is the background's: everything goes through typed requests (`deps.request`).
 * Page text is data: it is only ever set as text content.
 */
import { render } from 'preact';
import { I18nContext, type Translate } from '../i18n';
import type { MountShadowUi, ShadowUi } from '../shadow-ui';
import { NotesLayer, type LayerState } from './NotesLayer';
import { canonicalUrl, cleanUrl } from '../../lib/anchoring/canonical-url';
import { buildVisibleText, pointAtOffset, type VisibleText } from '../../lib/anchoring/engine';
import { NoteHighlights } from '../../lib/anchoring/note-highlights';
import { overlappingClaim, planPage, type ClaimSpan } from '../../lib/anchoring/reanchor';
import { describeRange } from '../../lib/anchoring/selectors';
import { placeNear, SelectionObserver, selectionRange } from '../../lib/anchoring/selection';
import type { BackgroundRequest, Reply } from '../../lib/messages/protocol';
import type { NoteTarget } from '../../lib/storage/db';
import type { PageKey } from '../../lib/storage/notes-repo';

export const NOTES_HOST_NAME = 'counterpoint-notes';
/** Late-rendering pages: orphans get a second look before they are reported as such. */
const ORPHAN_RETRY_MS = 2500;

export interface PageNotesDeps {
  request<R extends BackgroundRequest>(request: R): Promise<Reply<R['type']>>;
  /** Whether the background may have notes for this page (answered without asking it; see lib/storage/page-keys.ts). */
  mayHaveNotes(page: PageKey): Promise<boolean>;
  /** The claims the annotator finds on the page (only asked when a note is saved). */
  claimsOnPage(): Promise<ClaimSpan[]>;
  translate: Translate;
  mountUi: MountShadowUi;
}

/** Our own elements (notes layer, claim overlay) are not page text. */
const ours = (el: Element): boolean => el.localName.startsWith('counterpoint-') || el.hasAttribute('data-counterpoint');

/** The page as notes key it: canonical URL, the address shown, the title. */
export function pageKeyOf(doc: Document): PageKey | null {
  const url = canonicalUrl(doc);
  const sourceUrl = cleanUrl(doc.location?.href ?? doc.URL);
  if (!url || !sourceUrl) return null;
  return { url, sourceUrl, title: doc.title.trim().slice(0, 1024) };
}

export class PageNotes {
  private ui: ShadowUi | null = null;
  private uiPromise: Promise<ShadowUi> | null = null;
  private state: LayerState = { button: null, editor: null, orphans: 0, fromOther: [] };
  private selected: Range | null = null;
  private pending: { range: Range; target: NoteTarget; start: number; end: number } | null = null;
  private readonly drawn = new Map<string, Range>();
  private readonly highlights: NoteHighlights;
  private readonly selection: SelectionObserver;
  private readonly controller = new AbortController();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private connected = true;

  constructor(
    private readonly doc: Document,
    private readonly deps: PageNotesDeps,
  ) {
    this.highlights = new NoteHighlights(doc);
    // Selection → button.
    this.selection = new SelectionObserver(
      doc,
      (range) => {
        if (this.state.editor) return;
        this.selected = range;
        this.setState({ button: range ? placeNear(range, 140, 30) : null });
      },
      () => this.ui?.host ?? null,
    );
    doc.defaultView?.addEventListener(
      'scroll',
      () => {
        if (this.selected && this.state.button) this.setState({ button: placeNear(this.selected, 140, 30) });
      },
      { passive: true, capture: true, signal: this.controller.signal },
    );
    void this.redraw(false);
  }

  /** The page as notes key it (for the popup's "this page" question). */
  pageKey(): PageKey | null {
    return pageKeyOf(this.doc);
  }

  /** The page moved to another address (SPA navigation): draw that page's notes. */
  navigated(): void {
    void this.redraw(false);
  }

  /** Context menu / keyboard command: open the editor for the current selection. */
  startHighlight(): void {
    this.openEditorFor(selectionRange(this.doc, this.ui?.host ?? null));
  }

  private readonly actions = {
    openEditor: () => this.openEditorFor(this.selected),
    cancel: () => {
      this.pending = null;
      this.setState({ editor: null, button: null });
    },
    save: (body: string) => void this.save(body),
  };

  private paint(): void {
    if (!this.ui) return;
    render(
      <I18nContext.Provider value={this.deps.translate}>
        <NotesLayer state={this.state} actions={this.actions} />
      </I18nContext.Provider>,
      this.ui.container,
    );
  }

  private setState(next: Partial<LayerState>): void {
    this.state = { ...this.state, ...next };
    const s = this.state;
    const visible = s.button || s.editor || s.orphans > 0 || s.fromOther.length > 0;
    if (!visible && !this.ui) return; // nothing to show: the page stays untouched
    void this.ensureUi().then(() => this.paint());
  }

  private ensureUi(): Promise<ShadowUi> {
    this.uiPromise ??= this.deps
      .mountUi(NOTES_HOST_NAME, {
        // Keys typed into the note must not reach the page's shortcuts.
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onRemove: (container) => render(null, container),
      })
      .then((ui) => {
        ui.host.setAttribute('data-counterpoint', 'notes');
        if (!this.connected) ui.remove();
        else this.ui = ui;
        return ui;
      });
    return this.uiPromise;
  }

  private model(): VisibleText | null {
    return this.doc.body ? buildVisibleText(this.doc.body, ours) : null;
  }

  private rangeFor(model: VisibleText, start: number, end: number): Range | null {
    const s = pointAtOffset(model, start, 'start');
    const e = pointAtOffset(model, end, 'end');
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

  private async redraw(final: boolean): Promise<void> {
    const page = this.pageKey();
    if (!page) return;
    // Most pages have no notes: answered from extension storage, without waking the background.
    if (!(await this.worthAsking(page)) || !this.connected) return;
    const reply = await this.deps.request({ type: 'notes:page', page });
    if (!reply.ok || !this.connected) return;
    if (reply.notes.length === 0 && reply.candidates.length === 0) {
      this.drawn.clear();
      this.highlights.paint(this.drawn.values());
      this.setState({ orphans: 0, fromOther: [] });
      return;
    }
    // The text model is built only on pages that have notes.
    const model = this.model();
    if (!model) return;
    const plan = planPage(model.text, reply.notes, reply.candidates, page.url);
    this.drawn.clear();
    for (const p of plan.placed) {
      const r = this.rangeFor(model, p.start, p.end);
      if (r) this.drawn.set(p.note.id, r);
    }
    this.highlights.paint(this.drawn.values());
    if (plan.orphaned.length > 0 && !final) {
      // The article may still be rendering: look again once before calling anything an orphan.
      this.later(() => void this.redraw(true), ORPHAN_RETRY_MS);
    }
    this.setState({
      orphans: plan.orphaned.length,
      fromOther: plan.placed
        .filter((p) => p.fromUrl !== null)
        .map((p) => ({ id: p.note.id, url: p.fromUrl!, quote: p.note.target?.quote.exact ?? '' })),
    });
    if (final || plan.orphaned.length === 0) {
      const own = new Set(reply.notes.map((n) => n.id));
      await this.deps.request({
        type: 'notes:anchors',
        anchored: plan.placed.filter((p) => own.has(p.note.id)).map((p) => p.note.id),
        orphaned: plan.orphaned.map((n) => n.id),
      });
    }
  }

  private openEditorFor(range: Range | null): void {
    const model = range ? this.model() : null;
    if (!range || !model) return;
    const target = describeRange(model, range);
    if (!target?.position) return;
    this.pending = { range, target, start: target.position.start, end: target.position.end };
    this.setState({ button: null, editor: { at: placeNear(range, 360, 220), quote: target.quote.exact, saving: false, error: null } });
  }

  private async save(body: string): Promise<void> {
    const p = this.pending;
    const page = this.pageKey();
    if (!p || !page || !this.state.editor) return;
    this.setState({ editor: { ...this.state.editor, saving: true, error: null } });
    let reply: Reply<'notes:add'>;
    try {
      const model = this.model();
      const claimId = model ? overlappingClaim(model, p.start, p.end, await this.deps.claimsOnPage()) : null;
      reply = await this.deps.request({
        type: 'notes:add',
        note: { url: page.url, sourceUrl: page.sourceUrl, title: page.title, body, target: p.target, claimId },
      });
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    if (!this.state.editor) return;
    if (!reply.ok) {
      // Keep the editor (and the typed text) open with the reason: nothing is lost silently.
      this.setState({ editor: { ...this.state.editor, saving: false, error: reply.error } });
      return;
    }
    this.drawn.set(reply.note.id, p.range);
    this.highlights.paint(this.drawn.values());
    this.pending = null;
    this.doc.getSelection()?.removeAllRanges();
    this.setState({ editor: null, button: null });
  }

  disconnect(): void {
    this.connected = false;
    this.selection.disconnect();
    this.controller.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.highlights.disconnect();
    this.ui?.remove();
    this.ui = null;
  }
}
