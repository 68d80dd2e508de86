import { browser } from 'wxt/browser';
import { MemoryFocusStore, type FocusStore } from '../lib/messages/focus';
import type { NoteFocus } from '../lib/messages/protocol';
import { currentTranslator, loadUiLanguage } from './i18n';

const key = (tabId: number): string => `focus:${tabId}`;

/**
 * Each tab's focus note (lib/messages/focus.ts) in `storage.session`: it outlives a stopped service
 * worker or event page (the reader may open the side panel minutes after the link), is gone when
 * the browser closes, and is not exposed to content scripts (the default access level in both
 * browsers). In memory where the browser has no session storage.
 */
export function sessionFocusStore(): FocusStore {
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  if (!session) return new MemoryFocusStore();
  return {
    get: async (tabId) => ((await session.get(key(tabId)))[key(tabId)] as NoteFocus | undefined) ?? null,
    set: (tabId, focus) => session.set({ [key(tabId)]: focus }),
    delete: (tabId) => session.remove(key(tabId)),
  };
}

/** Forgets a closed tab's focus. */
export function forgetClosedTabs(store: FocusStore): void {
  browser.tabs.onRemoved.addListener((tabId) => void store.delete(tabId).catch(() => undefined));
}

/**
 * Marks the toolbar button of a tab whose note waits in the side panel (a badge and a title that
 * say so; the browser resets both when the tab loads another page). Browser UI only: the page
 * cannot see it. No permission needed.
 */
export function toolbarMarker() {
  return async (tabId: number, focus: NoteFocus | null): Promise<void> => {
    const action = browser.action;
    if (!action) return;
    await loadUiLanguage(); // the title in the reader's UI language
    await action.setBadgeText({ tabId, text: focus ? '✎' : '' });
    await action.setTitle({ tabId, title: currentTranslator()(focus ? 'actionNoteWaiting' : 'actionTitle') });
    if (focus) await action.setBadgeBackgroundColor({ tabId, color: '#7a5c00' });
  };
}
