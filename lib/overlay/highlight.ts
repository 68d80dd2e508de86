/**
 * Paints claim ranges on the page.
 *
 *  - 'css': the CSS Custom Highlight API (Chromium, Firefox 140+). No element is added around page
 *    text; one `<style>` with `::highlight()` rules goes into <head>. The page's DOM, layout and
 *    scripts see nothing but that style element.
 *  - 'wrap': where the API is missing, each covered piece of a text node is split off and wrapped
 *    in a `<counterpoint-mark>` element (an unknown inline element: no page rule targets it, it
 *    adds no box of its own). Overlapping claims share pieces. `destroy()` unwraps and rejoins the
 *    split text so the page's text nodes are as they were.
 *
 * Pure DOM, no extension API: unit-tested in jsdom (which has no highlight API, so 'wrap').
 */

import type { MarkStrength } from './density';
import { CLAIM_STATUSES, type ClaimStatus } from './types';

export type HighlightStrategy = 'css' | 'wrap';

export interface HighlightItem {
  range: Range;
  status: ClaimStatus;
  /**
   * How loudly to mark it (lib/overlay/density.ts `markFor`); default 'strong', today's look.
   * 'subtle' is a thin faint underline; 'none' paints nothing, but the item keeps its range and
   * `setActive` still shows it (a card opened from the badge list points at its passage).
   */
  strength?: MarkStrength;
  /** A passage that restates a claim in other words or another language (the second tier's), not a copy of it. */
  restated?: boolean;
}

export interface Highlighter {
  readonly strategy: HighlightStrategy;
  /** One live range per item, in the items' order (for hit tests and scrolling). */
  readonly ranges: Range[];
  /** Emphasises one item, or several (a passage with several claims: hover/focus/open card), or none. */
  setActive(index: number | readonly number[] | null): void;
  /** Whether a node is one the highlighter added (the style or a mark), for mutation filtering. */
  owns(node: Node): boolean;
  destroy(): void;
}

export const HIGHLIGHT_PREFIX = 'counterpoint-';
export const MARK_TAG = 'counterpoint-mark';
/** Weakest first: a later highlight paints over an earlier one where they overlap. */
const STATUSES: ClaimStatus[] = [...CLAIM_STATUSES].reverse();
/** Painted strengths, weakest first (strong paints over subtle where claims overlap). */
const PAINTED: readonly Exclude<MarkStrength, 'none'>[] = ['subtle', 'strong'];

/**
 * Where a `::highlight()` rule is written. A bare `::highlight(name)` matches every element: Blink
 * then computes a highlight style for each element of the page, ~330 bytes of its heap apiece,
 * whether or not any of its text is highlighted (measured in Chromium 156 on the 2 MB article of
 * the e2e suite: +1.4 MB, most of the "4.4 MB for 52 nodes" of issue #17; README "Speed"). Where
 * highlight styles inherit (CSS Highlight Inheritance: Chromium does, since 105), one rule on the
 * root styles every highlighted text and costs nothing per element. Firefox (ESR 153, measured)
 * does not inherit them: a root rule paints nothing there, so it keeps the bare rule.
 */
export function highlightSelector(name: string, inherits: boolean): string {
  return `${inherits ? ':root' : ''}::highlight(${name})`;
}

/**
 * The CSS Custom Highlight name of a status at a strength: `counterpoint-<status>` for strong marks
 * (the names the overlay has always used), `counterpoint-<status>-subtle` for subtle ones.
 */
export function highlightName(status: ClaimStatus, strength: Exclude<MarkStrength, 'none'> = 'strong', restated = false): string {
  return `${HIGHLIGHT_PREFIX}${restated ? RESTATED : ''}${status}${strength === 'subtle' ? '-subtle' : ''}`;
}

/** Name prefix of a restated passage's highlights (`counterpoint-restated-<status>`). */
export const RESTATED = 'restated-';

/** The CSS Custom Highlight name of the reader's own notes. */
export const NOTE_HIGHLIGHT_NAME = `${HIGHLIGHT_PREFIX}note`;

