/**
 * The content script's second stage: the matcher with the bundled index, the overlay's views
 * (Preact, in a closed shadow root) and the reader's notes on the page. Injected by the background
 * (`scripting.executeScript`, utils/inject-second-stage.ts) only into pages that need it — an
 * article that passed the first stage's gate, a page that may have saved notes, a page where the
 * reader asked to note a selection — into the same isolated world as the first stage
 * (entrypoints/content-script/), which it meets through `registerSecondStage`. Nothing runs here
 * by itself: the first stage starts each part and keeps the page's life cycle (navigations,
 * re-runs, settings, requests from the extension).
 *
 * The index and the card catalog are bundled as JSON text and parsed on first use: a page that
 * passes the gate but carries no claim never builds the catalog.
 */
import { OverlaySession } from '../../components/overlay/overlay-session';
import { closedShadowUi } from '../../components/shadow-ui';
import type { Dataset } from '../../lib/dataset/types';
import type { CompiledIndex } from '../../lib/index/format';
import { loadIndex } from '../../lib/index/load';
import { PAGE_GATE } from '../../lib/generated/claims-gate';
import { useCompiledGate } from '../../lib/match/gate';
import { PageNotes } from '../../lib/notes/page-notes';
import { installCatalog } from '../../lib/overlay/bundled';
import type { SourceRef } from '../../lib/overlay/card-model';
import { annotatorFor, type PageAnnotator } from '../../lib/overlay/page-annotator';
import { translate, uiLanguage } from '../../utils/i18n';
import { highlightsInherit } from '../../utils/extension-api';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { registerSecondStage } from '../../utils/second-stage';
import indexJson from '../../lib/generated/claims-index.json?raw';
import catalogJson from '../../lib/generated/claims-catalog.json?raw';
import badgeCss from '../../components/badge.css?inline';
import overlayCss from '../../components/overlay/overlay.css?inline';

/** Counterpoint's own elements (overlay host, wrapped highlights) are not page text. */
const isOurs = (el: Element): boolean => el.localName.startsWith('counterpoint-') || el.hasAttribute('data-counterpoint');

export default defineUnlistedScript(() => {
  registerSecondStage((host) => {
    let annotator: PageAnnotator | null = null;
    const pageAnnotator = (): PageAnnotator => {
      if (annotator) return annotator;
      const index: CompiledIndex = loadIndex(JSON.parse(indexJson));
      useCompiledGate(index, PAGE_GATE); // the build's gate, not one built again from the terms
      return (annotator = annotatorFor(index));
    };
    let catalogInstalled = false;
    const inherit = highlightsInherit();
    const deps = {
      ui: uiLanguage(),
      translate,
      openSource: (ref: SourceRef) => {
        void sendRequest({ type: 'source:open', ...ref }).then((r) => {
          if (!r.ok) console.warn('[Counterpoint] could not open the source view', r.error);
        });
      },
      mountUi: closedShadowUi(document, `${badgeCss}\n${overlayCss}`),
      measure: host.measure,
      highlightsInherit: inherit,
    };
    return {
      annotator: pageAnnotator,
      openOverlay: (doc, annotations, signature) => {
        if (!catalogInstalled) {
          installCatalog(JSON.parse(catalogJson) as Dataset);
          catalogInstalled = true;
        }
        return OverlaySession.open(doc, annotations, signature, deps);
      },
      pageNotes: (doc) =>
        new PageNotes(doc, {
          request: sendRequest,
          mayHaveNotes: pageMayHaveNotes,
          claimsOnPage: async () => pageAnnotator().annotateDocument(doc).annotations.map((x) => ({ claimId: x.claimId, range: x.range })),
          isOurs,
          highlightsInherit: inherit,
        }),
    };
  });
});
