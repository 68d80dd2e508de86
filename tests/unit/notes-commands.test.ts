import { beforeEach, describe, expect, it, vi } from 'vitest';

// A minimal stand-in for the extension API: the parts notes-commands and side-panel touch.
const calls: string[] = [];
const titles: string[] = [];
const listeners: { menu?: (info: { menuItemId: string }, tab?: { id?: number; windowId?: number }) => void; command?: (c: string, tab?: { id?: number; windowId?: number }) => void } = {};
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getMessage: (k: string) => k },
    contextMenus: {
      removeAll: async () => undefined,
      create: (item: { title: string }) => void titles.push(`create ${item.title}`),
      update: async (_id: string, item: { title: string }) => void titles.push(`update ${item.title}`),
      onClicked: { addListener: (f: typeof listeners.menu) => (listeners.menu = f) },
    },
    commands: { onCommand: { addListener: (f: typeof listeners.command) => (listeners.command = f) } },
  },
}));

// The reader's settings and the browser's language, as utils/i18n.ts reads them.
const stored: Record<string, unknown> = {};
const changeListeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
vi.mock('../../utils/extension-api', () => ({
  extensionApi: () => ({
    i18n: { getUILanguage: () => 'en-US' },
    storage: {
      local: { get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) },
      onChanged: { addListener: (l: (c: Record<string, unknown>, a: string) => void) => changeListeners.add(l), removeListener: () => undefined },
    },
  }),
}));
const { READER_SETTING_KEYS } = await import('../../lib/settings/reader-settings');

const { wireNotesCommands, HIGHLIGHT_COMMAND, HIGHLIGHT_MENU_ID } = await import('../../utils/notes-commands');
const { openSidePanel } = await import('../../utils/side-panel');

beforeEach(() => {
  calls.length = 0;
  (globalThis as { chrome?: unknown }).chrome = {
    sidePanel: {
      open: (o: { windowId?: number }) => {
        calls.push(`sidePanel.open(${o.windowId})`);
        return Promise.resolve();
      },
    },
  };
});

describe('context menu and shortcut start a note', () => {
  it('call startNote synchronously in the gesture listener, so the side panel may open', () => {
    wireNotesCommands((tab) => {
      // What the background does first: open the panel, before any await.
      void openSidePanel(tab.windowId);
      calls.push(`startNote(${tab.id})`);
    });
    listeners.menu!({ menuItemId: HIGHLIGHT_MENU_ID }, { id: 4, windowId: 2 });
    expect(calls).toEqual(['sidePanel.open(2)', 'startNote(4)']);
    listeners.menu!({ menuItemId: 'something-else' }, { id: 4, windowId: 2 });
    listeners.command!(HIGHLIGHT_COMMAND, { id: 5, windowId: 3 });
    listeners.command!('other-command', { id: 5, windowId: 3 });
    expect(calls).toEqual(['sidePanel.open(2)', 'startNote(4)', 'sidePanel.open(3)', 'startNote(5)']);
    // A command without a tab still opens the panel in the current window.
    listeners.command!(HIGHLIGHT_COMMAND, undefined);
    expect(calls.slice(-2)).toEqual(['sidePanel.open(-2)', 'startNote(undefined)']);
  });

  it('opening the panel fails plainly where the browser has none', async () => {
    (globalThis as { chrome?: unknown }).chrome = undefined;
    await expect(openSidePanel(1)).rejects.toThrow(/no side panel/);
  });

  it('titles the context-menu item in the reader\'s UI language (settings page), and retitles it when that changes', async () => {
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
    titles.length = 0;
    stored[READER_SETTING_KEYS.uiLanguage] = 'ja'; // an English browser, Japanese chosen
    vi.resetModules(); // utils/i18n.ts reads the setting once per page: a fresh background
    const fresh = await import('../../utils/notes-commands');
    fresh.wireNotesCommands(() => undefined);
    await settle();
    expect(titles).toEqual(['create ハイライトしてメモ']);
    stored[READER_SETTING_KEYS.uiLanguage] = 'en';
    for (const l of changeListeners) l({ [READER_SETTING_KEYS.uiLanguage]: { newValue: 'en' } }, 'local');
    await settle();
    await settle();
    expect(titles).toEqual(['create ハイライトしてメモ', 'update Highlight & note']);
  });
});
