/**
 * The pointer and Escape key over the page's claim highlights. CSS highlights have no element to
 * listen on, so this hit-tests the ranges on the document's own events: hovering a highlight opens
 * its card after a short delay, a click pins it, a click elsewhere or Escape closes it. Only the
 * reader's own input counts: events page script dispatches (`isTrusted` false) are ignored.
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
}

export class HighlightPointer {
  private readonly controller = new AbortController();
  private hovered = -1;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastMove: MouseEvent | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ranges: readonly Range[],
    private readonly target: PointerTarget,
  ) {
    if (ranges.length === 0) return;
    const signal = this.controller.signal;
    const passive = { signal, passive: true, capture: true } as const;
    doc.addEventListener('mousemove', (e) => this.onMove(e), passive);
    doc.addEventListener('click', (e) => this.onClick(e), passive);
    doc.addEventListener('keydown', (e) => this.onKey(e), { signal, capture: true });
  }

  private get win(): Window | null {
    return this.doc.defaultView;
  }

  private onMove(e: MouseEvent): void {
    if (!e.isTrusted) return;
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
    const sel = this.doc.getSelection();
    if (sel && !sel.isCollapsed && sel.toString().trim()) return; // the reader is selecting text
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
