import { browser } from 'wxt/browser';
import {
  READER_SETTING_KEYS,
  parseReaderSettings,
  type ReaderSettings,
} from '../lib/settings/reader-settings';

/**
 * The reader's preferences (UI language, highlight density) in `browser.storage.local`, one key
 * each (lib/settings/reader-settings.ts says which values are valid). Any storage error reads as
 * the defaults, so a page without storage still gets a UI and its marks.
 */

function storageArea(): typeof browser.storage.local | null {
  try {
    return browser.storage?.local ?? null;
  } catch {
    return null;
  }
}

const KEYS = Object.values(READER_SETTING_KEYS);

export async function readReaderSettings(): Promise<ReaderSettings> {
  const area = storageArea();
  if (!area) return parseReaderSettings(null);
  try {
    return parseReaderSettings((await area.get(KEYS as never)) as Record<string, unknown>);
  } catch {
    return parseReaderSettings(null);
  }
}

/** Stores one setting; rejects (with the browser's message) when storage refuses. */
export async function writeReaderSetting<K extends keyof ReaderSettings>(key: K, value: ReaderSettings[K]): Promise<void> {
  const area = storageArea();
  if (!area) throw new Error('storage is not available (missing "storage" permission?)');
  await area.set({ [READER_SETTING_KEYS[key]]: value });
}

/**
 * Calls `cb` with the new settings whenever one of them changes (in any extension page or the
 * content script of any tab); returns an unsubscribe function.
 */
export function onReaderSettingsChanged(cb: (settings: ReaderSettings) => void): () => void {
  const onChanged = browser.storage?.onChanged;
  if (!onChanged) return () => undefined;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && KEYS.some((k) => k in changes)) void readReaderSettings().then(cb);
  };
  try {
    onChanged.addListener(listener);
  } catch {
    return () => undefined;
  }
  return () => onChanged.removeListener(listener);
}