/**
 * The style table: how each mark looks, as CSS declarations (the same ones the page's
 * `::highlight()` rules, the fallback marks and the legend's samples use, so the legend shows
 * exactly what the page shows).
 *
 * Strong marks work on light and dark pages (translucent backgrounds), and the underline style
 * tells the statuses apart without colour: wavy = contested, dashed = another view, solid =
 * supported, dotted = none of these. Another view is amber, never the contested red.
 *
 * Subtle marks keep the status's underline style and hue but drop the background and thin the
 * line to 1px, in a mid tone that shows on light and dark pages: visible when looked for, quiet in
 * running text. tests/e2e/marks.e2e.ts measures it in both browsers: a subtle mark changes 2–7% of
 * the pixels the strong one does, and at least a quarter of an underline's worth.
 *
 * The reader's notes are magenta with a double underline: far in hue from every claim colour
 * (red, amber, green, blue-violet) and from the active yellow, and told apart without colour by
 * the only double line. The active mark (hover, focus, open card) is a strong yellow background.
 */
const LOOK: Record<ClaimStatus, { tint: string; line: string; mid: string; style: string }> = {
  contested: { tint: 'rgba(229, 83, 61, 0.26)', line: '200, 45, 25', mid: '225, 75, 55', style: 'wavy' },
  'other-view': { tint: 'rgba(230, 160, 30, 0.22)', line: '170, 105, 0', mid: '205, 140, 20', style: 'dashed' },
  supported: { tint: 'rgba(46, 160, 90, 0.22)', line: '30, 130, 70', mid: '45, 160, 90', style: 'solid' },
  neutral: { tint: 'rgba(110, 110, 200, 0.16)', line: '90, 90, 170', mid: '125, 125, 220', style: 'dotted' },
};

/**
 * A restated passage (the page's own words, not the claim's: the second tier's) has no fill at any
 * strength, and its status's line both under and over the text, so it never reads as a quotation
 * of the speaker.
 */
export function markDeclarations(status: ClaimStatus, strength: Exclude<MarkStrength, 'none'> = 'strong', restated = false): string {
  const l = LOOK[status];
  if (restated) {
    return strength === 'subtle'
      ? `text-decoration: underline overline ${l.style} rgba(${l.mid}, 0.85); text-decoration-thickness: 1px;`
      : `text-decoration: underline overline ${l.style} rgb(${l.line}); text-decoration-thickness: 1.5px;`;
  }
  if (strength === 'subtle') {
    // A mid-tone line (`mid`): the darker strong-mark line all but vanished on dark pages at 1px.
    return `text-decoration: underline ${l.style} rgba(${l.mid}, 0.85); text-decoration-thickness: 1px;`;
  }
  return `background-color: ${l.tint}; text-decoration: underline ${l.style} rgb(${l.line}); text-decoration-thickness: 1.5px;`;
}

export const ACTIVE_DECLARATIONS = 'background-color: rgba(255, 196, 0, 0.5);';
export const NOTE_DECLARATIONS =
  'background-color: rgba(222, 70, 170, 0.22); text-decoration: underline double rgb(176, 36, 140); text-decoration-thickness: 1px;';

/**
 * The `::highlight()` rule for the reader's notes (the notes layer adds it beside its highlight).
 * `inherits`: see `highlightSelector`.
 */
export function noteHighlightCss(name = NOTE_HIGHLIGHT_NAME, inherits = false): string {
  return `${highlightSelector(name, inherits)} { ${NOTE_DECLARATIONS} }`;
}

/** `inherits`: the browser inherits highlight styles from the root (see `highlightSelector`). */
export function highlightCss(strategy: HighlightStrategy, inherits = false): string {
  if (strategy === 'css') {
    const rules = PAINTED.flatMap((strength) =>
      STATUSES.flatMap((s) => [
        `${highlightSelector(highlightName(s, strength, true), inherits)} { ${markDeclarations(s, strength, true)} }`,
        `${highlightSelector(highlightName(s, strength), inherits)} { ${markDeclarations(s, strength)} }`,
      ]),
    );
    return [...rules, `${highlightSelector(`${HIGHLIGHT_PREFIX}active`, inherits)} { ${ACTIVE_DECLARATIONS} }`].join('\n');
  }
  return [
    `${MARK_TAG} { all: unset; }`,
    ...PAINTED.flatMap((strength) =>
      STATUSES.flatMap((s) => [
        `${MARK_TAG}[data-strength="${strength}"][data-status="${s}"]:not([data-restated]) { ${markDeclarations(s, strength)} }`,
        `${MARK_TAG}[data-strength="${strength}"][data-status="${s}"][data-restated] { ${markDeclarations(s, strength, true)} }`,
      ]),
    ),
    `${MARK_TAG}[data-active] { ${ACTIVE_DECLARATIONS} }`,
  ].join('\n');
}

