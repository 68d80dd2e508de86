import { browser } from 'wxt/browser';
import type { RequestSender } from '../lib/messages/protocol';

/** The content script's second stage, as built (entrypoints/content-stage-two/). */
export const SECOND_STAGE_FILE = '/content-stage-two.js';

/** Documents remembered as injected (a worker that lives long forgets the oldest first). */
const REMEMBERED = 256;

type ContentScriptSender = Extract<RequestSender, { kind: 'content-script' }>;

/**
 * The background's end of `content:second-stage`: injects the second stage into the asking
 * content script's own document with `scripting.executeScript({ target, files })`, in the content
 * scripts' isolated world, where it meets the first stage. The target is the browser's account of
 * the sender: its tab and, where the browser names it, its document (`documentIds`: a tab that
 * has moved on to another page since gets nothing), else the tab's top frame (the only frame a
 * content script may ask from, see lib/messages/sender.ts). A document is injected once, however
 * often it asks (the first stage asks once; the second stage also ignores a second evaluation);
 * asks that arrive while an injection is under way wait for it.
 *
 * Needs the `scripting` permission and host access to the page (README "Permissions"). Nothing
 * is web-accessible: the file is read by the browser, never fetched by the page.
 */
export function secondStageInjector(): (sender: ContentScriptSender) => Promise<void> {
  const injected = new Map<string, Promise<void>>();
  return (sender) => {
    const key = sender.documentId;
    const known = key ? injected.get(key) : undefined;
    if (known) return known;
    const target = key ? { tabId: sender.tabId, documentIds: [key] } : { tabId: sender.tabId, frameIds: [0] };
    const run = browser.scripting
      .executeScript({ target: target as never, files: [SECOND_STAGE_FILE] })
      .then(() => undefined);
    if (key) {
      injected.set(key, run);
      run.catch(() => injected.delete(key)); // a failure may be retried
      if (injected.size > REMEMBERED) injected.delete(injected.keys().next().value!);
    }
    return run;
  };
}
