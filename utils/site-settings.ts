import { browser } from 'wxt/browser';
import { sendToTab } from './messaging';

/**
 * Per-site "overlay off" setting, in `browser.storage.local` under one key: the list of origins
 * where the claims overlay does not run automatically. Needs the `storage` permission; without it
 * (or on any storage error) every site counts as on, so the overlay degrades to its default.
 */

export const OVERLAY_OFF_KEY = 'overlayOffSites';

/** The site a setting applies to: the page's origin (http/https only), else null. */
export function siteOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

function storageArea(): typeof browser.storage.local | null {
  try {
    return browser.storage?.local ?? null;
  } catch {
    return null;
  }
}

async function readOffSites(): Promise<string[]> {
  const area = storageArea();
  if (!area) return [];
  try {
    const got = await area.get(OVERLAY_OFF_KEY);
    const list = got[OVERLAY_OFF_KEY];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Every site where the overlay is off (the settings page lists them), sorted. */
export async function overlayOffSites(): Promise<string[]> {
  return [...(await readOffSites())].sort();
}

export async function isOverlayEnabled(site: string): Promise<boolean> {
  return !(await readOffSites()).includes(site);
}

export async function setOverlayEnabled(site: string, enabled: boolean): Promise<void> {
  const area = storageArea();
  if (!area) throw new Error('storage is not available (missing "storage" permission?)');
  const list = new Set(await readOffSites());
  if (enabled) list.delete(site);
  else list.add(site);
  await area.set({ [OVERLAY_OFF_KEY]: [...list].sort() });
}

/** Calls `cb` whenever the setting changes (any site); returns an unsubscribe function. */
export function onOverlaySettingChanged(cb: () => void): () => void {
  const onChanged = browser.storage?.onChanged;
  if (!onChanged) return () => undefined;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && OVERLAY_OFF_KEY in changes) cb();
  };
  try {
    onChanged.addListener(listener);
  } catch {
    return () => undefined;
  }
  return () => onChanged.removeListener(listener);
}

/**
 * The active tab's site, for the popup: from the tab's URL when the browser shows it to us, else
 * from the page's content script (the notes' `notes:page-info` request answers with the address the
 * tab shows), so no `tabs`/`activeTab` permission is needed.
 */
export async function activeTabSite(): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab) return null;
    const fromTab = siteOf(tab.url);
    if (fromTab || tab.id === undefined) return fromTab;
    const info = await sendToTab(tab.id, { type: 'notes:page-info' });
    return info.ok ? siteOf(info.page?.sourceUrl) : null;
  } catch {
    return null;
  }
}

/** The adapter the popup's SiteToggle takes. */
export const siteSettings = {
  currentSite: activeTabSite,
  isEnabled: isOverlayEnabled,
  setEnabled: setOverlayEnabled,
};