interface HighlightRegistryLike {
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
}

function registry(win: (Window & typeof globalThis) | null): { reg: HighlightRegistryLike; Ctor: new (...r: Range[]) => unknown } | null {
  const css = win?.CSS as unknown as { highlights?: HighlightRegistryLike } | undefined;
  const Ctor = (win as unknown as { Highlight?: new (...r: Range[]) => unknown } | null)?.Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { reg: css.highlights, Ctor };
}

export function supportedStrategy(doc: Document): HighlightStrategy {
  return registry(doc.defaultView as (Window & typeof globalThis) | null) ? 'css' : 'wrap';
}

function addStyle(doc: Document, css: string): HTMLStyleElement {
  const style = doc.createElement('style');
  style.setAttribute('data-counterpoint', 'highlights');
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
  return style;
}

function activeList(index: number | readonly number[] | null): number[] {
  if (index === null) return [];
  return typeof index === 'number' ? [index] : [...index];
}

/** `inherits`: the browser inherits highlight styles from the root (see `highlightSelector`). */
export function highlight(doc: Document, items: readonly HighlightItem[], strategy = supportedStrategy(doc), inherits = false): Highlighter {
  return strategy === 'css' ? highlightWithApi(doc, items, inherits) : highlightByWrapping(doc, items);
}

function highlightWithApi(doc: Document, items: readonly HighlightItem[], inherits: boolean): Highlighter {
  const { reg, Ctor } = registry(doc.defaultView as Window & typeof globalThis)!;
  const style = addStyle(doc, highlightCss('css', inherits));
  const ranges = items.map((i) => i.range);
  const names: string[] = [];
  for (const strength of PAINTED) {
    for (const status of STATUSES) {
      for (const restated of [false, true]) {
        const rs = items.filter((i) => i.status === status && (i.strength ?? 'strong') === strength && !!i.restated === restated).map((i) => i.range);
        // Strong names of copies are always registered (empty or not), as before; the others only when used.
        if ((strength === 'subtle' || restated) && rs.length === 0) continue;
        const name = highlightName(status, strength, restated);
        reg.set(name, new Ctor(...rs));
        names.push(name);
      }
    }
  }
  const activeName = `${HIGHLIGHT_PREFIX}active`;
  return {
    strategy: 'css',
    ranges,
    setActive(index) {
      const rs = activeList(index).map((i) => ranges[i]).filter((r): r is Range => !!r);
      if (rs.length > 0) reg.set(activeName, new Ctor(...rs));
      else reg.delete(activeName);
    },
    owns: (node) => node === style,
    destroy() {
      for (const name of [...names, activeName]) reg.delete(name);
      style.remove();
    },
  };
}

const SKIP_PARENTS = new Set(['script', 'style', 'textarea', 'select', 'option', 'noscript', 'template', 'title']);

/** The pieces of Text nodes a range covers: [node, start, end). */
export function textSegments(range: Range): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const push = (node: Text): void => {
    const parent = node.parentElement;
    if (parent && SKIP_PARENTS.has(parent.localName)) return;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end > start) out.push({ node, start, end });
  };
  if (root.nodeType === 3) {
    push(root as Text);
    return out;
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) push(n as Text);
  }
  return out;
}

const SEVERITY: Record<ClaimStatus, number> = { neutral: 0, supported: 1, 'other-view': 2, contested: 3 };
const LOUDNESS: Record<MarkStrength, number> = { none: 0, subtle: 1, strong: 2 };

