import { browser } from 'wxt/browser';
import type { Translate } from '../components/i18n';
import type { Lang } from '../lib/dataset/types';

/** `_locales/` lookup; falls back to the key so a missing string is visible, not blank. */
export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as never, substitutions) || key;

/** The reader's UI language, as the browser reports it (Japanese or, for everything else, English). */
export function uiLanguage(): Lang {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('ja') ? 'ja' : 'en';
  } catch {
    return 'en';
  }
}
