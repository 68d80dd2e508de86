/**
 * One overlay shown on a page: the matched claims' card models, their highlights, the badge/card
 * UI in its shadow root, and the pointer over the highlights. Opened for one set of annotations;
 * `disconnect()` takes all of it away again (highlights unpainted, the page's DOM as it was).
 */

import { render } from 'preact';
import { I18nContext, type Translate } from '../i18n';
import { SourceOpenerContext } from './Card';
import type { BadgeCornerStore } from './BadgeDock';
import { OverlayApp, type OverlayEntry } from './OverlayApp';
import type { MountShadowUi } from '../shadow-ui';
import type { Lang } from '../../lib/dataset/types';
import { bundledCatalog } from '../../lib/overlay/bundled';
import { buildCardModel, type SourceRef } from '../../lib/overlay/card-model';
import { claimKindOf, DEFAULT_DENSITY, markFor, type HighlightDensity } from '../../lib/overlay/density';
import { highlight, hitTest, supportedStrategy, type HighlightStrategy, type Highlighter } from '../../lib/overlay/highlight';
import { HighlightPointer } from '../../lib/overlay/highlight-pointer';
import { groupPassages, passageText, type Passage } from '../../lib/overlay/passages';
import { rangeHost } from '../../lib/overlay/range-host';
import { SLICE_MS, yieldToMain } from '../../lib/overlay/slices';
import { restatedView, storyView, type StoryView } from '../../lib/overlay/restated-model';
import { claimStatus, type OverlayAnnotation, type OverlayApi, type OverlayContent, type OverlayRestatement, type PageClaim, type ShownOverlay } from '../../lib/overlay/types';
import { canonicalUrl } from '../../lib/anchoring/canonical-url';
import { linkedIndex, passageLink, passageQuote } from '../../lib/links/passage-link';
import type { TextDirective } from '../../lib/links/text-fragment';
import { buildTextModel, type TextModel } from '../../lib/text/text-model';
import { copyLink, type WriteText } from '../links/copy-link';

export type { OverlayContent, PageClaim };

const isRestated = (a: OverlayAnnotation): a is OverlayRestatement => (a as OverlayRestatement).method === 'restatement';

export const OVERLAY_HOST_NAME = 'counterpoint-badge';

export interface OverlaySessionDeps {
  /** The reader's UI language. */
  ui: Lang;
  translate: Translate;
  /** The reader asked for a card's source: open the bundled source view (a page may not navigate to it). */
  openSource(ref: SourceRef): void;
  mountUi: MountShadowUi;
  /** Records one synchronous piece of the overlay's work (`name`, from `start` until now). */
  measure(name: string, start: number): void;
  /** The browser inherits highlight styles from the root (lib/overlay/highlight.ts, `highlightSelector`). */
  highlightsInherit?: boolean;
  /** The reader said a restated passage is not the claim: hide that match on this page. */
  dismissMatch?(key: string): void;
  /** The clipboard a card's "Copy link" writes to (null: none; the card then shows the link to copy by hand). */
  writeText?: WriteText;
  /** The reader's highlight density (settings page); default 'key'. */
  density?: HighlightDensity;
  /** "Hide for this page": take everything Counterpoint drew away until the page is left or reloaded. */
  hidePage?(): void;
  /** The reader opened a claim's card on purpose: the side panel, if open, shows it. */
  picked?(claimId: string, passage: number): void;
  /** Opens the story view (at the story of `claimId`, if given). */
  openStory?(claimId: string | null): void;
  /** Where the reader's corner for the badge is kept. */
  cornerStore?: BadgeCornerStore;
}

/** Counterpoint's UI hosts (not the highlights' wrapping marks, which hold page text): not the page's words. */
const isOurUi = (el: Element): boolean => el.localName.startsWith('counterpoint-') && el.localName !== 'counterpoint-mark';

/**
 * The CSS highlight API where the browser has it, else wrapping. A page can ask for the wrapping
 * strategy with `<html data-counterpoint-highlight="wrap">` (the e2e tests use it to run the
 * fallback in browsers that have the API; it changes nothing but how highlights are painted).
 */
function preferredStrategy(doc: Document): HighlightStrategy {
  if (doc.documentElement.getAttribute('data-counterpoint-highlight') === 'wrap') return 'wrap';
  return supportedStrategy(doc);
}

