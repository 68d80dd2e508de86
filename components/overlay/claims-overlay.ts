/**
 * The claims overlay's life on one page: annotate → highlight → mount the badge/card UI
 * (`openOverlay`) → re-run on SPA navigation, on late article bodies (`RerunWatcher`) and when
 * the reader's per-site setting changes → tear down when there is nothing (left) to show.
 *
 * On pages that are not articles it reads a few selectors and stops; the DOM is never touched there.
 *
 * This runs in the content script's first stage: it imports no view and no matcher. Both come
 * through its dependencies: the annotator (the page's side of matching; the tiers run in the
 * background) and the views (the second stage, injected only into pages that need it: see
 * entrypoints/content-first-stage/index.ts).
 */

import { looksLikeArticle } from '../../lib/detect/looks-like-article';
import type { PageAnnotator } from '../../lib/overlay/page-annotator';
import type { GatedArticle } from '../../lib/overlay/page-check';
import { RerunWatcher, MUTATION_DEBOUNCE_MS } from '../../lib/overlay/rerun-watcher';
import { yieldToMain } from '../../lib/overlay/slices';
import { annotateInSlices } from '../../lib/overlay/annotate-in-slices';
import type { OverlayContent, OverlayEngineResult, OverlayHooks, PageClaim, ShownOverlay } from '../../lib/overlay/types';
import type { TextDirective } from '../../lib/links/text-fragment';
import { restatedKey } from '../../lib/overlay/restated-model';

export interface ClaimsOverlayDeps {
  /** Records one synchronous piece of the overlay's work (`name`, from `start` until now). */
  measure(name: string, start: number): void;
  /**
   * The page's article if it may carry a claim (the first stage's `gatedArticle`, detection and the
   * gate, each in a task of its own), else null: no other page reads the reader's setting or loads
   * anything. The annotator starts from it instead of detecting again.
   */
  gatedArticle(doc: Document): Promise<GatedArticle | null>;
  /** The page's claim annotator (both tiers in the background; null when it could not be had). */
  loadAnnotator(): Promise<PageAnnotator | null>;
  /**
   * Optional: the first tier found claims, so the overlay will open: what `openOverlay` needs may
   * start loading now, while the second tier runs.
   */
  prepareOverlay?(): void;
  /** Draws these matches (highlights, badge and cards): `OverlaySession.open` in the second stage. */
  openOverlay(doc: Document, content: OverlayContent, signature: string, hooks: OverlayHooks): Promise<ShownOverlay>;
  /** The reader's per-site setting for this page's site. */
  isEnabled(): Promise<boolean>;
  /** Calls back when that setting may have changed; returns the unsubscribe function. */
  onSettingChanged(cb: () => void): () => void;
  /** "Hide for this page" was chosen on a card: the overlay has hidden itself; hide the rest (notes). */
  hidePage?(): void;
  /** The overlay now shows these claims on the page (in reading order): for the reading history. */
  shown?(claimIds: string[]): void;
  /**
   * The text directives the page was opened at (`#:~:text=…`, which the browser hides from the
   * page), asked only once the overlay has claims to show. Optional: without it no card opens by link.
   */
  linkTarget?(): Promise<readonly TextDirective[]>;
}

/** Document order of two matches' ranges (restatements and copies are found apart). */
function inReadingOrder(a: { range: Range }, b: { range: Range }): number {
  try {
    return a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range);
  } catch {
    return 0; // ranges in different documents: keep the order given
  }
}

/** Whether a mutation is a Counterpoint element or text inside one (this overlay's, or the notes UI's). */
function isCounterpointNode(n: Node): boolean {
  if (n.nodeType === 1) {
    const el = n as Element;
    return el.localName.startsWith('counterpoint-') || el.getAttribute('data-counterpoint') !== null;
  }
  return n.nodeType === 3 && (n.parentNode as Element | null)?.localName === 'counterpoint-mark';
}

