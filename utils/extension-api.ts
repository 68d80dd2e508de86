import type Browser from 'webextension-polyfill';

/**
 * The extension API as the browser itself provides it: `browser` in Firefox, `chrome` in Chromium.
 * In Manifest V3 both return promises from the calls used here (messages, storage, i18n, tabs),
 * so the content script needs no webextension-polyfill: its first stage runs on every page, and
 * the polyfill (~10 KB minified) was parsed and set up there each time. The background and the
 * extension's pages keep the polyfill (`wxt/browser`). The one difference that matters: a
 * message listener answers with `sendResponse` and `return true` (`utils/tab-requests.ts`), not by
 * returning a promise, which is the polyfill's convention.
 */
export type ExtensionApi = Browser.Browser;

export function extensionApi(): ExtensionApi {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  // `in`, not `g.browser?.runtime`: reading a namespace makes the browser build that namespace's
  // bindings in this world (each costs a content script ~0.3 ms on every page), and the first look
  // needs only `storage`. (`browser` may also be a page element named by its id: it has no `runtime`.)
  return (g.browser && 'runtime' in g.browser ? g.browser : g.chrome)!;
}

/**
 * Whether the browser inherits highlight styles from the root (lib/overlay/highlight.ts,
 * `highlightSelector`): Chromium does (since 105), Firefox does not (measured in Chromium 156 and
 * Firefox ESR 153: a root `::highlight()` rule paints nothing in Firefox). Told apart by the
 * extension's own URL scheme, which no page can change.
 */
export function inheritsHighlightStyles(): boolean {
  try {
    return extensionApi().runtime.getURL('/').startsWith('chrome-extension:');
  } catch {
    return false;
  }
}
