/**
 * Drafts: the selection a note is started on, on its way from a tab to the side panel.
 *
 * The background asks a tab's content script for its selection with a fresh nonce
 * (`selection:capture`); the content script answers with a `notes:draft` request carrying that
 * nonce, so the background learns the page from the browser's sender, not from the message. A draft
 * nobody asked for (wrong tab, wrong or stale nonce) is refused: a content script cannot plant one.
 * Drafts the context menu or shortcut captured wait here for the side panel (`notes:take-draft`).
 * Pure: ids and clock are handed in.
 */

import type { NoteDraft } from './protocol';

/** How long a capture may take before its nonce is no longer accepted. */
export const CAPTURE_TTL_MS = 10_000;
/** How long a captured draft waits for the side panel to open and take it. */
export const READY_TTL_MS = 60_000;

export type DraftResult = { draft: NoteDraft } | { error: string };

export class DraftDesk {
  private readonly pending = new Map<number, { nonce: string; at: number }>();
  private readonly delivered = new Map<number, { nonce: string; draft: NoteDraft }>();
  private readonly ready = new Map<number, { result: DraftResult; at: number }>();

  constructor(
    private readonly newId: () => string,
    private readonly now: () => number,
  ) {}

  /** A capture starts in `tabId`: the nonce its content script must answer with (a newer capture replaces it). */
  expect(tabId: number): string {
    const nonce = this.newId();
    this.pending.set(tabId, { nonce, at: this.now() });
    this.delivered.delete(tabId);
    return nonce;
  }

  /** A content script's answer; false when nobody asked this tab for it (or it came too late). */
  deliver(tabId: number, nonce: string, draft: NoteDraft): boolean {
    const p = this.pending.get(tabId);
    if (!p || p.nonce !== nonce || this.now() - p.at > CAPTURE_TTL_MS) return false;
    this.pending.delete(tabId);
    this.delivered.set(tabId, { nonce, draft });
    return true;
  }

  /** The draft delivered for this capture, once. */
  collect(tabId: number, nonce: string): NoteDraft | null {
    const d = this.delivered.get(tabId);
    if (!d || d.nonce !== nonce) return null;
    this.delivered.delete(tabId);
    if (this.pending.get(tabId)?.nonce === nonce) this.pending.delete(tabId);
    return d.draft;
  }

  /** The outcome of a capture the side panel did not ask for itself (context menu, shortcut). */
  putReady(tabId: number, result: DraftResult): void {
    this.ready.set(tabId, { result, at: this.now() });
  }

  /** That outcome, once, while fresh. */
  takeReady(tabId: number): DraftResult | null {
    const r = this.ready.get(tabId);
    this.ready.delete(tabId);
    return r && this.now() - r.at <= READY_TTL_MS ? r.result : null;
  }
}
