/**
 * Paints the reader's saved highlights with the CSS Custom Highlight API: the page's DOM is not
 * rewritten, only one `<style>` with the `::highlight()` rule is added while there is something to
 * paint. Browsers without the API paint nothing (the notes are still listed in the popup).
 */

export const NOTE_HIGHLIGHT_NAME = 'counterpoint-note';
const NOTE_HIGHLIGHT_CSS = `::highlight(${NOTE_HIGHLIGHT_NAME}) { background-color: rgb(255 213 79 / 0.45); }`;

interface Registry {
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
}

export class NoteHighlights {
  private style: HTMLStyleElement | null = null;

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
      api.reg.delete(NOTE_HIGHLIGHT_NAME);
      return;
    }
    if (!this.style) {
      this.style = this.doc.createElement('style');
      this.style.setAttribute('data-counterpoint', 'notes-highlights');
      this.style.textContent = NOTE_HIGHLIGHT_CSS;
      (this.doc.head ?? this.doc.documentElement).appendChild(this.style);
    }
    api.reg.set(NOTE_HIGHLIGHT_NAME, new api.Ctor(...list));
  }

  disconnect(): void {
    this.registry()?.reg.delete(NOTE_HIGHLIGHT_NAME);
    this.style?.remove();
    this.style = null;
  }
}
