/**
 * The pointer and Escape key over the page's claim highlights. CSS highlights have no element to
 * listen on, so this hit-tests the ranges on the document's own events: hovering a highlight opens
 * its card after a short delay, a click pins it, a click elsewhere or Escape closes it. Only the
 * reader's own input counts: events page script dispatches (`isTrusted` false) are ignored.
 *
 * Selecting text is not asking for a card (issue #16: selecting inside a claim to take a note also
 * opened its card): while a button is held nothing opens on hover, a click that ends a selection or
 * is part of a double or triple click (word, paragraph selection) opens nothing, and a card the
 * pointer merely hovered open closes as soon as the reader starts selecting. The selection is then
 * the note tool's (context menu, shortcut, side panel).
 *
 * Ranges may be null: a passage drawn with no mark (density) cannot be pointed at.
 */

import { hitTest } from './highlight';
import type { OpenHow } from './types';

/** Hover this long on a highlight before its card opens (a pointer passing over it does not). */
export const HOVER_OPEN_MS = 220;

export interface PointerTarget {
  open(index: number, how: OpenHow): void;
  hoverEnd(): void;
  close(): void;
  openIndex(): number | null;
  /** Whether an event happened inside the overlay's own UI (those are the UI's to handle). */
  isOwnEvent(event: Event): boolean;
  /** Whether the open card was opened by hovering only (it gives way to a selection). */
  openIsHover?(): boolean;
}

export class HighlightPointer {
  private readonly controller = new AbortController();
  private hovered = -1;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastMove: MouseEvent | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ranges: readonly (Range | null)[],
    private readonly target: PointerTarget,
  ) {
    if (ranges.every((r) => !r)) return;
    const signal = this.controller.signal;
    const passive = { signal, passive: true, capture: true } as const;
    doc.addEventListener('mousemove', (e) => this.onMove(e), passive);
    doc.addEventListener('mousedown', (e) => this.onDown(e), passive);
    doc.addEventListener('click', (e) => this.onClick(e), passive);
    doc.addEventListener('keydown', (e) => this.onKey(e), { signal, capture: true });
    doc.addEventListener('selectionchange', () => this.onSelection(), passive);
  }

  /** Whether the reader has a (non-empty) text selection. */
  private selecting(): boolean {
    const sel = this.doc.getSelection();
    return !!sel && !sel.isCollapsed && sel.toString().trim() !== '';
  }

  /** A button went down: whatever the pointer was about to open on hover does not open. */
  private onDown(e: MouseEvent): void {
    if (!e.isTrusted || this.target.isOwnEvent(e)) return;
    clearTimeout(this.hoverTimer);
  }

  /** The reader started selecting: a card that only hovered open gives way. */
  private onSelection(): void {
    if (!this.selecting()) return;
    clearTimeout(this.hoverTimer);
    if (this.target.openIndex() !== null && this.target.openIsHover?.()) this.target.close();
  }

  private get win(): Window | null {
    return this.doc.defaultView;
  }

  private onMove(e: MouseEvent): void {
    if (!e.isTrusted) return;
    if (e.buttons !== 0) {
      // Dragging (selecting text, most likely): nothing opens while a button is held.
      clearTimeout(this.hoverTimer);
      this.hovered = -1;
      return;
    }
    this.lastMove = e;
    if (this.frame || !this.win) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      const ev = this.lastMove;
      if (!ev || this.target.isOwnEvent(ev)) return;
      const i = hitTest(this.ranges, ev.clientX, ev.clientY);
      if (i === this.hovered) return;
      clearTimeout(this.hoverTimer);
      if (this.hovered >= 0 && i < 0) this.target.hoverEnd();
      this.hovered = i;
      if (i >= 0) this.hoverTimer = setTimeout(() => this.target.open(i, 'hover'), HOVER_OPEN_MS);
    });
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || this.target.isOwnEvent(e)) return;
    if (e.detail > 1) {
      // A double or triple click selects a word or a paragraph: the first click's card goes away.
      if (this.target.openIndex() !== null) this.target.close();
      return;
    }
    if (this.selecting()) return; // the click ended a selection
    const i = hitTest(this.ranges, e.clientX, e.clientY);
    if (i >= 0) {
      clearTimeout(this.hoverTimer);
      this.target.open(i, 'click');
    } else if (this.target.openIndex() !== null) {
      this.target.close();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.isTrusted && e.key === 'Escape' && this.target.openIndex() !== null && !this.target.isOwnEvent(e)) this.target.close();
  }

  disconnect(): void {
    this.controller.abort();
    clearTimeout(this.hoverTimer);
    if (this.frame) this.win?.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
