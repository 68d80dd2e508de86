/**
 * Who sent a message, from the browser's `runtime.onMessage` sender (never from the message).
 *
 * Measured in Chromium 156 and Firefox ESR 153 (see README "Privacy"): for a content script,
 * `sender.url` stays the document's first address after `history.pushState`, while `sender.tab.url`
 * follows it; `sender.origin` is the page's origin in both. So a content script's page is the tab's
 * address when that is on the document's origin (a same-document navigation cannot leave it), else
 * the document's address. Extension pages are recognised by their origin, whether or not they are
 * open in a tab (the source view, or the side panel opened in a tab, have `sender.tab` too).
 */

import type { RequestSender } from './protocol';

/** The part of `runtime.MessageSender` this reads. */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number; index: number; url?: string; incognito?: boolean };
}

/**
 * `scheme://host[:port]`. Not `URL.origin`, which is "null" for schemes the URL standard does not
 * know (`chrome-extension:`, `moz-extension:`) outside the browsers that special-case them.
 */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/** `own`: this extension's id and origin (`chrome-extension://<id>`, `moz-extension://<uuid>`). */
export function senderFrom(raw: RawSender, own: { id: string; origin: string }): RequestSender | null {
  if (raw.id !== own.id) return null;
  const docOrigin = raw.origin && raw.origin !== 'null' ? raw.origin : originOf(raw.url);
  if (docOrigin === own.origin && originOf(raw.url) === own.origin) {
    return raw.tab ? { kind: 'extension-page', tabIndex: raw.tab.index } : { kind: 'extension-page' };
  }
  const tab = raw.tab;
  if (!tab || typeof tab.id !== 'number' || tab.id < 0 || (raw.frameId ?? 0) !== 0) return null;
  if (!raw.url || !/^https?:\/\//.test(raw.url) || originOf(raw.url) !== docOrigin) return null;
  const url = tab.url && originOf(tab.url) === docOrigin ? tab.url : raw.url;
  const documentId = typeof raw.documentId === 'string' && raw.documentId ? raw.documentId : undefined;
  return {
    kind: 'content-script',
    tabId: tab.id,
    tabIndex: tab.index,
    url,
    ...(documentId ? { documentId } : {}),
    ...(tab.incognito ? { private: true } : {}),
  };
}
