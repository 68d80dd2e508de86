import { browser } from 'wxt/browser';
import type { Translate } from '../components/i18n';
import type { Lang } from '../lib/dataset/types';
import { formatMessage, type MessageTable } from '../lib/i18n/messages';
import { resolveUiLanguage, type UiLanguageSetting } from '../lib/settings/reader-settings';
// As text, parsed on first use: the content script carries both tables, and on the many pages where
// Counterpoint shows nothing they should cost no more than the string constants themselves.
import enText from '../public/_locales/en/messages.json?raw';
import jaText from '../public/_locales/ja/messages.json?raw';
import { onReaderSettingsChanged, readReaderSettings } from './reader-settings';

/**
 * The UI's translator for every extension surface (popup, settings, source view, side panel, and
 * the overlay and notes UI in the content script). It speaks the language the reader chose in the
 * settings (`auto` = the browser's), from the bundled `_locales/` tables: `browser.i18n` only knows
 * the browser's language, and Firefox without a Japanese language pack would stay English.
 *
 * Use:
 *  - `await loadUiLanguage()` once before the first render (reads the setting; cached per page, so
 *    later calls cost nothing), then `translate` / `uiLanguage()` / `currentTranslator()` answer in
 *    the chosen language;
 *  - `onUiLanguageChanged(cb)` to re-render when the reader changes it (also in other tabs), with
 *    `currentTranslator()` as the `I18nContext` value (a new value per language, so views update).
 * Until `loadUiLanguage()` has resolved they answer in the browser's language.
 *
 * Manifest strings (`__MSG_…__`: name, description, the shortcut's description) and the context
 * menu's title are the browser's to show and follow the browser's language.
 */

const TEXTS: Record<Lang, string> = { en: enText, ja: jaText };
const tables: Partial<Record<Lang, MessageTable>> = {};
function table(lang: Lang): MessageTable {
  if (!tables[lang]) {
    try {
      tables[lang] = JSON.parse(TEXTS[lang]) as MessageTable;
    } catch {
      tables[lang] = {}; // cannot happen with the bundled files; keys then show, never a crash
    }
  }
  return tables[lang]!;
}

/** The browser's UI language tag (`en-US`, `ja`…), or '' where the API is missing. */
export function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return '';
  }
}

let current: Lang = resolveUiLanguage('auto', browserLanguage());
let loading: Promise<Lang> | null = null;

/** A translator for one language: its table, then English, then the key (a missing string shows, never blank). */
export function translatorFor(lang: Lang): Translate {
  const t: Translate = (key, substitutions) =>
    formatMessage(table(lang), key, substitutions) ?? formatMessage(table('en'), key, substitutions) ?? key;
  t.lang = lang;
  return t;
}

const translators: Record<Lang, Translate> = { en: translatorFor('en'), ja: translatorFor('ja') };

/** The translator in the chosen language (live: it follows a change once `loadUiLanguage` ran). */
export const translate: Translate = Object.defineProperty(
  ((key, substitutions) => translators[current](key, substitutions)) as Translate,
  'lang',
  { get: () => current, enumerable: true },
);

/**
 * The translator of the chosen language, as a value that changes when the language does: hand it
 * to `I18nContext.Provider`, so a re-render after `onUiLanguageChanged` reaches every view.
 */
export function currentTranslator(): Translate {
  return translators[current];
}

/** The chosen UI language (the browser's until `loadUiLanguage()` has read the setting). */
export function uiLanguage(): Lang {
  return current;
}

/** The language a setting means in this browser. */
export function languageFor(setting: UiLanguageSetting): Lang {
  return resolveUiLanguage(setting, browserLanguage());
}

/** Reads the setting once per page (later calls share the first read) and answers the chosen language. */
export function loadUiLanguage(): Promise<Lang> {
  loading ??= readReaderSettings().then(
    (s) => (current = languageFor(s.uiLanguage)),
    () => current,
  );
  return loading;
}

const listeners = new Set<(lang: Lang) => void>();
let stopWatching: (() => void) | null = null;

/** Calls `cb` when the chosen language changes (after `translate` has switched); returns an unsubscribe function. */
export function onUiLanguageChanged(cb: (lang: Lang) => void): () => void {
  listeners.add(cb);
  stopWatching ??= onReaderSettingsChanged((s) => {
    const next = languageFor(s.uiLanguage);
    loading = Promise.resolve(next);
    if (next === current) return;
    current = next;
    for (const listener of [...listeners]) listener(next);
  });
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  };
}
