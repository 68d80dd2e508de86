/**
 * Reader's highlights and notes on the page (issue #6), content-script side.
 *
 * - Selecting text offers "Highlight & note" (a small button in our shadow root by the selection);
 *   the context menu and the keyboard command reach the same editor through a `notes:start-highlight`
 *   message. The editor is plain text, multi-line, IME-safe (Enter while composing never saves).
 * - Saved notes of this page are re-anchored on load (and after SPA navigations) and drawn with the
 *   CSS Custom Highlight API: the page's DOM is not rewritten. Orphans are reported to the store
 *   (and listed in the popup) and counted on the page; nothing is dropped.
 * - Storage is the background's: everything goes through typed messages (`utils/messaging.ts`).
 * Page text is data: it is only ever set as text content.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { I18nContext } from '../../components/i18n';
import { NotesLayer, type LayerState, type Point } from '../../components/notes/NotesLayer';
import { canonicalUrl, cleanUrl } from '../../lib/anchoring/canonical-url';
import { buildTextModel, pointAt, type TextModel } from '../../lib/text/text-model';
import { overlappingClaim, planPage, type ClaimSpan } from '../../lib/anchoring/reanchor';
import { describeRange } from '../../lib/anchoring/selectors';
import { TextContentPositions } from '../../lib/anchoring/text-position';
import { parseContentRequest } from '../../lib/messages/protocol';
import type { NoteTarget } from '../../lib/anchoring/types';
import type { PageKey } from '../../lib/storage/notes-repo';
import { mayHaveNotes, PAGE_KEYS_ITEM } from '../../lib/storage/page-keys';
import { translate } from '../../utils/i18n';
import { sendRequest } from '../../utils/messaging';
import '../../components/notes/notes.css';
import { loadEngine } from './engine';

const HOST_NAME = 'counterpoint-notes';
const HIGHLIGHT_NAME = 'counterpoint-note';
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgb(255 213 79 / 0.45); }`;
const SELECTION_DEBOUNCE_MS = 180;
/** Late-rendering pages: orphans get a second look before they are reported as such. */
const ORPHAN_RETRY_MS = 2500;

/** Our own elements (notes layer, claim overlay) are not page text. */
const ours = (el: Element): boolean => el.localName.startsWith('counterpoint-') || el.hasAttribute('data-counterpoint');

function pageKey(): PageKey | null {
  const url = canonicalUrl(document);
  const sourceUrl = cleanUrl(location.href);
  if (!url || !sourceUrl) return null;
  return { url, sourceUrl, title: document.title.trim().slice(0, 1024) };
}

function pageModel(): TextModel | null {
  return document.body ? buildTextModel(document.body, { exclude: ours }) : null;
}

/** The current selection as a live range, unless empty or inside our own UI. */
function currentSelectionRange(host: Element | null): Range | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const container = range.commonAncestorContainer;
  const el = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (!el || !document.body?.contains(el) || (host && host.contains(el))) return null;
  if (el.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return null;
  return range.toString().trim() ? range.cloneRange() : null;
}

function placeNear(range: Range, width: number, height: number): Point {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const x = Math.min(Math.max(8, last.right - width / 2), window.innerWidth - width - 8);
  const below = last.bottom + 6;
  const y = below + height > window.innerHeight - 8 ? Math.max(8, last.top - height - 6) : below;
  return { x, y };
}

async function claimsOnPage(): Promise<ClaimSpan[]> {
  try {
    // The claim annotator (same engine the overlay uses); only asked when a note is saved.
    // Through the content script's engine seam: the index comes from the background on demand.
    const engine = await loadEngine();
    if (!engine) return [];
    const result = engine.annotateDocument(document);
    return result.annotations.map((a) => ({ claimId: a.claimId, range: a.range }));
  } catch {
    return []; // no claim link is better than no note
  }
}

