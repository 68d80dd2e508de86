import { useEffect, useRef, useState } from 'preact/hooks';
import { Badge, type BadgeSummary } from '../Badge';
import { useT } from '../i18n';
import { Legend } from '../Legend';
import { BADGE_CORNERS, chooseCorner, nearestCorner, type BadgeCorner } from '../../lib/overlay/badge-placement';
import type { HighlightDensity } from '../../lib/overlay/density';
import { fixedUnder } from '../../lib/overlay/page-obstacles';
import type { ClaimStatus } from '../../lib/overlay/types';

/** Where the reader's own choice of corner is kept (utils/badge-position.ts); absent in tests. */
export interface BadgeCornerStore {
  /** The reader's corner for this site, else for every site, else null (automatic). */
  load(): Promise<BadgeCorner | null>;
  /** Keeps a corner for this site, or for every site. */
  save(corner: BadgeCorner, everywhere: boolean): Promise<void>;
}

export interface BadgeDockProps {
  summary: BadgeSummary;
  density: HighlightDensity;
  /** Claim statuses present on the page (the key lists only marks the reader can meet here). */
  statuses: readonly ClaimStatus[];
  /** Whether the page has restated passages (the key shows their mark). */
  restated?: boolean;
  expanded: boolean;
  listId: string;
  onToggle: () => void;
  onHide: () => void;
  /** Where the page's marked text runs horizontally (viewport x), to keep out of its way. */
  textColumn: () => { left: number; right: number } | null;
  /** Counterpoint's own elements (skipped when looking for page controls under the badge). */
  isOurs: (el: Element) => boolean;
  store?: BadgeCornerStore;
  /** Tells the overlay where the badge went (the list opens from the same corner). */
  onCorner?: (corner: BadgeCorner) => void;
  /** Set from the list's "every site" button: the store was told, the dock follows. */
  chosen?: BadgeCorner | null;
}

/** Below this viewport width the key folds into the badge's list (it would cover the text). */
export const COMPACT_BELOW = 640;
/** Moving the pointer less than this between press and release is a click, not a drag (px). */
const DRAG_SLOP = 5;
/** Late page UI (a cookie banner a second after load) is looked for again after these delays (ms). */
const RECHECK_MS = [800, 2500, 6000];
/** At most one look for page controls under the badge per this many ms while scrolling. */
const SCROLL_CHECK_MS = 300;

/**
 * The badge and, beside it, the key to the marks (components/Legend.tsx), in a corner of the viewport
 * that covers no page control (a cookie banner's buttons, a sticky header's menu) and, where the page
 * leaves room, no marked text (lib/overlay/badge-placement.ts). The reader can move it: drag the grip,
 * or press it to go round the corners; the corner is remembered for the site.
 */
export function BadgeDock(props: BadgeDockProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [corner, setCorner] = useState<BadgeCorner>('bottom-right');
  const [chosen, setChosen] = useState<BadgeCorner | null>(null);
  const [drag, setDrag] = useState<{ dx: number; dy: number } | null>(null);
  const [tick, setTick] = useState(0);
  const [compact, setCompact] = useState(false);
  const dragStart = useRef<{ x: number; y: number; id: number } | null>(null);

  useEffect(() => {
    let live = true;
    props.store?.load().then((c) => live && c && setChosen(c), () => undefined);
    return () => {
      live = false;
    };
  }, [props.store]);
  useEffect(() => {
    if (props.chosen) setChosen(props.chosen);
  }, [props.chosen]);

  // Look again when the viewport changes, while the page scrolls (sticky bars), and a little after
  // load (late banners).
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (): void => setTick((n) => n + 1);
    const onScroll = (): void => {
      const now = Date.now();
      if (now - last >= SCROLL_CHECK_MS) {
        last = now;
        again();
      } else if (!timer) {
        timer = setTimeout(() => {
          timer = undefined;
          last = Date.now();
          again();
        }, SCROLL_CHECK_MS);
      }
    };
    const timers = RECHECK_MS.map((ms) => setTimeout(again, ms));
    window.addEventListener('resize', again, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => {
      for (const x of timers) clearTimeout(x);
      clearTimeout(timer);
      window.removeEventListener('resize', again);
      window.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, []);

  // Placed after the page has painted (a frame later), never inside the overlay's first task: on a
  // very large page the hit tests and rectangles would force its layout early.
  useEffect(() => {
    if (drag) return;
    const frame = requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
      const nextCompact = viewport.width < COMPACT_BELOW;
      if (nextCompact !== compact) {
        setCompact(nextCompact);
        return; // measured again at its new size
      }
      const size = { width: el.offsetWidth, height: el.offsetHeight };
      const placed = chooseCorner({
        viewport,
        size,
        textColumn: props.textColumn(),
        obstacles: (_c, rect) => fixedUnder(document, rect, props.isOurs),
        chosen,
      });
      if (placed.corner !== corner) setCorner(placed.corner);
      el.dataset.covers = String(placed.covers);
    });
    return () => cancelAnimationFrame(frame);
  }, [tick, chosen, compact, drag]);

  useEffect(() => props.onCorner?.(corner), [corner]);

  const keep = (c: BadgeCorner): void => {
    setChosen(c);
    setCorner(c);
    void props.store?.save(c, false).catch(() => undefined);
  };

  const onPointerDown = (e: PointerEvent): void => {
    if (!e.isTrusted || e.button !== 0) return;
    dragStart.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent): void => {
    const s = dragStart.current;
    if (!e.isTrusted || !s || s.id !== e.pointerId) return;
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (drag || Math.hypot(dx, dy) >= DRAG_SLOP) setDrag({ dx, dy });
  };
  const onPointerUp = (e: PointerEvent): void => {
    const s = dragStart.current;
    dragStart.current = null;
    if (!e.isTrusted || !s) return;
    const moved = drag;
    setDrag(null);
    if (!moved) return; // a click: handled by onClick (keyboard too)
    const box = ref.current?.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const x = box ? box.left + box.width / 2 : e.clientX;
    const y = box ? box.top + box.height / 2 : e.clientY;
    keep(nearestCorner(x, y, viewport));
    suppressClick.current = true;
  };
  const suppressClick = useRef(false);
  const onGripClick = (e: MouseEvent): void => {
    if (!e.isTrusted) return;
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    // Pressed without dragging (mouse or keyboard): the next corner, clockwise.
    const order: BadgeCorner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];
    keep(order[(order.indexOf(corner) + 1) % order.length]!);
  };

  const style = drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : undefined;
  return (
    <div
      ref={ref}
      class={`cp-dock cp-dock--${corner}${compact ? ' cp-dock--compact' : ''}${drag ? ' cp-dock--dragging' : ''}`}
      data-testid="cp-dock"
      data-corner={corner}
      data-chosen={chosen ?? ''}
      style={style}
    >
      <div class="cp-dock__row">
        <button
          type="button"
          class="cp-dock__grip"
          data-testid="cp-dock-grip"
          aria-label={t('ovDockMove')}
          title={t('ovDockMove')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            dragStart.current = null;
            setDrag(null);
          }}
          onClick={onGripClick}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <Badge summary={props.summary} expanded={props.expanded} listId={props.listId} onToggle={props.onToggle} onDismiss={props.onHide} />
      </div>
      {!compact && (
        <div class="cp-dock__key">
          <Legend density={props.density} statuses={props.statuses} restated={props.restated} variant="compact" />
        </div>
      )}
    </div>
  );
}

export { BADGE_CORNERS };
