import type { NoteTarget } from './types';
import type { TextModel } from '../text/text-model';

/**
 * W3C selectors for a selection: TextQuoteSelector (exact + 32 characters of context either side)
 * and TextPositionSelector, both over the page's visible text (lib/text/text-model.ts, as the claim matcher reads it), so the position
 * agrees with what the re-anchorer later searches.
 */

export const CONTEXT_CHARS = 32;

/** The part of a DOM Range we read (a live Range, a StaticRange, or the engine's TextPointRange). */
export interface RangeLike {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING (no global Node in Node.js tests)

function indexMap(model: TextModel): Map<Text, number> {
  const cached = indexCache.get(model);
  if (cached) return cached;
  const map = new Map<Text, number>();
  model.nodes.forEach((n, i) => map.set(n, i));
  indexCache.set(model, map);
  return map;
}
const indexCache = new WeakMap<TextModel, Map<Text, number>>();

/** Offset in `model.text` of a DOM boundary point. Points in skipped content snap to the next visible text. */
export function offsetOfPoint(model: TextModel, node: Node, offset: number): number {
  if (node.nodeType === 3) {
    const i = indexMap(model).get(node as Text);
    if (i !== undefined) return model.starts[i]! + Math.min(offset, (node as Text).data.length);
  }
  // "Is text node x at or after the point?" is monotonic over document order: binary search.
  let isAfter: (x: Text) => boolean;
  if (node.nodeType === 3) {
    isAfter = (x) => (node.compareDocumentPosition(x) & FOLLOWING) !== 0;
  } else {
    const child = node.childNodes[offset] ?? null;
    isAfter = child
      ? (x) => x === child || (child.compareDocumentPosition(x) & FOLLOWING) !== 0
      : (x) => !node.contains(x) && (node.compareDocumentPosition(x) & FOLLOWING) !== 0;
  }
  let lo = 0;
  let hi = model.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(model.nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo < model.nodes.length ? model.starts[lo]! : model.text.length;
}

/**
 * Selectors for [start, end) of `text`, with surrounding whitespace trimmed off the highlight
 * (a double-click often takes the trailing space). Null when nothing but whitespace is selected.
 */
export function describeOffsets(text: string, start: number, end: number): NoteTarget | null {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s === e) return null;
  // Never cut a surrogate pair in the context.
  let ps = Math.max(0, s - CONTEXT_CHARS);
  if (ps > 0 && /[\udc00-\udfff]/.test(text[ps]!)) ps--;
  let se = Math.min(text.length, e + CONTEXT_CHARS);
  if (se < text.length && /[\udc00-\udfff]/.test(text[se]!)) se++;
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(ps, s), suffix: text.slice(e, se) },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/** Selectors for a DOM range over the visible text model. */
export function describeRange(model: TextModel, range: RangeLike): NoteTarget | null {
  const start = offsetOfPoint(model, range.startContainer, range.startOffset);
  const end = offsetOfPoint(model, range.endContainer, range.endOffset);
  return describeOffsets(model.text, start, end);
}
