/**
 * DOM → visible text, with a map from text offsets back to (Text node, offset) points.
 *
 * The walk uses only `firstChild` / `nextSibling` / `nodeType` / `localName` / attributes, so it
 * behaves the same in browsers, linkedom and jsdom (linkedom's TreeWalker and Range are partial).
 *
 * - Skipped subtrees: script, style, template, noscript, rt/rp (ruby readings: the base text is
 *   kept, so 「推論(すいろん)」 reads as 推論), iframe/object/svg/canvas/math, form controls,
 *   elements with `hidden`, `aria-hidden="true"`, or an inline `display:none`/`visibility:hidden`
 *   style, plus whatever `exclude` rejects (the article detector passes its boilerplate filter).
 *   Computed styles are not consulted: that would force style resolution on every element.
 * - `<br>` and block-level boundaries insert a synthetic "\n" that belongs to no node.
 * - Inline elements (a, strong, em, span, ruby …) are transparent: their text joins the flow.
 */

export interface TextModel {
  /** Visible text, breaks as "\n". */
  text: string;
  /** Text nodes in document order that contribute to `text`. */
  nodes: Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]`'s data begins (its data is whole). */
  starts: number[];
}

const SKIP = new Set([
  'script', 'style', 'template', 'noscript', 'rt', 'rp', 'iframe', 'object', 'embed', 'svg',
  'canvas', 'math', 'select', 'option', 'textarea', 'input', 'button', 'head', 'title', 'meta',
  'link',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'body', 'html', 'picture', 'video',
  'audio',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** True when an element is hidden by markup alone (no layout needed). */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

export interface TextModelOptions {
  /** Extra subtrees to leave out (e.g. related-article lists inside the article body). */
  exclude?: (el: Element, localName: string) => boolean;
  /**
   * Only these consecutive children of the root, `first` through `last` inclusive (a part of a very
   * large page, see lib/match/partition.ts). Default: all children.
   */
  span?: { first: Node; last: Node };
}

export function buildTextModel(root: Node, options: TextModelOptions = {}): TextModel {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let lastWasBreak = true; // no break at the very start
  const exclude = options.exclude;

  const brk = (): void => {
    if (!lastWasBreak) {
      parts.push('\n');
      length += 1;
      lastWasBreak = true;
    }
  };

  const walk = (node: Node, first: Node | null = node.firstChild, last: Node | null = null): void => {
    for (let child = first; child; child = child === last ? null : child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        nodes.push(child as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
        lastWasBreak = false;
      } else if (type === 1) {
        const el = child as Element;
        const name = el.localName.toLowerCase();
        if (name === 'br') {
          // A <br> always breaks, even right after another break ("a<br><br>b" still joins once).
          brk();
          continue;
        }
        // Most elements of an article (p, span, a, em) carry no attribute: skip the attribute reads.
        if (SKIP.has(name) || (el.hasAttributes() && isHiddenByMarkup(el)) || (exclude && exclude(el, name))) continue;
        const block = BLOCK.has(name);
        if (block) brk();
        walk(el);
        if (block) brk();
      }
    }
  };
  walk(root, options.span?.first ?? root.firstChild, options.span?.last ?? null);
  return { text: parts.join(''), nodes, starts };
}

/** Index of the last node whose start is <= offset (binary search). */
function nodeIndexAt(model: TextModel, offset: number): number {
  let lo = 0;
  let hi = model.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM point for a text offset. `bias: 'start'` (a range start) snaps a synthetic break forward
 * to the next node's start; `bias: 'end'` (a range end) snaps it back to the previous node's end.
 */
export function pointAt(model: TextModel, offset: number, bias: 'start' | 'end'): TextPoint | null {
  if (model.nodes.length === 0) return null;
  let i = nodeIndexAt(model, offset);
  const node = model.nodes[i]!;
  const start = model.starts[i]!;
  const len = node.data.length;
  if (bias === 'start') {
    if (offset >= start && offset < start + len) return { node, offset: offset - start };
    // In a break (or before the first node): next node's start.
    i = offset < start ? i : i + 1;
    const next = model.nodes[i];
    return next ? { node: next, offset: 0 } : { node, offset: len };
  }
  if (offset > start && offset <= start + len) return { node, offset: offset - start };
  if (offset <= start) {
    const prev = model.nodes[i - 1];
    return prev ? { node: prev, offset: prev.data.length } : { node, offset: 0 };
  }
  return { node, offset: len };
}
