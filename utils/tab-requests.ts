import { browser } from 'wxt/browser';
import { parseTabRequest, type Reply, type RequestOf, type TabRequest } from '../lib/messages/protocol';

/** One handler per kind of tab request, each answering with that kind's reply. */
export type TabRequestHandlers = {
  [K in TabRequest['type']]: (request: RequestOf<K>) => Reply<K> | Promise<Reply<K>>;
};

/**
 * The content script's end of `sendToTab`: requests from this extension only (the popup, the
 * background), parsed by the protocol's one parser; anything else is ignored. Returns the
 * function that stops listening.
 */
export function listenForTabRequests(handlers: TabRequestHandlers): () => void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseTabRequest(message);
    if (!request) return undefined;
    const handle = handlers[request.type] as (r: TabRequest) => ReturnType<TabRequestHandlers[TabRequest['type']]>;
    return Promise.resolve(handle(request));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
