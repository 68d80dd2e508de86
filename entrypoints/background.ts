import { browser } from 'wxt/browser';
import { CounterpointDb } from '../lib/storage/db';
import { handleMessage } from '../lib/messages/handle';
import { isClaimsDataRequest, type ClaimsDataReply } from '../lib/messages/claims-data';
import { parseSourceOpen, sourceViewPath } from '../lib/messages/source-open';
import compiledIndex from '../lib/generated/claims-index.json';
import cardCatalog from '../lib/generated/claims-catalog.json';
import { purgeTrash } from '../lib/storage/notes-repo';
import { wireNotesCommands } from '../utils/notes-commands';

export default defineBackground(() => {
  // The database lives in the extension's origin; content scripts reach it only through messages.
  const db = new CounterpointDb();

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own extension's pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) return undefined;
    // The dataset lives here, not in the content script (see entrypoints/content/engine.ts).
    if (isClaimsDataRequest(message)) {
      return Promise.resolve<ClaimsDataReply>({ ok: true, index: compiledIndex as never, catalog: cardCatalog as never });
    }
    const openSource = parseSourceOpen(message);
    if (openSource) {
      return browser.tabs
        .create({ url: browser.runtime.getURL(sourceViewPath(openSource) as never), index: sender.tab ? sender.tab.index + 1 : undefined })
        .then(() => ({ ok: true }), (e: unknown) => ({ ok: false, error: String(e) }));
    }
    return handleMessage(db, message);
  });

  // Context menu + keyboard shortcut → the tab's note editor (each only if the manifest grants it).
  wireNotesCommands();

  // Deleted notes wait a week for "undo"; only those are ever removed. A failure here is harmless.
  purgeTrash(db, Date.now()).catch(() => undefined);
});