export function startNotes(ctx: ContentScriptContext): void {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;

  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let uiPromise: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let state: LayerState = { button: null, editor: null, orphans: 0, fromOther: [] };
  let selected: Range | null = null;
  let pending: { range: Range; target: NoteTarget; start: number; end: number } | null = null;
  const drawn = new Map<string, Range>();
  let style: HTMLStyleElement | null = null;

  const paint = () => {
    if (ui?.mounted) {
      render(
        <I18nContext.Provider value={translate}>
          <NotesLayer state={state} actions={actions} />
        </I18nContext.Provider>,
        ui.mounted,
      );
    }
  };

  const setState = (next: Partial<LayerState>) => {
    state = { ...state, ...next };
    const visible = state.button || state.editor || state.orphans > 0 || state.fromOther.length > 0;
    if (!visible && !ui) return; // nothing to show: the page stays untouched
    void ensureUi().then(paint);
  };

  function ensureUi(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    uiPromise ??= createShadowRootUi(ctx, {
      name: HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Keys typed into the note must not reach the page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((created) => {
      created.shadowHost.setAttribute('data-counterpoint', 'notes');
      created.mount();
      ui = created;
      return created;
    });
    return uiPromise;
  }

  function drawHighlights(): void {
    const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (!registry || typeof Highlight === 'undefined') return; // old browser: notes still listed in the popup
    if (drawn.size === 0) {
      registry.delete(HIGHLIGHT_NAME);
      return;
    }
    if (!style) {
      style = document.createElement('style');
      style.setAttribute('data-counterpoint', 'notes-highlights');
      style.textContent = HIGHLIGHT_CSS;
      (document.head ?? document.documentElement).appendChild(style);
    }
    registry.set(HIGHLIGHT_NAME, new Highlight(...drawn.values()));
  }

  function rangeFor(model: TextModel, start: number, end: number): Range | null {
    const s = pointAt(model, start, 'start');
    const e = pointAt(model, end, 'end');
    if (!s || !e) return null;
    const r = document.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    return r;
  }

  /** Whether to ask the background for this page's notes (see lib/storage/page-keys.ts). */
  async function worthAsking(page: PageKey): Promise<boolean> {
    if (drawn.size > 0) return true; // notes drawn here: their changes must show
    try {
      const stored = await browser.storage.local.get(PAGE_KEYS_ITEM);
      return mayHaveNotes(page, stored[PAGE_KEYS_ITEM]);
    } catch {
      return true;
    }
  }

  async function redraw(final: boolean): Promise<void> {
    const page = pageKey();
    if (!page) return;
    // Most pages have no notes: answered from extension storage, without waking the background.
    if (!(await worthAsking(page)) || !ctx.isValid) return;
    const reply = await sendRequest({ type: 'notes:page', page });
    if (!reply.ok || !ctx.isValid) return;
    if (reply.notes.length === 0 && reply.candidates.length === 0) {
      drawn.clear();
      drawHighlights();
      setState({ orphans: 0, fromOther: [] });
      return;
    }
    // The text model is built only on pages that have notes.
    const model = pageModel();
    if (!model) return;
    // Stored positions count document.body.textContent (what other tools count): mapped to the model here.
    const plan = planPage(model.text, reply.notes, reply.candidates, page.url, new TextContentPositions(document.body, model));
    drawn.clear();
    for (const p of plan.placed) {
      const r = rangeFor(model, p.start, p.end);
      if (r) drawn.set(p.note.id, r);
    }
    drawHighlights();
    if (plan.orphaned.length > 0 && !final) {
      // The article may still be rendering: look again once before calling anything an orphan.
      setTimeout(() => void redraw(true), ORPHAN_RETRY_MS);
    }
    setState({
      orphans: plan.orphaned.length,
      fromOther: plan.placed
        .filter((p) => p.fromUrl !== null)
        .map((p) => ({ id: p.note.id, url: p.fromUrl!, quote: p.note.target?.quote.exact ?? '' })),
    });
    if (final || plan.orphaned.length === 0) {
      const own = new Set(reply.notes.map((n) => n.id));
      await sendRequest({
        type: 'notes:anchors',
        anchored: plan.placed.filter((p) => own.has(p.note.id)).map((p) => p.note.id),
        orphaned: plan.orphaned.map((n) => n.id),
      });
    }
  }

  function openEditorFor(range: Range | null): void {
    const model = range ? pageModel() : null;
    if (!range || !model) return;
    const target = describeRange(model, range);
    if (!target?.position) return;
    pending = { range, target, start: target.position.start, end: target.position.end };
    setState({ button: null, editor: { at: placeNear(range, 360, 220), quote: target.quote.exact, saving: false, error: null } });
  }

  const actions = {
    openEditor: () => openEditorFor(selected),
    cancel: () => {
      pending = null;
      setState({ editor: null, button: null });
    },
    save: (body: string) => {
      const p = pending;
      const page = pageKey();
      if (!p || !page || !state.editor) return;
      setState({ editor: { ...state.editor, saving: true, error: null } });
      void (async () => {
        let reply;
        try {
          const model = pageModel();
          const claimId = model ? overlappingClaim(model, p.start, p.end, await claimsOnPage()) : null;
          // Stored and exported positions count document.body.textContent, as other tools do.
          const position = model ? new TextContentPositions(document.body, model).fromModel(p.start, p.end) : null;
          reply = await sendRequest({
            type: 'notes:add',
            note: { url: page.url, sourceUrl: page.sourceUrl, title: page.title, body, target: { quote: p.target.quote, position }, claimId },
          });
        } catch (err) {
          reply = { ok: false as const, error: err instanceof Error ? err.message : String(err) };
        }
        if (!state.editor) return;
        if (!reply.ok) {
          // Keep the editor (and the typed text) open with the reason: nothing is lost silently.
          setState({ editor: { ...state.editor, saving: false, error: reply.error } });
          return;
        }
        drawn.set(reply.note.id, p.range);
        drawHighlights();
        pending = null;
        document.getSelection()?.removeAllRanges();
        setState({ editor: null, button: null });
      })();
    },
  };

  // Selection → button. Debounced: selectionchange fires on every drag step.
  let selectionTimer = 0;
  const onSelection = () => {
    clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      if (state.editor) return;
      selected = currentSelectionRange(ui?.shadowHost ?? null);
      setState({ button: selected ? placeNear(selected, 140, 30) : null });
    }, SELECTION_DEBOUNCE_MS);
  };
  ctx.addEventListener(document, 'selectionchange', onSelection);
  ctx.addEventListener(window, 'scroll', () => {
    if (selected && state.button) setState({ button: placeNear(selected, 140, 30) });
  }, { passive: true, capture: true });

  // Context menu / keyboard command (relayed by the background) and the popup's page question.
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseContentRequest(message);
    if (!request) return undefined;
    if (request.type === 'notes:page-info') return Promise.resolve(pageKey());
    openEditorFor(currentSelectionRange(ui?.shadowHost ?? null));
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights?.delete(HIGHLIGHT_NAME);
    style?.remove();
  });

  // Redraw on load and after SPA navigations.
  ctx.addEventListener(window, 'wxt:locationchange', () => void redraw(false));
  void redraw(false);
}
