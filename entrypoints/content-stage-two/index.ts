/**
 * The content script's second stage: the overlay's views (Preact, in closed shadow roots), the
 * reader's notes on the page and the menu at a clicked highlight. Injected by the background
 * (`scripting.executeScript`, utils/inject-stage.ts) only into pages that need it — an article the
 * background found a claim on, a page that may have saved notes, a
 * page where the reader asked to note a selection — into the same isolated world as the first
 * stage (entrypoints/content-first-stage/), which it meets through `registerSecondStage`. Nothing
 * runs here by itself: the first stage starts each part and keeps the page's life cycle
 * (navigations, re-runs, settings, requests from the extension).
 *
 * It carries neither the card catalog nor the UI's strings: it asks the background for them when
 * the overlay first opens, while the reader's settings are read (`content:data`,
 * utils/content-data.ts), as JSON text (README "What the content script costs a page").
 */
import { pageClipboard } from '../../components/links/copy-link';
import { NoteMenu } from '../../components/notes/note-menu';
import { OverlaySession } from '../../components/overlay/overlay-session';
import { closedShadowUi } from '../../components/shadow-ui';
import type { Dataset } from '../../lib/dataset/types';
import { parseTextFragment, type TextDirective } from '../../lib/links/text-fragment';
import type { NotesOnPage } from '../../lib/notes/lazy-page-notes';
import { PageNotes } from '../../lib/notes/page-notes';
import { installCatalog } from '../../lib/overlay/bundled';
import { annotateInSlices } from '../../lib/overlay/annotate-in-slices';
import type { SourceRef } from '../../lib/overlay/card-model';
import type { HighlightDensity } from '../../lib/overlay/density';
import { badgeCornerStore } from '../../utils/badge-position';
import { inheritsHighlightStyles } from '../../utils/extension-api';
import { requestContentData } from '../../utils/content-data';
import { contentUiLanguage as ui } from '../../utils/content-ui-language';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { onReaderSettingsChanged, readReaderSettings } from '../../utils/reader-settings';
import { registerSecondStage } from '../../utils/second-stage';
import { siteOf } from '../../utils/site-settings';
import paletteCss from '../../components/page-palette.css?inline';
import badgeCss from '../../components/badge.css?inline';
import legendCss from '../../components/legend.css?inline';
import overlayCss from '../../components/overlay/overlay.css?inline';
import noteMenuCss from '../../components/notes/note-menu.css?inline';

/** Counterpoint's own elements (overlay host, wrapped highlights) are not page text. */
const isOurs = (el: Element): boolean => el.localName.startsWith('counterpoint-') || el.hasAttribute('data-counterpoint');

