import { boundsOf, lineBoxes, outlinePath, outlinePolygons, type Box } from '../../lib/overlay/outline';

/**
 * The keyboard focus ring of one passage: ONE outline around its lines (lib/overlay/outline.ts), not a
 * box per word or text run. Drawn in the overlay's layer, over the page, never taking pointer input.
 */
export function FocusRing({ rects }: { rects: readonly Box[] }) {
  const lines = lineBoxes(rects);
  const polygons = outlinePolygons(lines, 3);
  const all = polygons.flat().map((p) => ({ left: p.x, top: p.y, right: p.x, bottom: p.y }));
  const bounds = boundsOf(all);
  if (!bounds) return null;
  const pad = 4;
  const origin = { x: bounds.left - pad, y: bounds.top - pad };
  const width = bounds.right - bounds.left + 2 * pad;
  const height = bounds.bottom - bounds.top + 2 * pad;
  return (
    <svg
      class="cp-ring"
      data-testid="cp-ring"
      data-outlines={String(polygons.length)}
      aria-hidden="true"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ left: `${origin.x}px`, top: `${origin.y}px` }}
    >
      <path class="cp-ring__halo" d={outlinePath(polygons, origin)} />
      <path class="cp-ring__line" d={outlinePath(polygons, origin)} />
    </svg>
  );
}
