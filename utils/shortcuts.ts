import { browser } from 'wxt/browser';

/** The manifest's command for "highlight the selection and write a note" (wxt.config.ts). */
export const HIGHLIGHT_COMMAND_NAME = 'highlight-note';

/**
 * The keys the reader's browser has for the highlight command: '' when the reader removed the
 * shortcut (or another extension took it), null when the browser cannot tell.
 */
export async function highlightShortcut(): Promise<string | null> {
  return commandShortcut(HIGHLIGHT_COMMAND_NAME);
}

/** The keys of any manifest command ('' when none is set, null when the browser cannot tell). */
export async function commandShortcut(name: string): Promise<string | null> {
  try {
    const all = await browser.commands.getAll();
    const command = all.find((c) => c.name === name);
    return command ? (command.shortcut ?? '') : null;
  } catch {
    return null;
  }
}

/**
 * Opens the browser's own page for changing extension shortcuts: Firefox's "Manage Extension
 * Shortcuts" (`commands.openShortcutSettings`, Firefox 137+), Chrome's chrome://extensions/shortcuts.
 * Rejects when the browser offers no way; the settings page then only shows the written steps.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (import.meta.env.FIREFOX) {
    if (typeof commands.openShortcutSettings !== 'function') throw new Error('not available in this Firefox');
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
