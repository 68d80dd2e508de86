/**
 * THE SEAM between notes and the matching engine.
 *
 * Highlights must be described and re-found with the same visible-text model and the same
 * normaliser the claim matcher uses (issue #6: "reuse the engine's normaliser and matcher").
 * That engine (`lib/text/`: normaliser with offset map + DOM visible-text model; `lib/match/`:
 * fuzzy quote matcher) is being written concurrently and was not committed when this was.
 *
 * TODO(notes↔engine): replace the three minimal stand-ins below with
 *   - `buildTextModel` / `pointAt` from `lib/text/text-model.ts` (same `{text, nodes, starts}` shape),
 *   - `normalizeWithMap` from `lib/text/normalize.ts` (same `{text, starts, ends}` shape),
 *   - the fuzzy matcher from `lib/match/` in `anchor.ts` (`fuzzyFind`),
 * keeping these signatures so `selectors.ts` and `anchor.ts` do not change. Until then the
 * stand-ins follow the same contracts (documented on each), only with simpler folding.
 */

/** Visible text of a subtree and where each contributing Text node starts in it. */
export interface VisibleText {
  text: string;
  /** Text nodes in document order whose whole data is in `text`. */
  nodes: Text[];
  /** `starts[i]`: offset in `text` where `nodes[i].data` begins. */
  starts: number[];
}

/** Folded text with a map from each folded UTF-16 unit back to [start, end) in the input. */
export interface NormalizedText {
  text: string;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

const SKIP = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'select', 'option', 'textarea', 'input', 'button', 'head', 'title', 'meta', 'link', 'rt', 'rp',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'table', 'tr', 'td', 'th', 'ul', 'body', 'html',
]);

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Stand-in for `lib/text` `buildTextModel`: text of visible Text nodes, a synthetic "\n" at block
 * boundaries and `<br>`. Elements matching `exclude` (our own shadow hosts) are left out.
 */
export function buildVisibleText(root: Node, exclude?: (el: Element) => boolean): VisibleText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let atBreak = true;
  const brk = () => {
    if (!atBreak) {
      parts.push('\n');
      length += 1;
      atBreak = true;
    }
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (!data) continue;
        nodes.push(child as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
        atBreak = false;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const name = el.localName.toLowerCase();
        if (name === 'br') {
          brk();
          continue;
        }
        if (SKIP.has(name) || hidden(el) || exclude?.(el)) continue;
        const block = BLOCK.has(name);
        if (block) brk();
        walk(el);
        if (block) brk();
      }
    }
  };
  walk(root);
  return { text: parts.join(''), nodes, starts };
}

/**
 * Stand-in for `lib/text` `normalizeWithMap`: NFKC per code point, lower case, whitespace runs
 * collapsed to one space. Each output unit maps back to the input code point it came from.
 */
export function normalizeText(input: string): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let pendingSpace = -1;
  while (i < input.length) {
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const end = i + ch.length;
    if (/\s/u.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i = end;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out.push(' ');
      starts.push(pendingSpace);
      ends.push(i);
    }
    pendingSpace = -1;
    const folded = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < folded.length; k++) {
      out.push(folded[k]!);
      starts.push(i);
      ends.push(end);
    }
    i = end;
  }
  return { text: out.join(''), starts, ends };
}

/** [start, end) of normalised text → [start, end) of the input. */
export function toInputRange(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start]! : (norm.ends[norm.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [norm.starts[start]!, norm.ends[end - 1]!];
}

/** Index of the last node whose start is <= offset. */
function nodeIndexAt(model: VisibleText, offset: number): number {
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
 * Stand-in for `lib/text` `pointAt`: the DOM point of a text offset. A range start inside a
 * synthetic break snaps forward to the next node; a range end snaps back to the previous one.
 */
export function pointAtOffset(model: VisibleText, offset: number, bias: 'start' | 'end'): TextPoint | null {
  if (model.nodes.length === 0) return null;
  const i = nodeIndexAt(model, offset);
  const node = model.nodes[i]!;
  const start = model.starts[i]!;
  const len = node.data.length;
  if (bias === 'start') {
    if (offset >= start && offset < start + len) return { node, offset: offset - start };
    const next = model.nodes[offset < start ? i : i + 1];
    return next ? { node: next, offset: 0 } : { node, offset: len };
  }
  if (offset > start && offset <= start + len) return { node, offset: offset - start };
  if (offset <= start) {
    const prev = model.nodes[i - 1];
    return prev ? { node: prev, offset: prev.data.length } : { node, offset: 0 };
  }
  return { node, offset: len };
}
