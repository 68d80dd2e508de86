/**
 * The content script's first stage: the page's life cycle, on the pages that need Counterpoint.
 * The content script that runs on every page (the first look, entrypoints/content-script/) asks
 * the background for it when the page looks like an article naming something of the dataset or
 * may have the reader's notes; an extension page that asks the tab something injects it too
 * (`sendToTab`). It builds the page's concerns and ties them to the extension; everything heavy is
 * elsewhere: the matching in the background (the page sends an article's text that passed the gate,
 * `remoteAnnotator`), the views in the second stage (entrypoints/content-stage-two/), which the
 * background injects only into pages that need it (README "What the content script costs a page"):
 *
 *  - `ClaimsOverlay` (components/overlay/claims-overlay.ts): is this an article that may carry a
 *    claim (`gatedArticle`: detection and the build-time gate)? Only then the reader's setting and
 *    the matching; only where it finds something, the overlay's views, from the second stage.
 *    Re-runs on navigation, late article bodies and a change of the setting or of the UI language.
 *  - `LazyPageNotes` (lib/notes/lazy-page-notes.ts): the reader's notes on the page (`PageNotes`,
 *    and the menu at a clicked highlight), from the second stage when extension storage says the
 *    page may have notes, or when the reader asks to note a selection.
 *  - `LocationWatcher` (lib/page/location-watcher.ts): SPA navigations, from the browser only.
 *  - requests from the extension's own pages and background (`listenForTabRequests`).
 * Each is an object with `disconnect()`.
 *
 * An unlisted script (see entrypoints/content-script/ for why not WXT's content-script context),
 * injected with `scripting.executeScript`, never web-accessible.
 */
import { ClaimsOverlay } from '../../components/overlay/claims-overlay';
import { LazyPageNotes } from '../../lib/notes/lazy-page-notes';
import { pageHints } from '../../lib/notes/page-key';
import { gatedArticle } from '../../lib/overlay/page-check';
import { yieldToMain } from '../../lib/overlay/slices';
import { PAGE_KEYS_ITEM } from '../../lib/storage/page-keys';
import { WorkStats } from '../../lib/overlay/work-stats';
import { LocationWatcher } from '../../lib/page/location-watcher';
import { extensionAlive } from '../../utils/lifetime';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { remoteAnnotator, type PageAnnotator } from '../../lib/overlay/page-annotator';
import { claimsFinds, claimsFromBackground, restatementsFromBackground } from '../../utils/tiers';
import { secondStageLoader, secondStageRuns } from '../../utils/second-stage';
import { isOverlayEnabled, OVERLAY_OFF_KEY, onOverlaySettingChanged, siteOf } from '../../utils/site-settings';
import { claimFirstStage, firstLookAsked } from '../../utils/stage-slots';
import { prefetchStored } from '../../utils/stored';
import { listenForTabRequests } from '../../utils/tab-requests';

