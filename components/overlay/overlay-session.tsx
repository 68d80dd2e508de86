/**
 * One overlay shown on a page: the matched claims' card models, their highlights, the badge/card
 * UI in its shadow root, and the pointer over the highlights. Opened for one set of annotations;
 * `disconnect()` takes all of it away again (highlights unpainted, the page's DOM as it was).
 */

import { render } from 'preact';
import { I18nContext, type Translate } from '../i18n';
import { SourceOpenerContext } from './Card';
import { OverlayApp, type OverlayEntry } from './OverlayApp';
import type { MountShadowUi } from '../shadow-ui';
import type { Lang } from '../../lib/dataset/types';
import { bundledCatalog } from '../../lib/overlay/bundled';
import { buildCardModel, type SourceRef } from '../../lib/overlay/card-model';
import { highlight, hitTest, supportedStrategy, type HighlightStrategy, type Highlighter } from '../../lib/overlay/highlight';
import { HighlightPointer } from '../../lib/overlay/highlight-pointer';
import { rangeHost } from '../../lib/overlay/range-host';
import { SLICE_MS, yieldToMain } from '../../lib/overlay/slices';
import { restatedView, storyView, type StoryView } from '../../lib/overlay/restated-model';
import { claimStatus, type OverlayAnnotation, type OverlayApi, type OverlayContent, type OverlayRestatement, type ShownOverlay } from '../../lib/overlay/types';
import { canonicalUrl } from '../../lib/anchoring/canonical-url';
import { linkedIndex, passageLink, passageQuote } from '../../lib/links/passage-link';
import type { TextDirective } from '../../lib/links/text-fragment';
import { buildTextModel, type TextModel } from '../../lib/text/text-model';
import { copyLink, type WriteText } from '../links/copy-link';

export type { OverlayContent };

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
  readonly ranges: readonly Range[];
  private readonly pointer: HighlightPointer;
  private readonly removeUi: () => void;
  private api: OverlayApi | null = null;

  /** Builds the card models (in slices, yielding to the page), paints the highlights and mounts the UI. */
  static async open(doc: Document, content: OverlayContent, signature: string, deps: OverlaySessionDeps): Promise<OverlaySession> {
    const catalog = bundledCatalog();
    const entries: OverlayEntry[] = [];
    let t0 = performance.now();
    const all = [...content.highlighted, ...content.possible];
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      const card = buildCardModel(a, catalog, { ui: deps.ui });
      const entry: OverlayEntry = { status: claimStatus(a.relations), speaker: card.who.name, quote: a.quote, card };
      if (isRestated(a)) entry.restated = restatedView(a, catalog, deps.ui);
      if (i >= content.highlighted.length) entry.possible = true;
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
          shown.map((a, i) => ({ range: a.range, status: entries[i]!.status, restated: isRestated(a) })),
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
    this.host = ui.host;
    let api: OverlayApi | null = null;
    const t = performance.now();
    // Source links are buttons: the page never holds an extension URL, and the background opens
    // the source view (a web page may not navigate to an extension page that is not web-accessible).
    render(
      <I18nContext.Provider value={deps.translate}>
        <SourceOpenerContext.Provider value={deps.openSource}>
          <OverlayApp
            entries={entries}
            stories={stories}
            ui={deps.ui}
            host={rangeHost(this.ranges, highlighter)}
            bind={(a) => (api = this.api = a)}
            onDismissMatch={deps.dismissMatch}
            copyLink={deps.writeText === undefined ? undefined : (i) => copyLink(this.linkFor(i), deps.writeText ?? null)}
          />
        </SourceOpenerContext.Provider>
      </I18nContext.Provider>,
      ui.container,
    );
    deps.measure('render', t);
    const host = ui.host;
    this.pointer = new HighlightPointer(doc, this.ranges, {
      open: (i, how) => api?.open(i, how),
      hoverEnd: () => api?.hoverEnd(),
      close: () => api?.close(),
      openIndex: () => api?.openIndex() ?? null,
      isOwnEvent: (e) => e.composedPath().includes(host),
    });
    this.removeUi = () => ui.remove();
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
    this.api.open(i, 'click');
    return true;
  }

  /** Whether the point (viewport coordinates) is on one of the claims' highlights. */
  claimAt(x: number, y: number): boolean {
    return hitTest(this.ranges, x, y) >= 0;
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
