import { browser } from 'wxt/browser';
import { CounterpointDb } from '../lib/storage/db';
import { captureDraft, handleMessage, type HandlerDeps } from '../lib/messages/handle';
import type { CompiledIndex } from '../lib/index/format';
import { loadIndex } from '../lib/index/load';
import claimsIndexText from '../lib/generated/claims-index.json?raw';
import claimsCatalogText from '../lib/generated/claims-catalog.json?raw';
import claimsRestate from '../lib/generated/claims-restate.json';
import messagesEn from '../public/_locales/en/messages.json?raw';
import messagesJa from '../public/_locales/ja/messages.json?raw';
import { contentDataSource } from '../lib/messages/content-data';
import { findRestatements } from '../lib/restate/remote';
import { claimsFinder } from '../lib/match/find-claims';
import { notePageKeys, purgeTrash } from '../lib/storage/notes-repo';
import { PAGE_KEYS_ITEM } from '../lib/storage/page-keys';
import { requestSender } from '../utils/message-sender';
import { stageInjector } from '../utils/inject-stage';
import { FIRST_STAGE_FILE, SECOND_STAGE_FILE } from '../utils/stage-slots';
import { DraftDesk } from '../lib/messages/drafts';
import { sendToExtensionPages, sendToTab } from '../utils/messaging';
import { wireNotesCommands } from '../utils/notes-commands';
import { wireClaimCommands } from '../utils/claim-commands';
import { readReaderSettings } from '../utils/reader-settings';
import { openSidePanel, openSidePanelForTab } from '../utils/side-panel';
import { forgetClosedTabs, sessionFocusStore, toolbarMarker } from '../utils/note-focus';

let indexMemo: CompiledIndex | null = null;
/** The first tier's index with the restatement tier's part (compiled apart: scripts/compile-dataset.ts). */
function claimsIndex(): CompiledIndex {
  return (indexMemo ??= loadIndex({ ...(JSON.parse(claimsIndexText) as CompiledIndex), restate: claimsRestate as unknown as CompiledIndex['restate'] }));
}
let findClaimsMemo: ReturnType<typeof claimsFinder> | null = null;

export default defineBackground(() => {
  // The database lives in the extension's origin; content scripts reach it only through messages.
  const db = new CounterpointDb();

  // Keeps the content scripts' "may this page have notes?" set true (see lib/storage/page-keys.ts).
  let keysQueue: Promise<void> = Promise.resolve();
  const queueKeys = (job: () => Promise<void>): Promise<void> => (keysQueue = keysQueue.then(job, job));
  const pageKeys = {
    withdraw: (): Promise<void> => queueKeys(() => browser.storage.local.remove(PAGE_KEYS_ITEM).catch(() => undefined)),
    sync: (): Promise<void> =>
      queueKeys(async () => {
        try {
          await browser.storage.local.set({ [PAGE_KEYS_ITEM]: await notePageKeys(db) });
        } catch {
          // Unknown is safe: content scripts then ask, as before.
          await browser.storage.local.remove(PAGE_KEYS_ITEM).catch(() => undefined);
        }
      }),
  };

  // The note the reader asked to see in each tab, by its link or at its highlight (lib/messages/focus.ts).
  const focus = sessionFocusStore();
  forgetClosedTabs(focus);

  const deps: HandlerDeps = {
    db,
    drafts: new DraftDesk(() => crypto.randomUUID(), () => Date.now()),
    askTab: sendToTab,
    // The content script's parts (first stage, second stage), into the asking document only (README
    // "What the content script costs a page").
    injectFirstStage: stageInjector(FIRST_STAGE_FILE),
    injectSecondStage: stageInjector(SECOND_STAGE_FILE),
    // What the second stage needs but does not carry (its size: README "What the content script
    // costs a page").
    contentData: contentDataSource({ claimsCatalog: claimsCatalogText, messages: { en: messagesEn, ja: messagesJa } }),
    // Both tiers run here, where their index is (lib/match/find-claims.ts, lib/restate/remote.ts):
    // the page sends the text of an article that passed the gate and gets offsets back; nothing of
    // the text is kept.
    findClaims: (text, language) => (findClaimsMemo ??= claimsFinder(claimsIndex()))(text, language),
    restate: (parts, date) => findRestatements(claimsIndex(), parts, date),
    openTab: async (path, afterIndex) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as never), index: afterIndex === undefined ? undefined : afterIndex + 1 });
    },
    pageKeys,
    focus,
    openPanel: openSidePanelForTab,
    markTab: toolbarMarker(),
    tellPages: sendToExtensionPages,
    historyEnabled: async () => (await readReaderSettings()).readingHistory,
  };

  // Every message, from any part of the extension, is parsed and answered in one place.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const from = requestSender(sender);
    if (!from) return undefined;
    return handleMessage(deps, message, from);
  });

  // After an install or update (a migrated database) and at browser start.
  browser.runtime.onInstalled.addListener(() => void pageKeys.sync());
  browser.runtime.onStartup.addListener(() => void pageKeys.sync());

  // Context menu + keyboard shortcut (each only if the manifest grants it): the side panel opens,
  // at once (the browser allows it only in the gesture's own listener), and the tab's selection is
  // captured as a draft the panel picks up.
  wireNotesCommands((tab) => {
    openSidePanel(tab.windowId).catch((e: unknown) => console.warn('[Counterpoint] could not open the side panel', e));
    void (async () => {
      const tabId = tab.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      deps.drafts!.putReady(tabId, await captureDraft(deps, tabId));
      // A panel already open takes it now; one that is opening takes it when it loads.
      await sendToExtensionPages({ type: 'panel:draft-ready', tabId });
    })();
  });

  // "Next claim" / "previous claim": the browser's own shortcut (the reader's gesture, which page
  // script cannot make), passed to the active tab's overlay.
  wireClaimCommands((tabId, direction) => {
    void sendToTab(tabId, { type: 'overlay:step', direction }).catch(() => undefined);
  });

  // Deleted notes wait a week for "undo"; only those are ever removed. A failure here is harmless.
  purgeTrash(db, Date.now()).catch(() => undefined);
});
