import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
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
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  const firefox = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (firefox) return firefox.open();
    if (chromeApi?.sidePanel) return chromeApi.sidePanel.open({ windowId: windowId ?? CURRENT_WINDOW });
  } catch (e) {
    return Promise.reject(e);
  }
  return Promise.reject(new Error('this browser has no side panel'));
}
