import { browser } from 'wxt/browser';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged } from './i18n';

/** Manifest names: the `commands` key and the context-menu item id. */
export const HIGHLIGHT_COMMAND = 'highlight-note';
export const HIGHLIGHT_MENU_ID = 'counterpoint-highlight-note';

/** What starting a note needs to know about the tab it was asked in. */
export interface NoteTab {
  id?: number;
  windowId?: number;
}

/**
 * Context menu "Highlight & note" and the rebindable keyboard command: both are the reader's own
 * gestures in the browser's UI (page script can trigger neither), and both call `startNote`
 * synchronously, so it may open the side panel. Each part is wired only when the manifest grants
 * it (`contextMenus` permission, `commands` entry), so the background runs unchanged without them.
 */
export function wireNotesCommands(startNote: (tab: NoteTab) => void): void {
  const menus = (browser as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  if (menus) {
    // Titled in the reader's UI language (settings page), not only the browser's: the setting is
    // read first, and a change retitles the item.
    const title = (): string => currentTranslator()('contextMenuHighlight');
    // Recreated at every background start: a service worker / event page has no lasting state.
    void menus
      .removeAll()
      .then(() => loadUiLanguage())
      .then(() =>
        menus.create({
          id: HIGHLIGHT_MENU_ID,
          title: title(),
          contexts: ['selection'],
          documentUrlPatterns: ['http://*/*', 'https://*/*'],
        }),
      );
    // (Before the item exists the update fails, and the item is then created with the new title.)
    onUiLanguageChanged(() => void Promise.resolve(menus.update(HIGHLIGHT_MENU_ID, { title: title() })).catch(() => undefined));
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === HIGHLIGHT_MENU_ID && tab) startNote(tab);
    });
  }
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND) startNote(tab ?? {});
  });
}