export default defineUnlistedScript(() => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  if (!claimFirstStage()) return; // already running in this world
  const stats = new WorkStats();
  // What both concerns read first, in one call (utils/stored.ts).
  prefetchStored([PAGE_KEYS_ITEM, OVERLAY_OFF_KEY]);

  // The second stage, loaded on first use (always after this function has run: the overlay below
  // exists by then); it reaches back for these.
  const stageTwo = secondStageLoader({
    measure: (phase, start) => stats.record(phase, start),
    refreshOverlay: () => claims.refresh(),
    claimAt: (x, y) => claims.claimAt(x, y),
    // Its own annotator: a note's run must not take the overlay's parts from under its second tier.
    annotator: async () => remoteAnnotator(claimsFromBackground, restatementsFromBackground),
  });
  const secondStage = stageTwo.load;
  // Both tiers run in the background: the page sends the text of an article that passed the gate.
  let overlayAnnotator: PageAnnotator | null = null;
  const annotator = async (): Promise<PageAnnotator> => (overlayAnnotator ??= remoteAnnotator(claimsFromBackground, restatementsFromBackground));

  // Reader's notes: on every http(s) page; the DOM is touched only to draw saved highlights.
  const notes = new LazyPageNotes(document, {
    mayHaveNotes: pageMayHaveNotes,
    open: async () => (await secondStage())?.pageNotes(document) ?? null,
  });

  // Claims: on non-article pages this reads a few selectors and stops; the DOM is never touched there.
  // The site (a URL parse) only where the setting is read: articles that may carry claims.
  let site: string | null | undefined;
  const siteNow = (): string | null => (site === undefined ? (site = siteOf(location.href)) : site);
  let recorded = '';
  const claims = new ClaimsOverlay(document, {
    measure: (phase, start) => stats.record(phase, start),
    gatedArticle: (doc) => gatedArticle(doc, yieldToMain),
    loadAnnotator: annotator,
    // The views, asked while the background looks for restatements: the first tier found claims.
    prepareOverlay: () => void secondStage(),
    openOverlay: async (doc, content, signature, hooks) => {
      const two = await secondStage();
      if (!two) throw new Error('the second stage is not loaded');
      return two.openOverlay(doc, content, signature, hooks);
    },
    isEnabled: async () => {
      const s = siteNow();
      return !s || (await isOverlayEnabled(s));
    },
    onSettingChanged: (cb) => (siteNow() ? onOverlaySettingChanged(cb) : () => undefined),
    // The text directives the page was opened at: asked only once the overlay shows claims.
    linkTarget: async () => (await secondStage())?.linkTarget() ?? [],
    // "Hide for this page" hides the reader's highlights too: everything Counterpoint drew.
    hidePage: () => {
      notes.hide();
      tellPanel();
    },
    // The reading history (story view): the background keeps it only if the reader wants it.
    shown: (claimIds) => {
      tellPanel();
      const key = `${location.href}|${claimIds.join(' ')}`;
      if (key === recorded) return;
      recorded = key;
      void sendRequest({ type: 'history:record', hints: pageHints(document), claimIds }).catch(() => undefined);
    },
  });

  /** The side panel, if open on this tab, asks the page again (the background names the tab, not us). */
  function tellPanel(): void {
    void sendRequest({ type: 'page:updated' }).catch(() => undefined);
  }

  const location$ = new LocationWatcher(window, (oldUrl, newUrl) => {
    if (!alive()) return;
    claims.navigated(oldUrl, newUrl);
    // Another page, not an in-page #anchor (what "Hide for this page" hid comes back there).
    notes.navigated(!oldUrl || oldUrl.replace(/#.*$/, '') !== (newUrl ?? '').replace(/#.*$/, ''));
  });

  const stopListening = listenForTabRequests({
    'notes:page-info': () => ({ ok: true, page: notes.pageKey(), highlights: notes.highlightState() }),
    'selection:capture': (r) => notes.capture(r.nonce),
    'notes:redraw': () => {
      notes.refresh();
      return { ok: true };
    },
    'overlay:stats': () => ({ ok: true, stats: { ...stats.snapshot(), claimsFinds: claimsFinds(), secondStageRuns: secondStageRuns(), firstLookAsked: firstLookAsked() } }),
    'notes:link': (r) => ({ ok: true, link: notes.linkFor(r.id) }),
    'overlay:claims': () => ({ ok: true, hidden: claims.isHidden(), claims: claims.claims() }),
    'overlay:reveal': (r) => ({ ok: true, found: claims.reveal(r.claimId) }),
    'overlay:step': (r) => ({ ok: true, moved: claims.step(r.direction) }),
    'overlay:show': () => {
      claims.show();
      notes.show();
      return { ok: true };
    },
    'notes:reveal': (r) => ({ ok: true, found: notes.reveal(r.id) }),
  });

  /** After the extension is updated or removed, this copy stops and takes its UI away. */
  function alive(): boolean {
    if (extensionAlive()) return true;
    stopListening();
    location$.disconnect();
    claims.disconnect();
    notes.disconnect();
    stageTwo.current()?.disconnect();
    return false;
  }
});
