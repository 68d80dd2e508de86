import { browser } from 'wxt/browser';
import type { Reply, Request } from '../lib/messages/protocol';

/** Typed wrapper over `runtime.sendMessage`: the one way extension pages and content scripts talk to the background. */
export async function sendRequest<R extends Request>(request: R): Promise<Reply<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as Reply<R['type']>;
}
