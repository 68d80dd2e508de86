import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { RequestSender } from '../lib/messages/protocol';

/**
 * The browser's account of who sent a message, as the protocol's `RequestSender`, or null when it
 * is not this extension (another extension, or a page through `externally_connectable`, which we
 * do not declare). Nothing here comes from the message itself.
 */
export function requestSender(sender: Runtime.MessageSender): RequestSender | null {
  if (sender.id !== browser.runtime.id) return null;
  const tab = sender.tab;
  if (tab && typeof tab.id === 'number' && tab.id >= 0 && typeof sender.url === 'string' && /^https?:/.test(sender.url)) {
    return { kind: 'content-script', tabId: tab.id, tabIndex: tab.index, url: sender.url };
  }
  return { kind: 'extension-page', ...(tab ? { tabIndex: tab.index } : {}) };
}
