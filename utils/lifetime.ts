import { browser } from 'wxt/browser';

/**
 * Whether this content script still belongs to a running extension: after an update, a reload or
 * an uninstall, an old copy keeps running in open tabs with no extension behind it (its
 * `runtime.id` is gone), and should take its UI away instead of acting.
 */
export function extensionAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string';
  } catch {
    return false;
  }
}
