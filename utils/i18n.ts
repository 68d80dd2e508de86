import type { Translate } from '../components/i18n';
import type { Lang } from '../lib/dataset/types';
import type { MessageTable } from '../lib/i18n/messages';
// As text, parsed on first use.
import enText from '../public/_locales/en/messages.json?raw';
import jaText from '../public/_locales/ja/messages.json?raw';
import { UiLanguage } from './ui-language';

/**
 * The UI's translator for the extension's own pages (popup, settings, source view, story view,
 * side panel) and the background (the toolbar button's title), from the bundled `_locales/`
 * tables: `browser.i18n` only knows the browser's language, and Firefox without a Japanese
 * language pack would stay English. The content script does not import this module (it would
 * carry both tables): its second stage asks the background for one table
 * (`utils/content-ui-language.ts`).
 *
 * Use:
 *  - `await loadUiLanguage()` once before the first render (reads the setting; cached per page, so
 *    later calls cost nothing), then `uiLanguage()` / `currentTranslator()` answer in the chosen
 *    language;
 *  - `onUiLanguageChanged(cb)` to re-render when the reader changes it (also in other tabs), with
 *    `currentTranslator()` as the `I18nContext` value (a new value per language, so views update).
 * Until `loadUiLanguage()` has resolved they answer in the browser's language.
 *
 * (No export is named `translate` or `translatorFor`: WXT would auto-import it into any module that
 * has a property or method of that name, the content script's second stage among them, and with it
 * both tables: tests/unit/auto-imports.test.ts.)
 *
 * Manifest strings (`__MSG_…__`: name, description, the shortcut's description) and the context
 * menu's title are the browser's to show and follow the browser's language.
 */

const TEXTS: Record<Lang, string> = { en: enText, ja: jaText };

const pages = new UiLanguage((lang): MessageTable => {
  try {
    return JSON.parse(TEXTS[lang]) as MessageTable;
  } catch {
    return {}; // cannot happen with the bundled files; keys then show, never a crash
  }
});

/** The translator of the chosen language, as a value that changes when the language does. */
export const currentTranslator = (): Translate => pages.translator();

/** The chosen UI language (the browser's until `loadUiLanguage()` has read the setting). */
export const uiLanguage = (): Lang => pages.lang();

/** Reads the setting once per page (later calls share the first read) and answers the chosen language. */
export const loadUiLanguage = (): Promise<Lang> => pages.load();

/** Calls `cb` when the chosen language changes (after `currentTranslator()` has switched); returns an unsubscribe function. */
export const onUiLanguageChanged = (cb: (lang: Lang) => void): (() => void) => pages.onChanged(cb);
