import { browser } from 'wxt/browser';

/** Manifest names of the "next claim" / "previous claim" commands (wxt.config.ts `commands`). */
export const NEXT_CLAIM_COMMAND = 'next-claim';
export const PREVIOUS_CLAIM_COMMAND = 'previous-claim';

/**
 * The keyboard commands that move to the next or previous claim on the page. A browser command is
 * the reader's own key press, handled by the browser before any page sees it (page script can neither
 * trigger nor intercept it), so it works wherever the focus is and clashes with no page shortcut.
 * Rebindable in chrome://extensions/shortcuts and Firefox's add-on shortcut settings.
 */
export function wireClaimCommands(step: (tabId: number, direction: 1 | -1) => void): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    const direction = command === NEXT_CLAIM_COMMAND ? 1 : command === PREVIOUS_CLAIM_COMMAND ? -1 : 0;
    if (!direction) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) step(id, direction);
    })();
  });
}
