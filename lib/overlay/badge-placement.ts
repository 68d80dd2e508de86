/**
 * Where the badge (with its key to the marks) sits: a corner of the viewport that covers neither the
 * page's own fixed controls (a cookie banner's buttons at the bottom, a sticky header's menu) nor, where
 * the page leaves a margin, the text Counterpoint marks. The reader can move it; their choice wins.
 *
 * Pure: the caller measures (lib/overlay/page-obstacles.ts reads the page), this decides.
 */

export const BADGE_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type BadgeCorner = (typeof BADGE_CORNERS)[number];

export function isBadgeCorner(v: unknown): v is BadgeCorner {
  return typeof v === 'string' && (BADGE_CORNERS as readonly string[]).includes(v);
}

/** Distance from the viewport's edges (px). */
export const EDGE = 16;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  viewport: { width: number; height: number };
  /** The badge's box (with the key when shown). */
  size: { width: number; height: number };
  /** The horizontal extent of the marked text (null when unknown). */
  textColumn: { left: number; right: number } | null;
  /** Page elements fixed or sticky on screen that the badge must not cover, per corner (measured by the caller). */
  obstacles: (corner: BadgeCorner, rect: Rect) => number;
  /** The reader's choice, if any. */
  chosen?: BadgeCorner | null;
}

export interface Placement {
  corner: BadgeCorner;
  rect: Rect;
  /** Whether the badge at that corner covers page text (then the caller shows the compact form). */
  coversText: boolean;
  /** How many page controls it covers there (0 unless every corner has some). */
  covers: number;
}

/** The badge's box at a corner. */
export function rectAt(corner: BadgeCorner, size: { width: number; height: number }, viewport: { width: number; height: number }): Rect {
  const left = corner.endsWith('left') ? EDGE : viewport.width - EDGE - size.width;
  const top = corner.startsWith('top') ? EDGE : viewport.height - EDGE - size.height;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

function overlapsColumn(rect: Rect, column: { left: number; right: number } | null): boolean {
  return !!column && rect.left < column.right && rect.right > column.left;
}

/**
 * The corner to use. The reader's choice, if any. Otherwise, in order: no page control covered,
 * no marked text covered, then the usual place (bottom right, bottom left, top right, top left).
 */
export function chooseCorner(input: PlacementInput): Placement {
  const at = (corner: BadgeCorner): Placement => {
    const rect = rectAt(corner, input.size, input.viewport);
    return { corner, rect, coversText: overlapsColumn(rect, input.textColumn), covers: input.obstacles(corner, rect) };
  };
  if (input.chosen) return at(input.chosen);
  const all = BADGE_CORNERS.map(at);
  const score = (p: Placement): number => p.covers * 100 + (p.coversText ? 10 : 0) + BADGE_CORNERS.indexOf(p.corner);
  return all.reduce((best, p) => (score(p) < score(best) ? p : best));
}

/** The corner nearest a point (where the reader let go of the badge after dragging it). */
export function nearestCorner(x: number, y: number, viewport: { width: number; height: number }): BadgeCorner {
  const v = y < viewport.height / 2 ? 'top' : 'bottom';
  const h = x < viewport.width / 2 ? 'left' : 'right';
  return `${v}-${h}` as BadgeCorner;
}
