/**
 * Passages: what the reader points at. Each matched claim has its own range on the page, but two
 * claims can sit on the same words (a sentence that is one claim's anchor and overlaps another's,
 * or a restatement match over an exact one): then the reader sees one passage, and a click must
 * open one card that lists every claim on it, never one card hidden behind another.
 *
 * A passage is a maximal run of claim ranges that overlap (transitively), in reading order; its
 * range spans all of them. Pure DOM (Range comparisons only): unit-tested in jsdom.
 */

import { CLAIM_STATUSES, type ClaimStatus } from './types';

export interface Passage {
  /** Indices of the claims on this passage (into the caller's list), most severe status first, then reading order. */
  readonly members: readonly number[];
  /** From the first member's start to the furthest end. */
  readonly range: Range;
}

const START_TO_END = 1;
const END_TO_START = 3;

/** Whether two ranges share at least one character (touching ends do not count). */
export function rangesOverlap(a: Range, b: Range): boolean {
  // a.start < b.end (this start vs. source end) and a.end > b.start (this end vs. source start).
  return a.compareBoundaryPoints(END_TO_START, b) < 0 && a.compareBoundaryPoints(START_TO_END, b) > 0;
}

function before(a: Range, b: Range): number {
  const s = a.compareBoundaryPoints(0 /* START_TO_START */, b);
  return s !== 0 ? s : a.compareBoundaryPoints(2 /* END_TO_END */, b);
}

const RANK: Record<ClaimStatus, number> = Object.fromEntries(CLAIM_STATUSES.map((s, i) => [s, i])) as Record<ClaimStatus, number>;

/**
 * Groups claim ranges into passages, in reading order. `statuses[i]` orders the claims within a
 * passage (contested first). Ranges that are collapsed or detached still get a passage of their own.
 */
export function groupPassages(ranges: readonly Range[], statuses: readonly ClaimStatus[] = []): Passage[] {
  const order = ranges.map((_, i) => i);
  order.sort((i, j) => {
    try {
      return before(ranges[i]!, ranges[j]!) || i - j;
    } catch {
      return i - j; // ranges in different documents (cannot happen on one page): keep the given order
    }
  });
  const groups: { members: number[]; range: Range }[] = [];
  for (const i of order) {
    const r = ranges[i]!;
    const last = groups[groups.length - 1];
    let joins = false;
    try {
      joins = !!last && !r.collapsed && rangesOverlap(last.range, r);
    } catch {
      joins = false;
    }
    if (joins && last) {
      last.members.push(i);
      try {
        if (last.range.compareBoundaryPoints(2 /* END_TO_END */, r) < 0) last.range.setEnd(r.endContainer, r.endOffset);
      } catch {
        /* keep the range as it is */
      }
    } else {
      groups.push({ members: [i], range: r.cloneRange() });
    }
  }
  for (const g of groups) {
    g.members.sort((a, b) => (RANK[statuses[a] ?? 'neutral'] - RANK[statuses[b] ?? 'neutral']) || a - b);
  }
  return groups;
}

/** Elements whose text is not part of what the reader reads (ruby readings, scripts, styles). */
const UNREAD = new Set(['rt', 'rp', 'script', 'style', 'noscript', 'template', 'textarea']);

function isRead(node: Node, root: Node): boolean {
  for (let el = node.parentNode; el && el !== root.parentNode; el = el.parentNode) {
    if (el.nodeType === 1 && UNREAD.has((el as Element).localName)) return false;
  }
  return true;
}

/**
 * The words a reader sees in a range: its text without ruby readings (「推論(すいろん)」 reads 推論)
 * or script, whitespace runs as one space. What the card shows as "on this page".
 */
export function passageText(range: Range): string {
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const parts: string[] = [];
  const take = (node: Text): void => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end > start) parts.push(node.data.slice(start, end));
  };
  if (root.nodeType === 3) {
    take(root as Text);
  } else {
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (range.intersectsNode(n) && isRead(n, root)) take(n as Text);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
