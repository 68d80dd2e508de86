/**
 * Paints the reader's saved highlights with the CSS Custom Highlight API: the page's DOM is not
 * rewritten, only one `<style>` with the `::highlight()` rule is added while there is something to
 * paint. Browsers without the API paint nothing (the notes are still listed in the popup).
 */

import { NOTE_HIGHLIGHT_NAME, noteHighlightCss } from '../overlay/highlight';

export { NOTE_HIGHLIGHT_NAME };
/** The reader's own mark (lib/overlay/highlight.ts's style table): unlike any claim's and the active yellow. */
const NOTE_HIGHLIGHT_CSS = noteHighlightCss(NOTE_HIGHLIGHT_NAME);

interface Registry {
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
}

export class NoteHighlights {
  private style: HTMLStyleElement | null = null;
  /** The highlight this object registered, if any: only that one is ever taken out of the registry. */
  private painted: unknown = null;

  constructor(private readonly doc: Document) {}

  private registry(): { reg: Registry; Ctor: new (...r: Range[]) => unknown } | null {
    const win = this.doc.defaultView as unknown as { CSS?: { highlights?: Registry }; Highlight?: new (...r: Range[]) => unknown } | null;
    const reg = win?.CSS?.highlights;
    const Ctor = win?.Highlight;
    return reg && typeof Ctor === 'function' ? { reg, Ctor } : null;
  }

  /** Paints exactly these ranges (none: the highlight is removed). */
  paint(ranges: Iterable<Range>): void {
    const api = this.registry();
    if (!api) return;
    const list = [...ranges];
    if (list.length === 0) {
      this.unpaint();
      return;
    }
    if (!this.style) {
      this.style = this.doc.createElement('style');
      this.style.setAttribute('data-counterpoint', 'notes-highlights');
      this.style.textContent = NOTE_HIGHLIGHT_CSS;
      (this.doc.head ?? this.doc.documentElement).appendChild(this.style);
    }
    this.painted = new api.Ctor(...list);
    api.reg.set(NOTE_HIGHLIGHT_NAME, this.painted);
  }

  /**
   * Takes out what this object painted, and nothing else: a page (or a test page) that registered a
   * highlight of the same name itself keeps it (it was deleted on every page with no notes to draw
   * when the content script asked before the page-key set existed: a fresh profile's first page).
   */
  private unpaint(): void {
    if (!this.painted) return;
    const reg = this.registry()?.reg as (Registry & { get?(name: string): unknown }) | undefined;
    if (reg && (!reg.get || reg.get(NOTE_HIGHLIGHT_NAME) === this.painted)) reg.delete(NOTE_HIGHLIGHT_NAME);
    this.painted = null;
  }

  disconnect(): void {
    this.unpaint();
    this.style?.remove();
    this.style = null;
  }
}
