/**
 * What of the page's own fixed UI lies under a rectangle of the viewport: a cookie banner's buttons in
 * the bottom corner, a sticky header's menu at the top. The badge must not cover them
 * (lib/overlay/badge-placement.ts). Reads the page (hit tests and computed styles), changes nothing.
 */

import type { Rect } from './badge-placement';

/** Sample points per rectangle: columns × rows. Enough to meet a button 40 px wide under a 200 px badge. */
const COLS = 5;
const ROWS = 3;

const CONTROL = 'a[href], button, input, select, textarea, summary, [role="button"], [role="link"], [tabindex]';

/**
 * How many distinct page elements that stay put on screen (`position: fixed` or `sticky`, or inside
 * such an element) are topmost under `rect`. Controls count three times: covering a button is worse
 * than covering a banner's text. `isOurs` skips Counterpoint's own elements (the badge itself).
 */
export function fixedUnder(doc: Document, rect: Rect, isOurs: (el: Element) => boolean): number {
  const win = doc.defaultView;
  if (!win || typeof doc.elementsFromPoint !== 'function') return 0;
  const pinned = new Map<Element, boolean>();
  const isPinned = (el: Element): boolean => {
    const known = pinned.get(el);
    if (known !== undefined) return known;
    let out = false;
    if (el !== doc.body && el !== doc.documentElement) {
      const position = win.getComputedStyle(el).position;
      out = position === 'fixed' || position === 'sticky' || (el.parentElement ? isPinned(el.parentElement) : false);
    }
    pinned.set(el, out);
    return out;
  };
  const seen = new Set<Element>();
  let score = 0;
  for (let c = 0; c < COLS; c++) {
    for (let r = 0; r < ROWS; r++) {
      const x = rect.left + ((c + 0.5) * (rect.right - rect.left)) / COLS;
      const y = rect.top + ((r + 0.5) * (rect.bottom - rect.top)) / ROWS;
      if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) continue;
      const top = doc.elementsFromPoint(x, y).find((el) => !isOurs(el));
      if (!top || seen.has(top) || !isPinned(top)) continue;
      seen.add(top);
      score += top.closest(CONTROL) ? 3 : 1;
    }
  }
  return score;
}
