import { browser } from 'wxt/browser';
import type { RequestSender } from '../lib/messages/protocol';

import type { FIRST_STAGE_FILE, SECOND_STAGE_FILE } from './stage-slots';

/** Documents remembered as injected (a worker that lives long forgets the oldest first). */
const REMEMBERED = 256;

type ContentScriptSender = Extract<RequestSender, { kind: 'content-script' }>;

/**
 * The background's end of `content:first-stage` and `content:second-stage`: injects that stage's
 * `file` into the asking content script's own document with `scripting.executeScript({ target, files })`, in the content
 * scripts' isolated world, where it meets the first stage. The target is the browser's account of
 * the sender: its tab and, where the browser names it, its document (`documentIds`: a tab that
 * has moved on to another page since gets nothing), else the tab's top frame (the only frame a
 * content script may ask from, see lib/messages/sender.ts). A document is injected once, however
 * often it asks (each stage is asked for once; each also ignores a second evaluation);
 * asks that arrive while an injection is under way wait for it.
 *
 * Needs the `scripting` permission and host access to the page (README "Permissions"). Nothing
 * is web-accessible: the file is read by the browser, never fetched by the page.
 */
export function stageInjector(file: typeof FIRST_STAGE_FILE | typeof SECOND_STAGE_FILE): (sender: ContentScriptSender) => Promise<void> {
  const injected = new Map<string, Promise<void>>();
  return (sender) => {
    const key = sender.documentId;
    const known = key ? injected.get(key) : undefined;
    if (known) return known;
    const target = key ? { tabId: sender.tabId, documentIds: [key] } : { tabId: sender.tabId, frameIds: [0] };
    const run = browser.scripting
      .executeScript({ target: target as never, files: [file] })
      .then(() => undefined);
    if (key) {
      injected.set(key, run);
      run.catch(() => injected.delete(key)); // a failure may be retried
      if (injected.size > REMEMBERED) injected.delete(injected.keys().next().value!);
    }
    return run;
  };
}
