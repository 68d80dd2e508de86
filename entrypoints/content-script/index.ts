/**
 * The content script: a thin shell that builds the page's concerns and ties them to the extension.
 *
 *  - `ClaimsOverlay` (components/overlay/claims-overlay.ts): annotate → highlight → badge/card UI in
 *    a closed shadow root, re-run on navigation and late article bodies.
 *  - `PageNotes` (lib/notes/page-notes.ts): the reader's saved highlights on this page, and the
 *    selection when the reader starts a note (notes are written in the side panel, not here).
 *  - `NoteMenu` (components/notes/note-menu.tsx): "Copy link" and "Show note" at a clicked highlight.
 *  - `LocationWatcher` (lib/page/location-watcher.ts): SPA navigations, from the browser only.
 *  - requests from the extension's own pages and background (`listenForTabRequests`).
 * Each is an object with `disconnect()`.
 *
 * Why not WXT's `defineContentScript`: its `ContentScriptContext` announces every content script to
 * the page (a window message and a document event on every page: a fingerprint) and stops the
 * script when page script dispatches that event itself, and its location watcher speaks through a
 * window event the page can both hear and forge. This is an unlisted script, registered as the
 * content script in wxt.config.ts, with none of that: on a page where Counterpoint shows nothing,
 * page script can observe nothing of it.
 */
import { ClaimsOverlay } from '../../components/overlay/claims-overlay';
import { pageClipboard } from '../../components/links/copy-link';
import { NoteMenu } from '../../components/notes/note-menu';
import { parseTextFragment, type TextDirective } from '../../lib/links/text-fragment';
import { closedShadowUi } from '../../components/shadow-ui';
import { PageNotes } from '../../lib/notes/page-notes';
import { loadPageAnnotator } from '../../lib/overlay/page-annotator';
import { WorkStats } from '../../lib/overlay/work-stats';
import { LocationWatcher } from '../../lib/page/location-watcher';
import { fetchClaimsIndex } from '../../utils/claims-data';
import { findRestatements } from '../../utils/restate';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import { extensionAlive } from '../../utils/lifetime';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { isOverlayEnabled, onOverlaySettingChanged, siteOf } from '../../utils/site-settings';
import { listenForTabRequests } from '../../utils/tab-requests';
import badgeCss from '../../components/badge.css?inline';
import overlayCss from '../../components/overlay/overlay.css?inline';
import noteMenuCss from '../../components/notes/note-menu.css?inline';

/** Counterpoint's own elements (overlay host, wrapped highlights) are not page text. */
const isOurs = (el: Element): boolean => el.localName.startsWith('counterpoint-') || el.hasAttribute('data-counterpoint');

export default defineUnlistedScript(() => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const annotator = () => loadPageAnnotator(document, fetchClaimsIndex, findRestatements);
  const stats = new WorkStats();

  // Reader's notes: on every http(s) page; the DOM is touched only to draw saved highlights.
  const notes = new PageNotes(document, {
    request: sendRequest,
    mayHaveNotes: pageMayHaveNotes,
    claimsOnPage: async () => {
      const a = await annotator();
      return a ? a.annotateDocument(document).annotations.map((x) => ({ claimId: x.claimId, range: x.range })) : [];
    },
    isOurs,
  });

  // The text directives (`#:~:text=…`) this document was opened at, asked once, only by the overlay
  // when it has claims to show: the tab's address keeps them (the background reads it; Firefox hides
  // them from content scripts), else Chromium's navigation entry (which outlives replaceState).
  let linkTarget: Promise<readonly TextDirective[]> | undefined;
  const navigationDirectives = (): TextDirective[] =>
    parseTextFragment((performance.getEntriesByType('navigation')[0] as PerformanceEntry | undefined)?.name ?? '');
  const linkTargetOnce = (): Promise<readonly TextDirective[]> =>
    (linkTarget ??= sendRequest({ type: 'page:link-target' })
      .then((r) => (r.ok ? r.directives : []), () => [])
      .then((d) => (d.length > 0 ? d : navigationDirectives())));
  const writeText = pageClipboard(navigator);

  // Claims: on non-article pages this reads a few selectors and stops; the DOM is never touched there.
  const site = siteOf(location.href);
  let stopLanguageWatch: (() => void) | null = null;
  const overlay = new ClaimsOverlay(document, {
    // The reader's UI language (settings page): read below, once, on pages that get as far as
    // showing claims; a change rebuilds the overlay in the new language.
    get ui() {
      return uiLanguage();
    },
    get translate() {
      return currentTranslator();
    },
    openSource: (ref) => {
      void sendRequest({ type: 'source:open', ...ref }).then((r) => {
        if (!r.ok) console.warn('[Counterpoint] could not open the source view', r.error);
      });
    },
    mountUi: closedShadowUi(document, `${badgeCss}\n${overlayCss}`),
    measure: (phase, start) => stats.record(phase, start),
    loadAnnotator: annotator,
    isEnabled: async () => {
      await loadUiLanguage();
      stopLanguageWatch ??= onUiLanguageChanged(() => overlay.refresh());
      return !site || (await isOverlayEnabled(site));
    },
    onSettingChanged: (cb) => (site ? onOverlaySettingChanged(cb) : () => undefined),
    writeText,
    linkTarget: linkTargetOnce,
  });

  // A click on one of the reader's highlights: its link, and its note in the side panel.
  const noteMenu = new NoteMenu(document, {
    // In the reader's UI language (settings page), read when the menu first opens.
    translator: async () => {
      await loadUiLanguage();
      return currentTranslator();
    },
    mountUi: closedShadowUi(document, noteMenuCss),
    noteAt: (x, y) => notes.noteAt(x, y),
    claimAt: (x, y) => overlay.claimAt(x, y),
    rectsOf: (id) => notes.rectsOf(id),
    linkFor: (id) => notes.linkFor(id),
    writeText,
    showNote: async (id) => {
      const r = await sendRequest({ type: 'notes:show', hints: notes.hints(), id });
      return r.ok && r.opened;
    },
  });

  const location$ = new LocationWatcher(window, (oldUrl, newUrl) => {
    if (!alive()) return;
    overlay.navigated(oldUrl, newUrl);
    noteMenu.close();
    notes.refresh();
  });

  const stopListening = listenForTabRequests({
    'notes:page-info': () => ({ ok: true, page: notes.pageKey(), highlights: notes.highlightState() }),
    'selection:capture': (r) => notes.capture(r.nonce),
    'notes:redraw': () => {
      notes.refresh();
      return { ok: true };
    },
    'overlay:stats': () => ({ ok: true, stats: stats.snapshot() }),
    'notes:link': (r) => ({ ok: true, link: notes.linkFor(r.id) }),
  });

  /** After the extension is updated or removed, this copy stops and takes its UI away. */
  function alive(): boolean {
    if (extensionAlive()) return true;
    stopListening();
    location$.disconnect();
    overlay.disconnect();
    noteMenu.disconnect();
    stopLanguageWatch?.();
    notes.disconnect();
    return false;
  }
});