export class OverlaySession implements ShownOverlay {
  /** Claim ids in order, to tell whether a re-run found the same thing. */
  readonly signature: string;
  /** The shadow host (a page that wipes its body removes it: then the overlay is rebuilt). */
  readonly host: Element;
  readonly highlighter: Highlighter | null;
  /** One range per claim, in reading order (the highlighter's). */
  readonly ranges: readonly Range[];
  /** What the reader points at: claims grouped where their ranges overlap, in reading order. */
  readonly passages: readonly Passage[];
  private readonly entries: readonly OverlayEntry[];
  /** The passages a reader can point at (null: drawn with no mark at this density). */
  readonly pointable: readonly (Range | null)[];
  private readonly pointer: HighlightPointer;
  private readonly removeUi: () => void;
  private api: OverlayApi | null = null;

  /** Builds the card models (in slices, yielding to the page), paints the highlights and mounts the UI. */
  static async open(doc: Document, content: OverlayContent, signature: string, deps: OverlaySessionDeps): Promise<OverlaySession> {
    const catalog = bundledCatalog();
    const density = deps.density ?? DEFAULT_DENSITY;
    const entries: OverlayEntry[] = [];
    let t0 = performance.now();
    const all = [...content.highlighted, ...content.possible];
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      const card = buildCardModel(a, catalog, { ui: deps.ui, passage: passageText(a.range) });
      const status = claimStatus(a.relations);
      // Density says how loudly a claim is marked; "possibly related" passages are never painted.
      const possible = i >= content.highlighted.length;
      const strength = possible ? 'none' : markFor(density, { status, kind: claimKindOf(a.claimId, catalog) });
      const entry: OverlayEntry = { status, speaker: card.who.name, quote: card.passage.text || a.quote, card, strength };
      if (isRestated(a)) entry.restated = restatedView(a, catalog, deps.ui);
      if (possible) entry.possible = true;
      entries.push(entry);
      if (performance.now() - t0 > SLICE_MS) {
        deps.measure('prepare', t0);
        await yieldToMain();
        t0 = performance.now();
      }
    }
    const shown = content.highlighted;
    const highlighter = shown.length
      ? highlight(
          doc,
          shown.map((a, i) => ({ range: a.range, status: entries[i]!.status, strength: entries[i]!.strength, restated: isRestated(a) })),
          preferredStrategy(doc),
          deps.highlightsInherit ?? false,
        )
      : null;
    const stories = content.stories.map((st) => storyView(st, catalog, deps.ui));
    deps.measure('prepare', t0);
    const ui = await deps.mountUi(OVERLAY_HOST_NAME, { onRemove: (container) => render(null, container) });
    return new OverlaySession(doc, signature, entries, stories, content.possible.map((a) => a.range), highlighter, ui, deps);
  }

  private constructor(
    private readonly doc: Document,
    signature: string,
    entries: OverlayEntry[],
    stories: StoryView[],
    /** The "possibly related" passages (listed after the highlighted ones, not painted): for their links. */
    private readonly possibleRanges: readonly Range[],
    highlighter: Highlighter | null,
    ui: Awaited<ReturnType<MountShadowUi>>,
    deps: OverlaySessionDeps,
  ) {
    this.signature = signature;
    this.highlighter = highlighter;
    this.ranges = highlighter?.ranges ?? [];
    this.entries = entries;
    // Highlighted claims grouped where they overlap; then each "possibly related" passage on its own
    // (listed, never painted or pointed at, but its card opens beside it).
    this.passages = [
      ...groupPassages(this.ranges, entries.map((e) => e.status)),
      ...possibleRanges.map((range, k) => ({ members: [this.ranges.length + k], range })),
    ];
    this.host = ui.host;
    const t = performance.now();
    const passageRanges = this.passages.map((p) => p.range);
    const isOurs = (el: Element): boolean => el === ui.host || el.localName.startsWith('counterpoint-');
    // Source links are buttons: the page never holds an extension URL, and the background opens
    // the source view (a web page may not navigate to an extension page that is not web-accessible).
    render(
      <I18nContext.Provider value={deps.translate}>
        <SourceOpenerContext.Provider value={deps.openSource}>
          <OverlayApp
            entries={entries}
            passages={this.passages}
            stories={stories}
            ui={deps.ui}
            density={deps.density ?? DEFAULT_DENSITY}
            host={rangeHost(passageRanges, highlighter, this.passages)}
            bind={(a) => (this.api = a)}
            onHide={deps.hidePage}
            onPick={deps.picked ? (passage, claimId) => deps.picked!(claimId, passage) : undefined}
            onOpenStory={deps.openStory}
            cornerStore={deps.cornerStore}
            isOurs={isOurs}
            onDismissMatch={deps.dismissMatch}
            copyLink={deps.writeText === undefined ? undefined : (i) => copyLink(this.linkFor(i), deps.writeText ?? null)}
          />
        </SourceOpenerContext.Provider>
      </I18nContext.Provider>,
      ui.container,
    );
    deps.measure('render', t);
    const host = ui.host;
    // Passages with no mark at all cannot be pointed at (the reader sees nothing there).
    const pointable = this.passages.map((p) => (p.members.some((m) => entries[m]!.strength !== 'none') ? p.range : null));
    this.pointable = pointable;
    this.pointer = new HighlightPointer(doc, pointable, {
      open: (i, how) => this.api?.open(i, how),
      hoverEnd: () => this.api?.hoverEnd(),
      close: () => this.api?.close(),
      openIndex: () => this.api?.openIndex() ?? null,
      openIsHover: () => this.api?.openPinned() === false,
      isOwnEvent: (e) => e.composedPath().includes(host),
    });
    this.removeUi = () => ui.remove();
  }

  /** This page's claims in reading order, for the side panel (the page's own words, no note text). */
  claims(): PageClaim[] {
    const out: PageClaim[] = [];
    this.passages.forEach((p, passage) => {
      for (const m of [...p.members].sort((a, b) => a - b)) {
        const e = this.entries[m]!;
        if (e.possible) continue; // listed in the badge's list as "possibly related", not a claim of the page
        out.push({ claimId: e.card.claimId, passage, status: e.status, strength: e.strength ?? 'strong', speaker: e.speaker, text: e.quote });
      }
    });
    return out;
  }

  /** Scrolls to a passage and opens its card (from the side panel's list); false when there is no such passage. */
  reveal(passage: number, claimId?: string): boolean {
    if (!this.api || passage < 0 || passage >= this.passages.length) return false;
    rangeHost(this.passages.map((p) => p.range), this.highlighter, this.passages).reveal(passage, 'upper');
    this.api.open(passage, 'click', claimId);
    return true;
  }

  /** The passage holding a claim, or -1. */
  passageOf(claimId: string): number {
    return this.passages.findIndex((p) => p.members.some((m) => this.entries[m]!.card.claimId === claimId));
  }

  /** The "next / previous claim" key: moves the keyboard focus to the next passage. */
  step(direction: 1 | -1): void {
    this.api?.step(direction);
  }

  /** The page's visible text, as links and notes read it (built when a link is asked for: rare). */
  private model(): TextModel | null {
    return this.doc.body ? buildTextModel(this.doc.body, { exclude: isOurUi }) : null;
  }

  /** A link that opens this page at highlight `index`'s passage (shorter when the passage is unique on the page). */
  linkFor(index: number): string | null {
    const range = index < this.ranges.length ? this.ranges[index] : this.possibleRanges[index - this.ranges.length];
    const model = this.model();
    const url = canonicalUrl(this.doc);
    return range && model && url ? passageLink(url, model, range) : null;
  }

  /**
   * The page was opened at a link to one of these claims' passages (a card's "Copy link"): opens
   * that claim's card. True when one matched.
   */
  openLinked(directives: readonly TextDirective[]): boolean {
    if (directives.length === 0 || !this.api) return false;
    const model = this.model();
    if (!model) return false;
    const i = linkedIndex(directives, [...this.ranges, ...this.possibleRanges].map((r) => passageQuote(model, r)));
    if (i < 0) return false;
    // The claim's passage, showing that claim when others share it.
    const passage = this.passages.findIndex((p) => p.members.includes(i));
    if (passage < 0) return false;
    this.api.open(passage, 'click', this.entries[i]?.card.claimId);
    return true;
  }

  /** Whether the point (viewport coordinates) is on one of the claims' highlights. */
  claimAt(x: number, y: number): boolean {
    // Only marks the reader can see (a claim drawn with no mark at this density opens no card).
    return hitTest(this.pointable, x, y) >= 0;
  }

  /** Whether a node is one this overlay added to the page (its host, highlight style or marks). */
  owns(node: Node): boolean {
    return node === this.host || !!this.highlighter?.owns(node);
  }

  /** Whether the page still shows this overlay as it was drawn. */
  intact(): boolean {
    return this.host.isConnected && this.ranges.every((r) => r.startContainer.isConnected && r.endContainer.isConnected && !r.collapsed);
  }

  disconnect(): void {
    this.pointer.disconnect();
    this.removeUi();
    this.highlighter?.destroy();
  }
}
