import { extensionApi } from './extension-api';
import { FIRST_STAGE_FILE } from './stage-slots';
import type { BackgroundRequest, PanelRequest, Reply, TabRequest } from '../lib/messages/protocol';

/**
 * The one way the extension's parts talk: typed wrappers over `runtime.sendMessage` (to the
 * background) and `tabs.sendMessage` (to one tab's content script). The reply type follows the
 * request kind (`ReplyMap` in lib/messages/protocol.ts); a missing answer becomes an error reply.
 */
export async function sendRequest<R extends BackgroundRequest>(request: R): Promise<Reply<R['type']>> {
  return orError<R['type']>(await extensionApi().runtime.sendMessage(request));
}

/**
 * To the content script of `tabId`'s top frame. The content script that runs on every page (the
 * first look, lib/page/first-look.ts) listens to nothing; what answers is its first stage, which
 * runs only on pages that need it. So when nothing answers, this injects the first stage into the
 * tab's top frame (`scripting`, as the background does) and asks again. Rejects with the first
 * error when that cannot be done (not a web page, no host access).
 */
export async function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<Reply<R['type']>> {
  const api = extensionApi();
  const ask = async (): Promise<Reply<R['type']>> => orError<R['type']>(await api.tabs.sendMessage(tabId, request, { frameId: 0 }));
  try {
    return await ask();
  } catch (e) {
    if (!/receiving end does not exist/i.test(e instanceof Error ? e.message : String(e))) throw e;
    const injected = await api.scripting?.executeScript({ target: { tabId, frameIds: [0] }, files: [FIRST_STAGE_FILE] }).then(
      () => true,
      () => false,
    );
    if (!injected) throw e;
    return ask();
  }
}

/** From the background to the extension's open pages (the side panel); nobody listening is fine. */
export async function sendToExtensionPages(request: PanelRequest): Promise<void> {
  await extensionApi().runtime.sendMessage(request).catch(() => undefined);
}

function orError<T extends BackgroundRequest['type'] | TabRequest['type']>(reply: unknown): Reply<T> {
  if (typeof reply !== 'object' || reply === null) return { ok: false, error: 'No answer from the extension.' };
  return reply as Reply<T>;
}
