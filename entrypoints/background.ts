import { browser } from 'wxt/browser';
import { CounterpointDb } from '../lib/storage/db';
import { handleMessage } from '../lib/messages/handle';
import { isClaimsDataRequest, type ClaimsDataReply } from '../lib/messages/claims-data';
import { parseSourceOpen, sourceViewPath } from '../lib/messages/source-open';
import compiledIndex from '../lib/generated/claims-index.json';
import cardCatalog from '../lib/generated/claims-catalog.json';
import { notePageKeys, purgeTrash } from '../lib/storage/notes-repo';
import { PAGE_KEYS_ITEM } from '../lib/storage/page-keys';
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
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'notes:add' || type === 'notes:restore' || type === 'notes:import' || type === 'notes:delete') {
      // Keep the content scripts' "may this page have notes?" set true (see lib/storage/page-keys.ts):
      // withdrawn before a note is added (a worker stopped midway leaves "ask", never a miss),
      // rebuilt from the database before the reply.
      return (type === 'notes:delete' ? Promise.resolve() : withdrawPageKeys())
        .then(() => handleMessage(db, message))
        .then(async (reply) => {
          await syncPageKeys();
          return reply;
        });
    }
    return handleMessage(db, message);
  });

  let keysQueue: Promise<void> = Promise.resolve();
  const queueKeys = (job: () => Promise<void>): Promise<void> => (keysQueue = keysQueue.then(job, job));
  const withdrawPageKeys = (): Promise<void> => queueKeys(() => browser.storage.local.remove(PAGE_KEYS_ITEM).catch(() => undefined));
  const syncPageKeys = (): Promise<void> =>
    queueKeys(async () => {
      try {
        await browser.storage.local.set({ [PAGE_KEYS_ITEM]: await notePageKeys(db) });
      } catch {
        // Unknown is safe: content scripts then ask, as before.
        await browser.storage.local.remove(PAGE_KEYS_ITEM).catch(() => undefined);
      }
    });
  // After an install or update (a migrated database) and at browser start.
  browser.runtime.onInstalled.addListener(() => void syncPageKeys());
  browser.runtime.onStartup.addListener(() => void syncPageKeys());

  // Context menu + keyboard shortcut → the tab's note editor (each only if the manifest grants it).
  wireNotesCommands();

  // Deleted notes wait a week for "undo"; only those are ever removed. A failure here is harmless.
  purgeTrash(db, Date.now()).catch(() => undefined);
});
