import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}

function panelApis() {
  return {
    chromeApi: (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome,
    firefox: (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction,
  };
}

/** `windows.WINDOW_ID_CURRENT`. */
const CURRENT_WINDOW = -2;

/**
 * Opens Counterpoint's side panel (Chrome's side panel, Firefox's sidebar) in a window. Both
 * browsers allow it only in direct response to the reader (measured: Chromium 156 refuses
 * "`sidePanel.open()` may only be called in response to a user gesture", Firefox ESR 153 "may only
 * be called from a user input handler"): call it first thing, synchronously, in a context-menu or
 * command listener or a click handler of an extension page, before any `await`.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const { chromeApi, firefox } = panelApis();
  try {
    if (firefox) return firefox.open();
    if (chromeApi?.sidePanel) return chromeApi.sidePanel.open({ windowId: windowId ?? CURRENT_WINDOW });
  } catch (e) {
    return Promise.reject(e);
  }
  return Promise.reject(new Error('this browser has no side panel'));
}

/**
 * Opens the side panel in the window of a tab, for a request a content script made in a trusted
 * click ("Show note" at a highlight). Measured: Chromium 156 passes the click's user gesture on
 * with the message, so this opens the panel when called synchronously in the message listener;
 * Firefox ESR 153 refuses ("may only be called from a user input handler"), and the reader opens
 * the sidebar themselves (the note waits there: lib/messages/focus.ts).
 */
export function openSidePanelForTab(tabId: number): Promise<void> {
  const { chromeApi, firefox } = panelApis();
  try {
    if (firefox) return firefox.open();
    if (chromeApi?.sidePanel) return chromeApi.sidePanel.open({ tabId });
  } catch (e) {
    return Promise.reject(e);
  }
  return Promise.reject(new Error('this browser has no side panel'));
}