export default defineUnlistedScript(() => {
  registerSecondStage((host) => {
    let catalog: Promise<void> | null = null;
    const installBundledCatalog = (): Promise<void> =>
      (catalog ??= requestContentData('claims-catalog').then(
        (json) => installCatalog(JSON.parse(json) as Dataset),
        (e: unknown) => {
          // Cards are then built from the annotation alone (lib/overlay/bundled.ts); asked again next time.
          console.warn('[Counterpoint] could not read the card catalog', e);
          catalog = null;
        },
      ));
    let stopLanguageWatch: (() => void) | null = null;
    let stopSettingsWatch: (() => void) | null = null;
    let density: HighlightDensity | undefined;
    // The reader's UI language with its strings, and the highlight density (settings page), read
    // now, while the background looks for restatements: the overlay needs them when it opens. A
    // change of either rebuilds the overlay.
    void ui.load();
    let densityRead: Promise<void> | null = null;
    const readDensity = (): Promise<void> =>
      (densityRead ??= readReaderSettings().then((settings) => {
        density ??= settings.density;
        stopSettingsWatch ??= onReaderSettingsChanged((changed) => {
          if (changed.density === density) return;
          density = changed.density;
          host.refreshOverlay();
        });
      }));
    void readDensity();
    const picked = (item: { kind: 'claim'; claimId: string } | { kind: 'note'; id: string }): void =>
      void sendRequest({ type: 'page:picked', item }).catch(() => undefined);
    const inherit = inheritsHighlightStyles();
    const writeText = pageClipboard(navigator);
    const overlayDeps = {
      // The reader's UI language (settings page), read before the first overlay is drawn; a change
      // rebuilds the overlay in the new language.
      get ui() {
        return ui.lang();
      },
      get translate() {
        return ui.translator();
      },
      get density() {
        return density;
      },
      openSource: (ref: SourceRef) => {
        void sendRequest({ type: 'source:open', ...ref }).then((r) => {
          if (!r.ok) console.warn('[Counterpoint] could not open the source view', r.error);
        });
      },
      mountUi: closedShadowUi(document, `${paletteCss}\n${badgeCss}\n${legendCss}\n${overlayCss}`),
      measure: host.measure,
      highlightsInherit: inherit,
      writeText,
      // The reader opened a claim's card on purpose: the side panel, if open, shows it.
      picked: (claimId: string) => picked({ kind: 'claim', claimId }),
      openStory: (claimId: string | null) => void sendRequest(claimId ? { type: 'story:open', claimId } : { type: 'story:open' }).catch(() => undefined),
      cornerStore: badgeCornerStore(siteOf(location.href)),
    };

    // The text directives (`#:~:text=…`) this document was opened at, asked once, only by the
    // overlay when it has claims to show: the tab's address keeps them (the background reads it;
    // Firefox hides them from content scripts), else Chromium's navigation entry (which outlives
    // replaceState).
    let linkTarget: Promise<readonly TextDirective[]> | undefined;
    const navigationDirectives = (): TextDirective[] =>
      parseTextFragment((performance.getEntriesByType('navigation')[0] as PerformanceEntry | undefined)?.name ?? '');

    return {
      openOverlay: async (doc, content, signature, hooks) => {
        await Promise.all([installBundledCatalog(), ui.load(), readDensity()]);
        stopLanguageWatch ??= ui.onChanged(() => host.refreshOverlay());
        return OverlaySession.open(doc, content, signature, { ...overlayDeps, hidePage: hooks.hidePage, dismissMatch: hooks.dismissMatch });
      },
      linkTarget: () =>
        (linkTarget ??= sendRequest({ type: 'page:link-target' })
          .then((r) => (r.ok ? r.directives : []), () => [])
          .then((d) => (d.length > 0 ? d : navigationDirectives()))),
      disconnect: () => {
        stopLanguageWatch?.();
        stopSettingsWatch?.();
      },
      pageNotes: (doc): NotesOnPage => {
        const notes = new PageNotes(doc, {
          request: sendRequest,
          mayHaveNotes: pageMayHaveNotes,
          claimsOnPage: async () => {
            const annotator = await host.annotator();
            const result = annotator ? await annotateInSlices(annotator, doc) : null;
            return result?.annotations.map((x) => ({ claimId: x.claimId, range: x.range })) ?? [];
          },
          isOurs,
          highlightsInherit: inherit,
          // A click on one of the reader's highlights: the side panel (if open) shows that note.
          picked: (id) => picked({ kind: 'note', id }),
        });
        // A click on one of the reader's highlights: its link, and its note in the side panel.
        const menu = new NoteMenu(doc, {
          // In the reader's UI language (settings page), read when the menu first opens.
          translator: async () => {
            await ui.load();
            return ui.translator();
          },
          mountUi: closedShadowUi(doc, `${paletteCss}\n${noteMenuCss}`),
          noteAt: (x, y) => notes.noteAt(x, y),
          claimAt: (x, y) => host.claimAt(x, y),
          rectsOf: (id) => notes.rectsOf(id),
          linkFor: (id) => notes.linkFor(id),
          writeText,
          showNote: async (id) => {
            const r = await sendRequest({ type: 'notes:show', hints: notes.hints(), id });
            return r.ok && r.opened;
          },
        });
        return {
          refresh: () => notes.refresh(),
          navigated: (newPage) => {
            menu.close();
            // Another page (not an in-page #anchor): what "Hide for this page" hid comes back.
            if (newPage) notes.show();
            notes.refresh();
          },
          hide: () => {
            notes.hide();
            menu.close();
          },
          show: () => notes.show(),
          reveal: (id) => notes.reveal(id),
          capture: (nonce) => notes.capture(nonce),
          pageKey: () => notes.pageKey(),
          highlightState: () => notes.highlightState(),
          linkFor: (id) => notes.linkFor(id),
          disconnect: () => {
            menu.disconnect();
            notes.disconnect();
          },
        };
      },
    };
  });
});
