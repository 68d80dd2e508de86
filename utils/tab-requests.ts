import { extensionApi } from './extension-api';
import { parseTabRequest, type Reply, type RequestOf, type TabRequest } from '../lib/messages/protocol';

/** One handler per kind of tab request, each answering with that kind's reply. */
export type TabRequestHandlers = {
  [K in TabRequest['type']]: (request: RequestOf<K>) => Reply<K> | Promise<Reply<K>>;
};

/**
 * The content script's end of `sendToTab`: requests from this extension only (the popup, the
 * background), parsed by the protocol's one parser; anything else is ignored. The answer goes
 * through `sendResponse` (and `return true` keeps the channel open for it): the browser's own API,
 * without the polyfill (see utils/extension-api.ts). Returns the function that stops listening.
 */
export function listenForTabRequests(handlers: TabRequestHandlers): () => void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void): true | undefined => {
    if (sender.id !== extensionApi().runtime.id) return undefined;
    const request = parseTabRequest(message);
    if (!request) return undefined;
    const handle = handlers[request.type] as (r: TabRequest) => ReturnType<TabRequestHandlers[TabRequest['type']]>;
    Promise.resolve()
      .then(() => handle(request))
      .then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  };
  const onMessage = extensionApi().runtime.onMessage as unknown as { addListener(l: typeof listener): void; removeListener(l: typeof listener): void };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
