import { browser } from 'wxt/browser';
import { sendToTab } from './messaging';

/** Manifest names: the `commands` key and the context-menu item id. */
export const HIGHLIGHT_COMMAND = 'highlight-note';
export const HIGHLIGHT_MENU_ID = 'counterpoint-highlight-note';

function startHighlight(tabId: number | undefined): void {
  if (tabId === undefined) return;
  // No content script (not a web page, or a tab opened before install): nothing to do.
  sendToTab(tabId, { type: 'notes:start-highlight' }).catch(() => undefined);
}

/**
 * Context menu "Highlight & note" and the rebindable keyboard command. Each part is wired only
 * when the manifest grants it (`contextMenus` permission, `commands` entry), so the background
 * runs unchanged without them.
 */
export function wireNotesCommands(): void {
  const menus = (browser as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  if (menus) {
    // Recreated at every background start: a service worker / event page has no lasting state.
    void menus.removeAll().then(() =>
      menus.create({
        id: HIGHLIGHT_MENU_ID,
        title: browser.i18n.getMessage('contextMenuHighlight'),
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === HIGHLIGHT_MENU_ID) startHighlight(tab?.id);
    });
  }
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== HIGHLIGHT_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    startHighlight(id);
  });
}
