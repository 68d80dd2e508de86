/**
 * The reader's text selection on the page, for starting a note: the selection as a range (unless
 * it is empty, inside Counterpoint's own UI or inside a form field), where to place something next
 * to it, and a `SelectionObserver` that reports it as it changes.
 */

/** Viewport position (CSS px) for a fixed-position element. */
export interface Point {
  x: number;
  y: number;
}

/** The current selection as a live range, unless empty, inside `exclude` or inside a form field. */
export function selectionRange(doc: Document, exclude: Element | null): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const container = range.commonAncestorContainer;
  const el = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (!el || !doc.body?.contains(el) || (exclude && exclude.contains(el))) return null;
  if (el.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return null;
  return range.toString().trim() ? range.cloneRange() : null;
}

/** Where a `width` × `height` box goes next to a range: below its last line, or above when there is no room. */
export function placeNear(range: Range, width: number, height: number): Point {
  const win = range.startContainer.ownerDocument?.defaultView;
  const vw = win?.innerWidth ?? 0;
  const vh = win?.innerHeight ?? 0;
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const x = Math.min(Math.max(8, last.right - width / 2), vw - width - 8);
  const below = last.bottom + 6;
  const y = below + height > vh - 8 ? Math.max(8, last.top - height - 6) : below;
  return { x, y };
}

/** selectionchange fires on every drag step: report once the selection has held this long. */
export const SELECTION_DEBOUNCE_MS = 180;

/**
 * Reports the reader's selection (a range, or null when there is none) after it settles.
 * `exclude()` names Counterpoint's own UI, whose text is not the page's.
 */
export class SelectionObserver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly controller = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly onSelection: (range: Range | null) => void,
    private readonly exclude: () => Element | null = () => null,
  ) {
    doc.addEventListener('selectionchange', () => this.schedule(), { signal: this.controller.signal });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onSelection(selectionRange(this.doc, this.exclude())), SELECTION_DEBOUNCE_MS);
  }

  disconnect(): void {
    this.controller.abort();
    clearTimeout(this.timer);
  }
}
