/**
 * The reader's preferences (the settings page): UI language and highlight density. Stored in
 * `browser.storage.local` by utils/reader-settings.ts, one key each; this module only says what a
 * valid value is and what anything else reads as. Pure.
 *
 * The list of sites where the overlay is off is a setting too, but it has its own key and module
 * (utils/site-settings.ts), which the overlay already reads.
 */

import type { Lang } from '../dataset/types';
import { DEFAULT_DENSITY, isHighlightDensity, type HighlightDensity } from '../overlay/density';

/** `auto` follows the browser's language (Japanese if it is Japanese, else English). */
export const UI_LANGUAGE_SETTINGS = ['auto', 'en', 'ja'] as const;
export type UiLanguageSetting = (typeof UI_LANGUAGE_SETTINGS)[number];

export interface ReaderSettings {
  uiLanguage: UiLanguageSetting;
  density: HighlightDensity;
  /**
   * Whether to keep the reading history behind the story view's "pages where you met it"
   * (lib/storage/reading-history.ts: local, capped, never sent). On by default: the story view is
   * what it is for; off erases it.
   */
  readingHistory: boolean;
}

export const DEFAULT_READER_SETTINGS: Readonly<ReaderSettings> = Object.freeze({ uiLanguage: 'auto', density: DEFAULT_DENSITY, readingHistory: true });

/** The storage key of each setting (kept short and stable: stored data outlives versions). */
export const READER_SETTING_KEYS: Readonly<Record<keyof ReaderSettings, string>> = Object.freeze({
  uiLanguage: 'uiLanguage',
  density: 'highlightDensity',
  readingHistory: 'readingHistory',
});

export function isUiLanguageSetting(value: unknown): value is UiLanguageSetting {
  return typeof value === 'string' && (UI_LANGUAGE_SETTINGS as readonly string[]).includes(value);
}

/**
 * Settings from what storage holds (keyed by `READER_SETTING_KEYS`). A missing or unknown value
 * (an older or newer version wrote it, or it was edited by hand) reads as the default: a bad
 * setting must never leave the UI without a language or the page without marks.
 */
export function parseReaderSettings(stored: Record<string, unknown> | null | undefined): ReaderSettings {
  const lang = stored?.[READER_SETTING_KEYS.uiLanguage];
  const density = stored?.[READER_SETTING_KEYS.density];
  const history = stored?.[READER_SETTING_KEYS.readingHistory];
  return {
    uiLanguage: isUiLanguageSetting(lang) ? lang : DEFAULT_READER_SETTINGS.uiLanguage,
    density: isHighlightDensity(density) ? density : DEFAULT_READER_SETTINGS.density,
    readingHistory: typeof history === 'boolean' ? history : DEFAULT_READER_SETTINGS.readingHistory,
  };
}

/**
 * The language the UI speaks: the setting, or for `auto` the browser's UI language (a BCP 47 tag
 * such as `ja`, `ja-JP`, `en-US`, `fr`): Japanese for Japanese, English for everything else (the
 * two languages Counterpoint has).
 */
export function resolveUiLanguage(setting: UiLanguageSetting, browserTag: string | null | undefined): Lang {
  if (setting !== 'auto') return setting;
  return (browserTag ?? '').trim().toLowerCase().split(/[-_]/)[0] === 'ja' ? 'ja' : 'en';
}
