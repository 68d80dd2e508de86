/**
 * The content script: a thin shell that builds the page's concerns and ties them to the extension.
 *
 *  - `ClaimsOverlay` (components/overlay/claims-overlay.ts): annotate → highlight → badge/card UI,
 *    re-run on navigation and late article bodies.
 *  - `PageNotes` (components/notes/page-notes.tsx): the reader's saved highlights and the note editor.
 *  - requests from the extension (`listenForTabRequests`): the popup's "which page is this?", the
 *    context menu / shortcut's "start a note".
 * Each is an object with `disconnect()`, called when WXT invalidates the content script.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ClaimsOverlay } from '../../components/overlay/claims-overlay';
import { PageNotes } from '../../components/notes/page-notes';
import type { MountShadowUi } from '../../components/shadow-ui';
import type { Lang } from '../../lib/dataset/types';
import { loadPageAnnotator } from '../../lib/overlay/page-annotator';
import { fetchClaimsIndex } from '../../utils/claims-data';
import { translate, uiLanguage } from '../../utils/i18n';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { isOverlayEnabled, onOverlaySettingChanged, siteOf } from '../../utils/site-settings';
import { listenForTabRequests } from '../../utils/tab-requests';
import '../../components/badge.css';
import '../../components/overlay/overlay.css';
import '../../components/notes/notes.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    const mountUi = wxtShadowUi(ctx);
    const annotator = () => loadPageAnnotator(document, fetchClaimsIndex);

    // Reader's notes work on every http(s) page; they touch the DOM only to draw saved highlights
    // or when the reader selects text.
    const notes = new PageNotes(document, {
      request: sendRequest,
      mayHaveNotes: pageMayHaveNotes,
      claimsOnPage: async () => {
        try {
          // The claim annotator (same as the overlay's); only asked when a note is saved.
          const a = await annotator();
          return a ? a.annotateDocument(document).annotations.map((x) => ({ claimId: x.claimId, range: x.range })) : [];
        } catch {
          return []; // no claim link is better than no note
        }
      },
      translate,
      mountUi,
    });

    // On non-article pages this reads a few selectors and stops; the DOM is never touched there.
    const site = siteOf(location.href);
    const overlay = new ClaimsOverlay(document, {
      ui: uiLanguage(),
      translate,
      sourceHref,
      openSource: (claimId, lang) => {
        void sendRequest({ type: 'source:open', claimId, ...(lang ? { lang } : {}) }).then((r) => {
          if (!r.ok) console.warn('[Counterpoint] could not open the source view', r.error);
        });
      },
      mountUi,
      measure,
      loadAnnotator: annotator,
      isEnabled: async () => !site || (await isOverlayEnabled(site)),
      onSettingChanged: (cb) => (site ? onOverlaySettingChanged(cb) : () => undefined),
    });

    const stopListening = listenForTabRequests({
      'notes:page-info': () => ({ ok: true, page: notes.pageKey() }),
      'notes:start-highlight': () => {
        notes.startHighlight();
        return { ok: true };
      },
    });

    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      overlay.navigated(event.oldUrl?.href, event.newUrl?.href);
      notes.navigated();
    });
    ctx.onInvalidated(() => {
      stopListening();
      overlay.disconnect();
      notes.disconnect();
    });
  },
});

function sourceHref(claimId: string, lang?: Lang): string {
  const q = new URLSearchParams({ claim: claimId });
  if (lang) q.set('lang', lang);
  return `${browser.runtime.getURL('/source.html' as never)}?${q.toString()}`;
}

/**
 * Each synchronous piece of the overlay's work on a page is recorded as a User Timing measure
 * (`counterpoint:annotate|prepare|render`), so the e2e tests and DevTools can report the longest
 * main-thread task the extension causes. Only on pages it annotates.
 */
function measure(name: string, start: number): void {
  try {
    performance.measure(`counterpoint:${name}`, { start, end: performance.now() });
  } catch {
    /* old engines without measure options: skip */
  }
}

/** WXT's shadow-root UI (its stylesheet loaded into the shadow root), as the views' `MountShadowUi`. */
function wxtShadowUi(ctx: ContentScriptContext): MountShadowUi {
  return async (name, options = {}) => {
    const ui = await createShadowRootUi(ctx, {
      name,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      ...(options.isolateEvents ? { isolateEvents: options.isolateEvents } : {}),
      onMount: (container) => container,
      onRemove: (container) => {
        if (container && options.onRemove) options.onRemove(container);
      },
    });
    ui.mount();
    return { host: ui.shadowHost, shadow: ui.shadow, container: ui.uiContainer, remove: () => ui.remove() };
  };
}
