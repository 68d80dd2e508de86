import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { RequestSender } from '../lib/messages/protocol';
import { originOf, senderFrom } from '../lib/messages/sender';

/**
 * The browser's account of who sent a message, as the protocol's `RequestSender` (see
 * lib/messages/sender.ts), or null when it is not this extension's page or top-frame content script.
 */
export function requestSender(sender: Runtime.MessageSender): RequestSender | null {
  return senderFrom(sender as never, { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/')) ?? '' });
}
