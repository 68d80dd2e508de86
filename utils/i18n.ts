import { browser } from 'wxt/browser';
import type { Translate } from '../components/i18n';

/** `_locales/` lookup; falls back to the key so a missing string is visible, not blank. */
export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as never, substitutions) || key;