function highlightByWrapping(doc: Document, items: readonly HighlightItem[]): Highlighter {
  const style = addStyle(doc, highlightCss('wrap'));
  // Text node → cut points and, per item, its [start, end) in that node.
  const perNode = new Map<Text, { item: number; start: number; end: number }[]>();
  items.forEach((it, item) => {
    for (const seg of textSegments(it.range)) {
      const list = perNode.get(seg.node) ?? [];
      list.push({ item, start: seg.start, end: seg.end });
      perNode.set(seg.node, list);
    }
  });

  const marksOf: HTMLElement[][] = items.map(() => []);
  const allMarks: HTMLElement[] = [];
  /** Each original text node and the pieces it was split into (to rejoin on destroy). */
  const splits: Text[][] = [];

  for (const [node, segs] of perNode) {
    const cuts = new Set<number>([0, node.data.length]);
    for (const s of segs) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces: { text: Text; start: number; end: number }[] = [];
    const length = node.data.length;
    let current = node;
    let offset = 0; // where `current` starts in the original text
    for (let k = 1; k < sorted.length; k++) {
      const start = sorted[k - 1]!;
      const end = sorted[k]!;
      pieces.push({ text: current, start, end });
      if (end < length) {
        current = current.splitText(end - offset);
        offset = end;
      }
    }
    splits.push(pieces.map((p) => p.text));
    for (const p of pieces) {
      const covering = segs.filter((s) => s.start <= p.start && p.end <= s.end && p.end > p.start);
      if (covering.length === 0) continue;
      // The loudest covering item decides (as the highlight API paints strong over subtle), then
      // the most severe status among those.
      const strength = covering.reduce<MarkStrength>((acc, s) => {
        const st = items[s.item]!.strength ?? 'strong';
        return LOUDNESS[st] > LOUDNESS[acc] ? st : acc;
      }, 'none');
      const status = covering
        .filter((s) => (items[s.item]!.strength ?? 'strong') === strength)
        .reduce<ClaimStatus>((acc, s) => (SEVERITY[items[s.item]!.status] > SEVERITY[acc] ? items[s.item]!.status : acc), 'neutral');
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-status', status);
      mark.setAttribute('data-strength', strength);
      // A piece only restated passages cover is drawn as one; a copy's piece as a copy.
      if (covering.every((s) => items[s.item]!.restated)) mark.setAttribute('data-restated', '');
      p.text.parentNode!.insertBefore(mark, p.text);
      mark.appendChild(p.text);
      allMarks.push(mark);
      for (const s of covering) marksOf[s.item]!.push(mark);
    }
  }

  // Ranges over the marks (document order), so hit tests and scrolling follow the wrapped text.
  const ranges = items.map((it, i) => {
    const marks = marksOf[i]!;
    if (marks.length === 0) return it.range;
    marks.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    const r = doc.createRange();
    r.setStartBefore(marks[0]!);
    r.setEndAfter(marks[marks.length - 1]!);
    return r;
  });
  const markSet = new Set<Node>(allMarks);
  let active: number[] = [];

  return {
    strategy: 'wrap',
    ranges,
    setActive(index) {
      for (const i of active) for (const m of marksOf[i] ?? []) m.removeAttribute('data-active');
      active = activeList(index);
      for (const i of active) for (const m of marksOf[i] ?? []) m.setAttribute('data-active', '');
    },
    owns: (node) => node === style || markSet.has(node),
    destroy() {
      for (const mark of allMarks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        mark.remove();
      }
      // Rejoin the pieces of each split node (only while they are still side by side).
      for (const pieces of splits) {
        const [first, ...rest] = pieces;
        if (!first) continue;
        let prev: Node = first;
        for (const p of rest) {
          if (prev.nextSibling !== p) break;
          first.data += p.data;
          p.remove();
        }
      }
      style.remove();
    },
  };
}

/**
 * Index of the first range with a client rect containing (x, y) (viewport coordinates), or -1.
 * Null entries (passages drawn with no mark) are never hit: the reader cannot point at what they
 * cannot see.
 */
export function hitTest(ranges: readonly (Range | null)[], x: number, y: number, slack = 1): number {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (!range) continue;
    const rects = range.getClientRects();
    for (let k = 0; k < rects.length; k++) {
      const r = rects[k]!;
      if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return i;
    }
  }
  return -1;
}
