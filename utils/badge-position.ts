import { extensionApi, type ExtensionApi } from './extension-api';
import type { BadgeCornerStore } from '../components/overlay/BadgeDock';
import { isBadgeCorner, type BadgeCorner } from '../lib/overlay/badge-placement';

/**
 * Where the reader put the badge: per site (`badgeCorners`: origin → corner) and for every site
 * (`badgeCorner`), in `browser.storage.local`. A corner, nothing else: no page address beyond the
 * origin is kept. Storage errors read as "automatic".
 */
export const SITE_CORNERS_KEY = 'badgeCorners';
export const CORNER_KEY = 'badgeCorner';
/** Sites remembered at most (the oldest choice is forgotten first). */
const MAX_SITES = 200;

function area(): ExtensionApi['storage']['local'] | null {
  try {
    return extensionApi().storage?.local ?? null;
  } catch {
    return null;
  }
}

export function badgeCornerStore(site: string | null): BadgeCornerStore {
  return {
    async load(): Promise<BadgeCorner | null> {
      try {
        const got = (await area()?.get([SITE_CORNERS_KEY, CORNER_KEY] as never)) as Record<string, unknown> | undefined;
        const sites = got?.[SITE_CORNERS_KEY];
        const own = site && sites && typeof sites === 'object' ? (sites as Record<string, unknown>)[site] : undefined;
        if (isBadgeCorner(own)) return own;
        return isBadgeCorner(got?.[CORNER_KEY]) ? (got![CORNER_KEY] as BadgeCorner) : null;
      } catch {
        return null;
      }
    },
    async save(corner: BadgeCorner, everywhere: boolean): Promise<void> {
      const a = area();
      if (!a) return;
      const got = (await a.get(SITE_CORNERS_KEY as never)) as Record<string, unknown>;
      const raw = got[SITE_CORNERS_KEY];
      const sites: Record<string, BadgeCorner> = {};
      if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) if (isBadgeCorner(v)) sites[k] = v;
      if (site) delete sites[site];
      if (everywhere) {
        // Every site: this site's own choice gives way too.
        await a.set({ [CORNER_KEY]: corner, [SITE_CORNERS_KEY]: sites });
        return;
      }
      if (!site) return;
      sites[site] = corner;
      const keys = Object.keys(sites);
      for (const k of keys.slice(0, Math.max(0, keys.length - MAX_SITES))) delete sites[k];
      await a.set({ [SITE_CORNERS_KEY]: sites });
    },
  };
}