export class ClaimsOverlay {
  private session: ShownOverlay | null = null;
  private running = false;
  private pending = false;
  private connected = true;
  private navTimer: ReturnType<typeof setTimeout> | undefined;
  /** "Hide for this page": nothing is drawn until the page is left (navigation) or reloaded. */
  private hidden = false;
  /** Whether the link the page was opened at has had its chance to open a card (once per document load). */
  private linkDone = false;
  private readonly watcher: RerunWatcher;
  /** The reader's setting for this site as last read (null: read it), and its change subscription. */
  private enabled: boolean | null = null;
  private settingReads = 0;
  private unsubscribe: (() => void) | null = null;
  /** Restated passages the reader said are not the claim (this page only: forgotten on navigation). */
  private readonly dismissed = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly deps: ClaimsOverlayDeps,
  ) {
    this.watcher = new RerunWatcher(doc, {
      isOwn: (records) => records.every((r) => this.isOwnMutation(r)),
      rerun: () => void this.run(),
    });
    void this.run();
  }

  /** The page moved to another address (SPA navigation): its content usually renders after the event. */
  navigated(oldUrl: string | undefined, newUrl: string | undefined): void {
    if (!this.connected) return;
    // A jump to an in-page anchor (#section) is not a new page: keep the overlay as it is.
    const strip = (u: string | undefined): string => (u ? u.replace(/#.*$/, '') : '');
    if (oldUrl && strip(newUrl) === strip(oldUrl)) return;
    this.hidden = false;
    this.dismissed.clear();
    // The link the page was opened at was about the page it left.
    this.linkDone = true;
    this.teardown();
    this.watcher.watch();
    // Its own timer: mutation debouncing (bounded) must not swallow the navigation's run.
    clearTimeout(this.navTimer);
    this.navTimer = setTimeout(() => void this.run(), MUTATION_DEBOUNCE_MS);
  }

  /** Builds the overlay again from scratch (the reader changed the UI language its cards are built in). */
  refresh(): void {
    if (!this.connected) return;
    this.teardown();
    void this.run();
  }

  /**
   * "Hide for this page": takes away everything the overlay drew (badge, key, card, highlights and
   * their style) and draws nothing more until the reader leaves the page or reloads it (or asks for it
   * again from the side panel: `show()`).
   */
  hide(): void {
    if (!this.connected) return;
    this.hidden = true;
    this.teardown();
  }

  /** Undoes `hide()`. */
  show(): void {
    if (!this.connected || !this.hidden) return;
    this.hidden = false;
    void this.run();
  }

  isHidden(): boolean {
    return this.hidden;
  }

  /** The claims shown on the page, in reading order (none while hidden or before the overlay shows). */
  claims(): PageClaim[] {
    return this.session?.claims() ?? [];
  }

  /** Scrolls to a claim's passage and opens its card (the side panel's list); false when it is not on the page. */
  reveal(claimId: string): boolean {
    const s = this.session;
    if (!s) return false;
    return s.reveal(s.passageOf(claimId), claimId);
  }

  /** The "next / previous claim" key (the extension's command). */
  step(direction: 1 | -1): boolean {
    if (!this.session) return false;
    this.session.step(direction);
    return true;
  }

  /** Mutations the overlay itself caused (its host, style and marks), which must not wake it. */
  private isOwnMutation(r: MutationRecord): boolean {
    const host = this.session?.host;
    if (host && (r.target === host || host.contains(r.target))) return true;
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    if (nodes.length === 0) return false;
    return nodes.every((n) => isCounterpointNode(n) || !!this.session?.owns(n));
  }

  private teardown(): void {
    if (!this.session) return;
    this.session.disconnect();
    this.session = null;
    // Unwrapping (fallback strategy) rejoins text nodes: not a page change to react to.
    this.watcher.forget();
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.pending = false;
        await this.runOnce();
      } while (this.pending && this.connected);
    } finally {
      this.running = false;
    }
  }

  private async annotate(gated: GatedArticle): Promise<OverlayEngineResult | null> {
    const annotator = await this.deps.loadAnnotator();
    if (!annotator) return null;
    try {
      const result = await annotateInSlices(annotator, this.doc, {
        gated,
        onSlice: (start) => this.deps.measure('annotate', start),
        cancelled: () => !this.connected,
      });
      if (result && result.annotations.length > 0) this.deps.prepareOverlay?.();
      if (!result || !this.connected || !annotator.restate) return result;
      // The second tier (restatements, stories) on what that run matched, in the background; the
      // page only waits for the reply. Without it, the first tier's matches alone.
      const second = await annotator.restate(this.doc);
      return second ? { ...result, ...second } : result;
    } catch (e) {
      console.warn('[Counterpoint] annotate failed', e);
      return null;
    }
  }

  private async runOnce(): Promise<void> {
    if (this.hidden) {
      this.teardown();
      return;
    }
    // Non-article pages: a few selector lookups, then nothing; the DOM is never touched. Articles
    // that name nothing of the dataset: detection and the gate, then nothing.
    if (!this.doc.body || !looksLikeArticle(this.doc)) {
      this.teardown();
      return;
    }
    // Not in the task that found the page article-like (the content script's evaluation, on the
    // first run): detection reads the article's text, 10–20 ms on a 2 MB page.
    await yieldToMain();
    const gated = this.connected ? await this.deps.gatedArticle(this.doc) : null;
    if (!this.connected || !gated) {
      this.teardown();
      return;
    }
    if (!(await this.isEnabled())) {
      this.teardown();
      return;
    }
    const result = await this.annotate(gated);
    if (!this.connected) return;
    const live = <T extends { range: Range }>(a: T): boolean => !!a.range && !a.range.collapsed;
    const anns = (result?.annotations ?? []).filter(live);
    const restated = (result?.restatements ?? []).filter((r) => live(r) && !this.dismissed.has(restatedKey(r)));
    const stories = result?.stories ?? [];
    const content: OverlayContent = {
      highlighted: [...anns, ...restated.filter((r) => r.confidence === 'high')].sort(inReadingOrder),
      possible: restated.filter((r) => r.confidence === 'low'),
      stories,
    };
    if (content.highlighted.length === 0 && content.possible.length === 0 && stories.length === 0) {
      this.teardown(); // no match: the page is left untouched
      return;
    }
    const signature = [...content.highlighted, ...content.possible].map((a) => a.claimId).concat(stories.map((s) => s.storyId)).join('|');
    if (this.session && this.session.signature === signature && this.session.intact()) return; // nothing new
    this.teardown();
    await yieldToMain(); // the annotator's task ends here; the overlay's work is a task of its own
    if (!this.connected) return;
    let session: ShownOverlay;
    try {
      session = await this.deps.openOverlay(this.doc, content, signature, {
        hidePage: () => {
          this.hide();
          this.deps.hidePage?.();
        },
        dismissMatch: (key) => {
          this.dismissed.add(key);
          void this.run();
        },
      });
    } catch (e) {
      console.warn('[Counterpoint] could not show the overlay', e);
      return;
    }
    if (!this.connected || this.hidden) {
      session.disconnect();
      return;
    }
    this.session = session;
    this.deps.shown?.([...new Set(content.highlighted.map((a) => a.claimId))]);
    // Our own insertions (host, style, marks) must not wake the watcher.
    this.watcher.forget();
    await this.openLinked(session);
  }

  /**
   * Opened at a link to one of the claims' passages (a card's "Copy link"): open that card, once.
   * A later session (the article finished rendering) gets another chance until one matched.
   */
  private async openLinked(session: ShownOverlay): Promise<void> {
    if (this.linkDone || !this.deps.linkTarget) return;
    let directives: readonly TextDirective[] = [];
    try {
      directives = await this.deps.linkTarget();
    } catch {
      directives = [];
    }
    if (directives.length === 0) this.linkDone = true;
    else if (this.connected && this.session === session && !this.linkDone && session.openLinked(directives)) this.linkDone = true;
  }

  /** Whether the point (viewport coordinates) is on one of the claims' highlights. */
  claimAt(x: number, y: number): boolean {
    return !!this.session && this.session.claimAt(x, y);
  }

  /**
   * The reader's setting, read once and kept until it changes. The change subscription starts with
   * the first article that may carry a claim (before the first read, so no change is missed):
   * other pages never read or watch the setting.
   */
  private async isEnabled(): Promise<boolean> {
    this.unsubscribe ??= this.deps.onSettingChanged(() => {
      this.enabled = null;
      this.settingReads++;
      void this.run();
    });
    if (this.enabled !== null) return this.enabled;
    const read = this.settingReads;
    const enabled = await this.deps.isEnabled();
    if (read === this.settingReads) this.enabled = enabled; // else a change came meanwhile: read again next time
    return enabled;
  }

  disconnect(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.watcher.disconnect();
    clearTimeout(this.navTimer);
    this.teardown();
  }
}
