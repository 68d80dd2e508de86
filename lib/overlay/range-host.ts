/**
 * The overlay view's `OverlayHost` over live highlight ranges: where a highlight is on screen, how
 * to scroll to it, and which one is emphasised. Pure DOM (the ranges' own document and window).
 */

import type { Highlighter } from './highlight';
import type { Passage } from './passages';
import type { OverlayHost } from './types';

/** Where the upper placement wants a highlight: between these fractions of the viewport height. */
const UPPER_BAND = { top: 0.08, bottom: 0.45 } as const;
/** …and, when it must scroll, this far from the top (room above for context). */
const UPPER_SCROLL_AT = 0.2;

/**
 * `ranges` are the passages' ranges (what the reader points at); `passages` say which highlighter
 * items (claims) each one holds, to emphasise them together.
 */
export function rangeHost(ranges: readonly Range[], highlighter: Highlighter | null, passages?: readonly Pick<Passage, 'members'>[]): OverlayHost {
  return {
    rects: (i) => {
      const r = ranges[i];
      return r ? Array.from(r.getClientRects()).filter((x) => x.width > 0 || x.height > 0) : [];
    },
    reveal: (i, where = 'nearest') => {
      const r = ranges[i];
      if (!r) return;
      const win = r.startContainer.ownerDocument?.defaultView;
      if (!win) return;
      const rect = r.getBoundingClientRect();
      const vh = win.innerHeight;
      const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
      if (where === 'upper') {
        if (rect.top >= vh * UPPER_BAND.top && rect.bottom <= vh * UPPER_BAND.bottom) return;
        // scrollIntoView also scrolls nested scroll containers; then leave some room above.
        el?.scrollIntoView({ block: 'start', inline: 'nearest' });
        const top = r.getBoundingClientRect().top;
        win.scrollBy(0, top - vh * UPPER_SCROLL_AT);
        return;
      }
      if (rect.top >= 0 && rect.bottom <= vh) return;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    },
    setActive: (i) => highlighter?.setActive(i === null ? null : passages ? (passages[i]?.members ?? null) : i),
  };
}
