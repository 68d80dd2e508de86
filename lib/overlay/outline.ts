/**
 * One focus ring per passage (issue #16: the ring used to be drawn around each word or line rect
 * of a claim separately). A range's client rects are one per text box: per word run, per inline
 * element, per line. They are merged per line box, then the line boxes are joined into one outline,
 * the shape a text selection has: down the right edges, back up the left edges.
 *
 * Pure geometry (numbers in, numbers and an SVG path out): unit-tested without a browser.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Rects on the same line (their vertical extents overlap by at least half the smaller one) become
 * one box; lines are returned top to bottom. Empty rects are dropped.
 */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const boxes = rects
    .filter((r) => r.right - r.left > 0 && r.bottom - r.top > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: Box[] = [];
  for (const b of boxes) {
    const line = lines.find((l) => {
      const overlap = Math.min(l.bottom, b.bottom) - Math.max(l.top, b.top);
      return overlap >= 0.5 * Math.min(l.bottom - l.top, b.bottom - b.top);
    });
    if (line) {
      line.left = Math.min(line.left, b.left);
      line.right = Math.max(line.right, b.right);
      line.top = Math.min(line.top, b.top);
      line.bottom = Math.max(line.bottom, b.bottom);
    } else {
      lines.push(b);
    }
  }
  return lines.sort((a, b) => a.top - b.top);
}

/**
 * Outlines of the line boxes, each a closed polygon (a list of points), padded by `pad`. Lines that
 * follow each other and overlap horizontally share one polygon (their gap is closed halfway); a
 * line that does not (a passage continuing in another column) starts a polygon of its own.
 */
export function outlinePolygons(lines: readonly Box[], pad = 2): { x: number; y: number }[][] {
  const runs: Box[][] = [];
  for (const l of lines) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    const joins = prev && l.top - prev.bottom < (prev.bottom - prev.top) && Math.min(prev.right, l.right) - Math.max(prev.left, l.left) > 0;
    if (joins && run) run.push({ ...l });
    else runs.push([{ ...l }]);
  }
  return runs.map((run) => {
    // Padded boxes; consecutive lines meet halfway across the gap between them.
    const b = run.map((l) => ({ left: l.left - pad, right: l.right + pad, top: l.top - pad, bottom: l.bottom + pad }));
    for (let i = 1; i < b.length; i++) {
      const mid = (run[i - 1]!.bottom + run[i]!.top) / 2;
      b[i - 1]!.bottom = mid;
      b[i]!.top = mid;
    }
    const right: { x: number; y: number }[] = [];
    for (const l of b) right.push({ x: l.right, y: l.top }, { x: l.right, y: l.bottom });
    const left: { x: number; y: number }[] = [];
    for (let i = b.length - 1; i >= 0; i--) left.push({ x: b[i]!.left, y: b[i]!.bottom }, { x: b[i]!.left, y: b[i]!.top });
    return dedupe([...right, ...left]);
  });
}

/** Drops repeated points and points on a straight segment between their neighbours. */
function dedupe(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    out.push(p);
  }
  const clean = out.filter((p, i) => {
    const a = out[(i - 1 + out.length) % out.length]!;
    const c = out[(i + 1) % out.length]!;
    return !((a.x === p.x && p.x === c.x) || (a.y === p.y && p.y === c.y));
  });
  return clean.length >= 3 ? clean : out;
}

/** An SVG path (`M … Z` per polygon), coordinates relative to `origin`, rounded to half pixels. */
export function outlinePath(polygons: readonly { x: number; y: number }[][], origin = { x: 0, y: 0 }): string {
  const r = (n: number): string => String(Math.round(n * 2) / 2);
  return polygons
    .filter((p) => p.length >= 3)
    .map((p) => `M${p.map((q) => `${r(q.x - origin.x)} ${r(q.y - origin.y)}`).join(' L')} Z`)
    .join(' ');
}

/** The bounding box of some boxes (null for none). */
export function boundsOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}
