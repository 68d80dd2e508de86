/**
 * Where a claim's card goes: next to its passage, inside the viewport, never over the passage it
 * explains (issue #16: "panels never cover the page text they refer to"). Below or above the passage
 * when there is room, else beside it; when there is no room anywhere the caller scrolls the passage
 * (for a card the reader asked for) or lets the card scroll inside the room there is.
 *
 * Pure geometry: unit-tested without a browser.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const MARGIN = 8;
export const GAP = 6;
/** Below this much height (px) a card above or below its passage is too cramped to read. */
export const MIN_ROOM = 160;
/** A card that scrolls inside a room this high still shows a few lines: better than covering the passage. */
export const MIN_CRAMPED = 90;
/** …and below this width, beside it. */
export const MIN_SIDE = 280;

export interface CardPlacementInput {
  viewport: { width: number; height: number };
  /** The passage's line boxes, viewport coordinates (empty: the passage is not laid out). */
  passage: readonly Box[];
  /** The card's natural size at its maximum width. */
  card: { width: number; height: number };
  /** The widest the card may be. */
  maxWidth: number;
}

export interface CardPlacement {
  side: 'below' | 'above' | 'right' | 'left' | 'center';
  left: number;
  top: number;
  /** Height available to the card (it scrolls inside beyond this). */
  maxHeight: number;
  maxWidth: number;
  /** Whether the card, so placed, leaves the passage uncovered. */
  clear: boolean;
}

/** The best place for the card; `clear` false means the passage could not be kept uncovered. */
export function placeCard(input: CardPlacementInput): CardPlacement {
  const { viewport: vp, passage, card } = input;
  const maxWidth = Math.min(input.maxWidth, vp.width - 2 * MARGIN);
  if (passage.length === 0) {
    const h = Math.min(card.height, vp.height - 2 * MARGIN);
    return { side: 'center', left: (vp.width - Math.min(card.width, maxWidth)) / 2, top: (vp.height - h) / 2, maxHeight: vp.height - 2 * MARGIN, maxWidth, clear: true };
  }
  const top = Math.min(...passage.map((b) => b.top));
  const bottom = Math.max(...passage.map((b) => b.bottom));
  const left = Math.min(...passage.map((b) => b.left));
  const right = Math.max(...passage.map((b) => b.right));
  const first = passage.reduce((a, b) => (b.top < a.top ? b : a));
  const last = passage.reduce((a, b) => (b.bottom > a.bottom ? b : a));
  const w = Math.min(card.width, maxWidth);
  const clampX = (x: number): number => Math.max(MARGIN, Math.min(x, vp.width - MARGIN - w));

  const below = vp.height - bottom - GAP - MARGIN;
  const above = top - GAP - MARGIN;
  const rightRoom = vp.width - right - GAP - MARGIN;
  const leftRoom = left - GAP - MARGIN;

  // Above or below: the card needs only the height it has (a short card fits a small room).
  const fitsV = (room: number): boolean => room >= Math.min(card.height, MIN_ROOM);
  if (fitsV(below) && (below >= card.height || below >= above || !fitsV(above))) {
    return { side: 'below', left: clampX(last.left), top: bottom + GAP, maxHeight: below, maxWidth, clear: true };
  }
  if (fitsV(above)) {
    const h = Math.min(card.height, above);
    return { side: 'above', left: clampX(first.left), top: top - GAP - h, maxHeight: above, maxWidth, clear: true };
  }
  // Beside: the whole viewport height, the width beside the passage.
  const side = rightRoom >= leftRoom ? 'right' : 'left';
  const room = Math.max(rightRoom, leftRoom);
  if (room >= MIN_SIDE) {
    const width = Math.min(w, room);
    const h = Math.min(card.height, vp.height - 2 * MARGIN);
    const y = Math.max(MARGIN, Math.min(top, vp.height - MARGIN - h));
    const x = side === 'right' ? right + GAP : left - GAP - width;
    return { side, left: x, top: y, maxHeight: vp.height - 2 * MARGIN, maxWidth: width, clear: true };
  }
  // Cramped: the larger of above and below, scrolling inside, if it is at least a few lines high.
  if (Math.max(below, above) >= MIN_CRAMPED) {
    if (below >= above) return { side: 'below', left: clampX(last.left), top: bottom + GAP, maxHeight: below, maxWidth, clear: true };
    const h = Math.min(card.height, above);
    return { side: 'above', left: clampX(first.left), top: top - GAP - h, maxHeight: above, maxWidth, clear: true };
  }
  // Nowhere clear: the lower half of the viewport; the caller scrolls the passage first when it can.
  const h = Math.min(card.height, vp.height / 2);
  return { side: 'below', left: clampX(last.left), top: vp.height - MARGIN - h, maxHeight: vp.height / 2, maxWidth, clear: false };
}
