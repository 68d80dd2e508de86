import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n';

/**
 * Copying a passage's link from UI that lives in the page (the claim card, the menu at a note's
 * highlight), both in a closed shadow root.
 *
 * The content script writes with the async Clipboard API, called synchronously in the reader's
 * trusted click: that click is the user activation both browsers ask for, so no `clipboardWrite`
 * permission is needed (Chromium now warns "Modify data you copy and paste" for it). Measured in
 * Chromium 156 and Firefox ESR 153: the write succeeds, and page script sees no `copy` event (the
 * async API fires none, unlike `execCommand('copy')`, whose event page script could read and
 * rewrite). Page script cannot start it either: untrusted events are stopped at the closed shadow
 * root. Where the API is missing (the Clipboard API needs a secure context: an http:// page) or the
 * browser refuses, the link is shown, selected, for the reader to copy with the keyboard. A link
 * holds only the page's address and its own words.
 */
export type CopyOutcome = { kind: 'copied' } | { kind: 'manual'; link: string } | { kind: 'none' };

/** `navigator.clipboard.writeText`, or null where there is none. */
export type WriteText = ((text: string) => Promise<void>) | null;

/** Copies `link` (null: no link can be made); call it synchronously in the click handler. */
export async function copyLink(link: string | null, write: WriteText): Promise<CopyOutcome> {
  if (link === null) return { kind: 'none' };
  if (!write) return { kind: 'manual', link };
  try {
    await write(link);
    return { kind: 'copied' };
  } catch {
    return { kind: 'manual', link };
  }
}

/** The content script's clipboard: the page's `navigator.clipboard` as the content script sees it (its own world). */
export function pageClipboard(nav: Navigator): WriteText {
  const clipboard = (nav as Partial<Navigator>).clipboard;
  return clipboard && typeof clipboard.writeText === 'function' ? (text) => clipboard.writeText(text) : null;
}

/** What became of the last "Copy link": copied, or the link to copy by hand, or why there is none. */
export function CopyStatus({ outcome }: { outcome: CopyOutcome | null }) {
  const t = useT();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (outcome?.kind === 'manual') {
      field.current?.focus({ preventScroll: true });
      field.current?.select();
    }
  }, [outcome]);
  if (!outcome) return null;
  if (outcome.kind === 'copied') {
    return (
      <span class="cp-link-status" role="status" data-testid="cp-link-status" data-state="copied">
        {t('linkCopied')}
      </span>
    );
  }
  if (outcome.kind === 'none') {
    return (
      <span class="cp-link-status cp-muted" role="status" data-testid="cp-link-status" data-state="none">
        {t('linkUnavailable')}
      </span>
    );
  }
  return (
    <label class="cp-link-manual" data-testid="cp-link-status" data-state="manual">
      <span class="cp-muted">{t('linkCopyByHand')}</span>
      <input ref={field} readOnly value={outcome.link} data-testid="cp-link-manual" onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
    </label>
  );
}
