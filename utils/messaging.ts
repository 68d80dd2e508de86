import { browser } from 'wxt/browser';
import type { BackgroundRequest, PanelRequest, Reply, TabRequest } from '../lib/messages/protocol';

/**
 * The one way the extension's parts talk: typed wrappers over `runtime.sendMessage` (to the
 * background) and `tabs.sendMessage` (to one tab's content script). The reply type follows the
 * request kind (`ReplyMap` in lib/messages/protocol.ts); a missing answer becomes an error reply.
 */
export async function sendRequest<R extends BackgroundRequest>(request: R): Promise<Reply<R['type']>> {
  return orError<R['type']>(await browser.runtime.sendMessage(request));
}

/** To the content script of `tabId`'s top frame. Rejects when the tab has none (not a web page, or opened before install). */
export async function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<Reply<R['type']>> {
  return orError<R['type']>(await browser.tabs.sendMessage(tabId, request, { frameId: 0 }));
}

/** From the background to the extension's open pages (the side panel); nobody listening is fine. */
export async function sendToExtensionPages(request: PanelRequest): Promise<void> {
  await browser.runtime.sendMessage(request).catch(() => undefined);
}

function orError<T extends BackgroundRequest['type'] | TabRequest['type']>(reply: unknown): Reply<T> {
  if (typeof reply !== 'object' || reply === null) return { ok: false, error: 'No answer from the extension.' };
  return reply as Reply<T>;
}
