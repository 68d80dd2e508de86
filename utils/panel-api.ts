import { browser } from 'wxt/browser';
import type { PanelApi } from '../components/sidepanel/api';
import { parsePanelRequest, type BackgroundRequest, type PanelRequest, type ReplyMap } from '../lib/messages/protocol';
import { noteLink } from '../lib/links/note-link';
import type { Runtime } from 'webextension-polyfill';
import { requestSender } from './message-sender';
import { sendRequest, sendToTab } from './messaging';

/** Sends a request and turns `{ ok: false }` into an Error carrying the background's message. */
async function call<R extends BackgroundRequest>(request: R): Promise<ReplyMap[R['type']]> {
  const reply = await sendRequest(request);
  if (!reply.ok) throw new Error(reply.error);
  return reply as ReplyMap[R['type']];
}

/**
 * The tab the panel is about. In Chrome's side panel and Firefox's sidebar: the active tab of the
 * panel's window, followed as the reader switches tabs or the tab loads another page. Opened in a
 * tab of its own with `?tab=<id>` (e.g. by the end-to-end tests, which cannot open the browser's
 * side panel headless), the panel stays with that tab.
 */
function watchTab(cb: (tabId: number | null) => void): () => void {
  const bound = Number(new URLSearchParams(location.search).get('tab'));
  const pinned = Number.isSafeInteger(bound) && bound >= 0 && new URLSearchParams(location.search).has('tab') ? bound : null;
  let current: number | null = null;
  let windowId: number | undefined;
  let self: number | undefined;

  const report = (id: number | null): void => {
    current = id;
    cb(id);
  };
  const lookUp = async (): Promise<void> => {
    if (pinned !== null) return report(pinned);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    windowId = tab?.windowId;
    report(tab?.id !== undefined && tab.id !== self ? tab.id : null);
  };
  const onActivated = (info: { tabId: number; windowId: number }): void => {
    if (pinned === null && (windowId === undefined || info.windowId === windowId)) report(info.tabId === self ? null : info.tabId);
  };
  const onUpdated = (tabId: number, change: { status?: string }): void => {
    // The tab loaded a page (or another one): its page and notes are new.
    if (tabId === current && change.status === 'complete') report(tabId);
  };
  void browser.tabs.getCurrent().then((t) => {
    self = t?.id;
    return lookUp();
  });
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

/**
 * Messages for the extension's pages, from the background only: content scripts' runtime messages
 * reach extension pages too, and must not be taken for the background's.
 */
function onPanelRequests(cb: (request: PanelRequest) => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (requestSender(sender)?.kind !== 'extension-page') return undefined;
    const request = parsePanelRequest(message);
    if (request) cb(request);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Calls back for each message of `type` from the background (content scripts' messages reach extension pages too). */
function onPanelMessage(type: PanelRequest['type'], cb: (tabId: number) => void): () => void {
  return onPanelRequests((request) => {
    if (request.type === type) cb(request.tabId);
  });
}

/** The side panel's `PanelApi` over messages and extension APIs. */
export function createPanelApi(): PanelApi {
  return {
    watchTab,
    pageInfo: async (tabId) => {
      try {
        const r = await sendToTab(tabId, { type: 'notes:page-info' });
        return r.ok && r.page ? { page: r.page, highlights: r.highlights } : null;
      } catch {
        return null; // no content script there
      }
    },
    pageNotes: async (page) => {
      const { notes, candidates } = await call({ type: 'notes:page', page });
      return { notes, candidates };
    },
    capture: async (tabId) => (await call({ type: 'notes:capture', tabId })).draft,
    takeDraft: async (tabId) => {
      const { draft, error } = await call({ type: 'notes:take-draft', tabId });
      return { draft, error };
    },
    onDraftReady: (cb) => onPanelMessage('panel:draft-ready', cb),
    onPageEvent: (cb) =>
      onPanelRequests((request) => {
        if (request.type === 'panel:picked') cb({ kind: 'picked', tabId: request.tabId, item: request.item });
        else if (request.type === 'panel:page-updated') cb({ kind: 'updated', tabId: request.tabId });
      }),
    pageClaims: async (tabId) => {
      try {
        const r = await sendToTab(tabId, { type: 'overlay:claims' });
        return r.ok ? { hidden: r.hidden, claims: r.claims } : null;
      } catch {
        return null;
      }
    },
    revealClaim: async (tabId, claimId) => {
      const r = await sendToTab(tabId, { type: 'overlay:reveal', claimId }).catch(() => null);
      return !!r?.ok && r.found;
    },
    revealNote: async (tabId, id) => {
      const r = await sendToTab(tabId, { type: 'notes:reveal', id }).catch(() => null);
      return !!r?.ok && r.found;
    },
    showPage: async (tabId) => {
      await sendToTab(tabId, { type: 'overlay:show' }).catch(() => undefined);
    },
    openStory: async (claimId) => {
      await call(claimId ? { type: 'story:open', claimId } : { type: 'story:open' });
    },
    save: async (tabId, draft, body) => {
      const { note } = await call({
        type: 'notes:add',
        note: { url: draft.page.url, sourceUrl: draft.page.sourceUrl, title: draft.page.title, body, target: draft.target, claimId: draft.claimId },
      });
      // The page draws the new highlight (it never sees the text).
      await sendToTab(tabId, { type: 'notes:redraw' }).catch(() => undefined);
      return note;
    },
    focus: async (tabId) => (await call({ type: 'notes:focus', tabId })).focus,
    onFocusReady: (cb) => onPanelMessage('panel:focus-ready', cb),
    noteLink: async (tabId, note) => {
      const fromPage = await sendToTab(tabId, { type: 'notes:link', id: note.id }).catch(() => null);
      return fromPage?.ok && fromPage.link ? fromPage.link : noteLink(note);
    },
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
