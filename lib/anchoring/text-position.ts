import { pointAt, type TextModel } from '../text/text-model';
import type { TextPositionSelector } from './types';

/**
 * Interoperable positions. A TextPositionSelector we store and export counts the UTF-16 code units
 * of `root.textContent` (root = `document.body`), as the DOM does and as Hypothesis and other tools
 * reading the page's text count; our own matching runs on the visible-text model (lib/text/text-model.ts), which
 * adds line breaks between blocks and leaves out scripts, styles and hidden elements. This maps
 * between the two through the Text nodes both are made of.
 *
 * A stored position is only ever a hint: `toModel` gives null when it falls in text we do not
 * read, and the re-anchorer still checks the quote at the mapped offsets before using them.
 */
export class TextContentPositions {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private index = new Map<Text, number>();
  private modelIndex: Map<Text, number> | null = null;

  constructor(
    root: Node,
    private readonly model: TextModel,
  ) {
    // Every Text node under root in tree order is what textContent concatenates (comments are not).
    let offset = 0;
    const walk = (node: Node): void => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          this.index.set(child as Text, this.nodes.length);
          this.nodes.push(child as Text);
          this.starts.push(offset);
          offset += (child as Text).data.length;
        } else if (child.nodeType === 1 || child.nodeType === 11) {
          walk(child);
        }
      }
    };
    walk(root);
  }

  /** Model offsets [start, end) → a position in textContent, or null when they map to no text. */
  fromModel(start: number, end: number): TextPositionSelector | null {
    const a = pointAt(this.model, start, 'start');
    const b = pointAt(this.model, end, 'end');
    if (!a || !b) return null;
    const ia = this.index.get(a.node);
    const ib = this.index.get(b.node);
    if (ia === undefined || ib === undefined) return null;
    const s = this.starts[ia]! + a.offset;
    const e = this.starts[ib]! + b.offset;
    return e > s ? { type: 'TextPositionSelector', start: s, end: e } : null;
  }

  /** A textContent position → model offsets [start, end), or null when either end is in text we skip. */
  toModel(pos: TextPositionSelector): { start: number; end: number } | null {
    const start = this.modelOffset(pos.start, 'start');
    const end = this.modelOffset(pos.end, 'end');
    return start !== null && end !== null && end > start ? { start, end } : null;
  }

  private modelOffset(offset: number, bias: 'start' | 'end'): number | null {
    // The Text node holding this offset: the last one starting at or before it (for an end, before it).
    let lo = 0;
    let hi = this.nodes.length - 1;
    if (hi < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const before = bias === 'start' ? this.starts[mid]! <= offset : this.starts[mid]! < offset;
      if (before) lo = mid;
      else hi = mid - 1;
    }
    const node = this.nodes[lo]!;
    const within = offset - this.starts[lo]!;
    if (within < 0 || within > node.data.length) return null;
    this.modelIndex ??= new Map(this.model.nodes.map((n, i) => [n, i]));
    const i = this.modelIndex.get(node);
    return i === undefined ? null : this.model.starts[i]! + within;
  }
}
