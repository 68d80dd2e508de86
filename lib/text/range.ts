/**
 * Build a DOM Range from two text points.
 *
 * Browsers and jsdom have a complete `Range`. linkedom (used by the headless CLI and the
 * benchmark) does not: its `createRange()` object has no `setStart`/`setEnd`. There the engine
 * returns a `TextPointRange`, a static range with the same read-only surface the engine's callers
 * use (`startContainer`, `startOffset`, `endContainer`, `endOffset`, `collapsed`,
 * `commonAncestorContainer`, `toString()`, `cloneRange()`), and whose `toString()` follows the DOM
 * rule: the data of every Text node between the boundary points, in document order.
 */

import type { TextPoint } from './text-model';

function nextInDocumentOrder(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  let n: Node | null = node;
  while (n) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}

function ancestors(node: Node): Node[] {
  const list: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode) list.push(n);
  return list;
}

export class TextPointRange {
  constructor(
    readonly startContainer: Text,
    readonly startOffset: number,
    readonly endContainer: Text,
    readonly endOffset: number,
  ) {}

  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }

  get commonAncestorContainer(): Node {
    const a = ancestors(this.startContainer);
    const set = new Set(ancestors(this.endContainer));
    return a.find((n) => set.has(n)) ?? this.startContainer;
  }

  toString(): string {
    const { startContainer: s, endContainer: e } = this;
    if (s === e) return s.data.slice(this.startOffset, this.endOffset);
    let text = s.data.slice(this.startOffset);
    for (let n = nextInDocumentOrder(s); n && n !== e; n = nextInDocumentOrder(n)) {
      if (n.nodeType === 3) text += (n as Text).data;
    }
    return text + e.data.slice(0, this.endOffset);
  }

  cloneRange(): TextPointRange {
    return new TextPointRange(this.startContainer, this.startOffset, this.endContainer, this.endOffset);
  }
}

/** A live Range where the DOM supports one, else a `TextPointRange`. */
export function makeRange(doc: Document, start: TextPoint, end: TextPoint): Range {
  const r = typeof doc.createRange === 'function' ? doc.createRange() : null;
  if (r && typeof r.setStart === 'function' && typeof r.setEnd === 'function') {
    r.setStart(start.node, start.offset);
    r.setEnd(end.node, end.offset);
    return r;
  }
  return new TextPointRange(start.node, start.offset, end.node, end.offset) as unknown as Range;
}
