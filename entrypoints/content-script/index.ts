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
import { badgeCornerStore } from '../../utils/badge-position';
import { fetchClaimsIndex } from '../../utils/claims-data';
import { findRestatements } from '../../utils/restate';
import { currentTranslator, loadUiLanguage, onUiLanguageChanged, uiLanguage } from '../../utils/i18n';
import { extensionAlive } from '../../utils/lifetime';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { onReaderSettingsChanged, readReaderSettings } from '../../utils/reader-settings';
import type { HighlightDensity } from '../../lib/overlay/density';
import { isOverlayEnabled, onOverlaySettingChanged, siteOf } from '../../utils/site-settings';
import { listenForTabRequests } from '../../utils/tab-requests';
import badgeCss from '../../components/badge.css?inline';
import legendCss from '../../components/legend.css?inline';
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
    // A click on one of the reader's highlights: the side panel (if open) shows that note.
    picked: (id) => void sendRequest({ type: 'page:picked', item: { kind: 'note', id } }).catch(() => undefined),
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
  let stopSettingsWatch: (() => void) | null = null;
  let density: HighlightDensity | undefined;
  let recorded = '';
  const overlay = new ClaimsOverlay(document, {
    // The reader's UI language (settings page): read below, once, on pages that get as far as
    // showing claims; a change rebuilds the overlay in the new language.
    get ui() {
      return uiLanguage();
    },
    get translate() {
      return currentTranslator();
    },
    // The reader's highlight density (settings page), read with the language; a change redraws.
    get density() {
      return density;
    },
    openSource: (ref) => {
      void sendRequest({ type: 'source:open', ...ref }).then((r) => {
        if (!r.ok) console.warn('[Counterpoint] could not open the source view', r.error);
      });
    },
    mountUi: closedShadowUi(document, `${badgeCss}\n${legendCss}\n${overlayCss}`),
    measure: (phase, start) => stats.record(phase, start),
    loadAnnotator: annotator,
    isEnabled: async () => {
      await loadUiLanguage();
      stopLanguageWatch ??= onUiLanguageChanged(() => overlay.refresh());
      density ??= (await readReaderSettings()).density;
      stopSettingsWatch ??= onReaderSettingsChanged((s) => {
        if (s.density === density) return;
        density = s.density;
        overlay.refresh();
      });
      return !site || (await isOverlayEnabled(site));
    },
    onSettingChanged: (cb) => (site ? onOverlaySettingChanged(cb) : () => undefined),
    writeText,
    linkTarget: linkTargetOnce,
    // "Hide for this page" hides the reader's highlights too: everything Counterpoint drew.
    hidePage: () => {
      notes.hide();
      noteMenu.close();
      tellPanel();
    },
    picked: (claimId) => void sendRequest({ type: 'page:picked', item: { kind: 'claim', claimId } }).catch(() => undefined),
    openStory: (claimId) => void sendRequest(claimId ? { type: 'story:open', claimId } : { type: 'story:open' }).catch(() => undefined),
    cornerStore: badgeCornerStore(site),
    // The reading history (story view): the background keeps it only if the reader wants it.
    shown: (claimIds) => {
      tellPanel();
      const key = `${location.href}|${claimIds.join(' ')}`;
      if (key === recorded) return;
      recorded = key;
      void sendRequest({ type: 'history:record', hints: notes.hints(), claimIds }).catch(() => undefined);
    },
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

  /** The side panel, if open on this tab, asks the page again (the background names the tab, not us). */
  function tellPanel(): void {
    void sendRequest({ type: 'page:updated' }).catch(() => undefined);
  }

  const location$ = new LocationWatcher(window, (oldUrl, newUrl) => {
    if (!alive()) return;
    overlay.navigated(oldUrl, newUrl);
    noteMenu.close();
    // Another page (not an in-page #anchor): what "Hide for this page" hid comes back.
    if (!oldUrl || oldUrl.replace(/#.*$/, '') !== (newUrl ?? '').replace(/#.*$/, '')) notes.show();
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
    'overlay:claims': () => ({ ok: true, hidden: overlay.isHidden(), claims: overlay.claims() }),
    'overlay:reveal': (r) => ({ ok: true, found: overlay.reveal(r.claimId) }),
    'overlay:step': (r) => ({ ok: true, moved: overlay.step(r.direction) }),
    'overlay:show': () => {
      overlay.show();
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
    overlay.disconnect();
    noteMenu.disconnect();
    stopLanguageWatch?.();
    stopSettingsWatch?.();
    notes.disconnect();
    return false;
  }
});
