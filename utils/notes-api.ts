import { browser } from 'wxt/browser';
import type { NotesApi, StorageProtection } from '../components/popup/api';
import { canonicalUrl } from '../lib/anchoring/canonical-url';
import type { BackgroundRequest, ReplyMap } from '../lib/messages/protocol';
import type { PageKey } from '../lib/storage/notes-repo';
import { sendRequest, sendToTab } from './messaging';

/** Sends a request and turns `{ ok: false }` into an Error carrying the background's message. */
async function call<R extends BackgroundRequest>(request: R): Promise<ReplyMap[R['type']]> {
  const reply = await sendRequest(request);
  if (!reply.ok) throw new Error(reply.error);
  return reply as ReplyMap[R['type']];
}

/** The active tab's page, asked from its content script (canonical link) or read from the tab URL. */
async function activePage(): Promise<PageKey | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return null;
  try {
    const info = await sendToTab(tab.id, { type: 'notes:page-info' });
    if (info.ok && info.page) return info.page;
  } catch {
    // No content script there (not a web page, or loaded before the extension): use the tab URL.
  }
  if (!tab.url) return null;
  const url = canonicalUrl({ href: tab.url });
  return url ? { url, sourceUrl: tab.url, title: tab.title ?? '' } : null;
}

async function storageStatus(): Promise<StorageProtection> {
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
  const unlimited = (browser.runtime.getManifest().permissions ?? []).includes('unlimitedStorage');
  return { persisted, unlimited };
}

/** The popup's `NotesApi` over messages and extension APIs. */
export function createNotesApi(): NotesApi {
  return {
    list: (q) => call({ type: 'notes:list', ...q }),
    update: async (id, body) => (await call({ type: 'notes:update', id, body })).note,
    remove: async (id) => {
      await call({ type: 'notes:delete', id });
    },
    restore: async (id) => (await call({ type: 'notes:restore', id })).note,
    exportNotes: (format) => call({ type: 'notes:export', format }),
    importNotes: (content) => call({ type: 'notes:import', content }),
    currentPageCount: async () => {
      const page = await activePage();
      if (!page) return null;
      const r = await call({ type: 'notes:page', page });
      return r.notes.length;
    },
    storageStatus,
    requestPersistence: async () => {
      if (navigator.storage?.persist) await navigator.storage.persist();
      return storageStatus();
    },
    openPage: (url) => {
      void browser.tabs.create({ url });
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    saveFile: (content, filename, mimeType) => {
      const href = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = href;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: the download reads the blob asynchronously.
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    },
  };
}
