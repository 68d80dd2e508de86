/**
 * The overlay's life on one page: annotate → highlight → mount the badge/card UI (one shadow root)
 * → follow pointer and keyboard → tear down and re-run on SPA navigation or late article bodies.
 */

import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { I18nContext } from '../../components/i18n';
import { OverlayApp, type OverlayApi, type OverlayEntry, type OverlayHost } from '../../components/overlay/OverlayApp';
import type { Lang } from '../../lib/dataset/types';
import { looksLikeArticle } from '../../lib/detect/article';
import { bundledCatalog } from '../../lib/overlay/bundled';
import { buildCardModel } from '../../lib/overlay/card-model';
import { runInSlices } from '../../lib/overlay/slices';
import { highlight, hitTest, supportedStrategy, type HighlightStrategy, type Highlighter } from '../../lib/overlay/highlight';
import { claimStatus, type OverlayAnnotation, type OverlayEngineResult } from '../../lib/overlay/types';
import { translate } from '../../utils/i18n';
import { isOverlayEnabled, onOverlaySettingChanged, siteOf } from '../../utils/site-settings';
import { loadEngine } from './engine';

export const HOST_NAME = 'counterpoint-badge';
/** Re-runs after page mutations: wait for this much quiet. */
const MUTATION_DEBOUNCE_MS = 400;
/** …and stop watching this long after load / the last navigation. */
const WATCH_WINDOW_MS = 15_000;
/** …and re-run at most this many times per navigation. */
const MAX_RERUNS = 8;
const HOVER_OPEN_MS = 220;

function uiLanguage(): Lang {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('ja') ? 'ja' : 'en';
  } catch {
    return 'en';
  }
}

function sourceHref(claimId: string, lang?: Lang): string {
  const q = new URLSearchParams({ claim: claimId });
  if (lang) q.set('lang', lang);
  return `${browser.runtime.getURL('/source.html' as never)}?${q.toString()}`;
}

/** Longest slice of the overlay's own work between yields (ms). */
const SLICE_MS = 8;

const yieldToMain = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

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

/**
 * The CSS highlight API where the browser has it, else wrapping. A page can ask for the wrapping
 * strategy with `<html data-counterpoint-highlight="wrap">` (the e2e tests use it to run the
 * fallback in browsers that have the API; it changes nothing but how highlights are painted).
 */
function preferredStrategy(): HighlightStrategy {
  if (document.documentElement.getAttribute('data-counterpoint-highlight') === 'wrap') return 'wrap';
  return supportedStrategy(document);
}

interface Session {
  /** Claim ids in order, to tell whether a re-run found the same thing. */
  signature: string;
  /** The shadow host (a page that wipes its body removes it: then the overlay is rebuilt). */
  host: Element;
  highlighter: Highlighter | null;
  ranges: Range[];
  destroy(): void;
}

/** Whether every range still points into the live document. */
function rangesAlive(ranges: readonly Range[]): boolean {
  return ranges.every((r) => r.startContainer.isConnected && r.endContainer.isConnected && !r.collapsed);
}

export function startOverlay(ctx: ContentScriptContext): void {
  let session: Session | null = null;
  let running = false;
  let pending = false;
  let observer: MutationObserver | null = null;
  let debounce = 0;
  let navTimer = 0;
  let watchUntil = 0;
  let reruns = 0;
  const site = siteOf(location.href);

  const teardown = (): void => {
    if (!session) return;
    session.destroy();
    session = null;
    // Unwrapping (fallback strategy) rejoins text nodes: not a page change to react to.
    observer?.takeRecords();
  };
  ctx.onInvalidated(teardown);

  async function annotate(): Promise<OverlayEngineResult | null> {
    const engine = await loadEngine();
    if (!engine) return null;
    try {
      if (typeof engine.annotateDocumentSteps === 'function') {
        const result = await runInSlices(engine.annotateDocumentSteps(document), {
          budgetMs: SLICE_MS,
          yieldToMain,
          onSlice: (start) => measure('annotate', start),
          cancelled: () => !ctx.isValid,
        });
        return result ?? null;
      }
      const t0 = performance.now();
      const result = engine.annotateDocument(document);
      measure('annotate', t0);
      return result;
    } catch (e) {
      console.warn('[Counterpoint] annotate failed', e);
      return null;
    }
  }

  async function run(): Promise<void> {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      do {
        pending = false;
        await runOnce();
      } while (pending && ctx.isValid);
    } finally {
      running = false;
    }
  }

  async function runOnce(): Promise<void> {
    // Non-article pages: a few selector lookups, then nothing; the DOM is never touched.
    if (!document.body || !looksLikeArticle(document)) {
      teardown();
      return;
    }
    if (site && !(await isOverlayEnabled(site))) {
      teardown();
      return;
    }
    const result = await annotate();
    if (!ctx.isValid) return;
    const anns = (result?.annotations ?? []).filter((a) => a.range && !a.range.collapsed);
    if (anns.length === 0) {
      teardown(); // no match: the page is left untouched
      return;
    }
    const signature = anns.map((a) => a.claimId).join('|');
    if (session && session.signature === signature && session.host.isConnected && rangesAlive(session.ranges)) return; // nothing new
    teardown();
    await yieldToMain(); // the engine's task ends here; the overlay's work is a task of its own
    if (!ctx.isValid) return;
    session = await mount(anns, signature);
    // Our own insertions (host, style, marks) must not wake the observer.
    observer?.takeRecords();
  }

  async function mount(anns: OverlayAnnotation[], signature: string): Promise<Session> {
    const ui = uiLanguage();
    const catalog = bundledCatalog();
    // Card models in slices, yielding to the page between them (a page can match many claims).
    const entries: OverlayEntry[] = [];
    let t0 = performance.now();
    for (const a of anns) {
      const card = buildCardModel(a, catalog, { ui, sourceHref });
      entries.push({ status: claimStatus(a.relations), speaker: card.who.name, quote: a.quote, card });
      if (performance.now() - t0 > SLICE_MS) {
        measure('prepare', t0);
        await yieldToMain();
        t0 = performance.now();
      }
    }
    const highlighter = anns.length
      ? highlight(
          document,
          anns.map((a, i) => ({ range: a.range, status: entries[i]!.status })),
          preferredStrategy(),
        )
      : null;
    measure('prepare', t0);
    const ranges = highlighter?.ranges ?? [];

    let api: OverlayApi | null = null;
    const host: OverlayHost = {
      rects: (i) => {
        const r = ranges[i];
        return r ? Array.from(r.getClientRects()).filter((x) => x.width > 0 || x.height > 0) : [];
      },
      reveal: (i, where = 'nearest') => {
        const r = ranges[i];
        if (!r) return;
        const rect = r.getBoundingClientRect();
        const vh = window.innerHeight;
        const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
        if (where === 'upper') {
          if (rect.top >= vh * 0.08 && rect.bottom <= vh * 0.45) return;
          // scrollIntoView also scrolls nested scroll containers; then leave some room above.
          el?.scrollIntoView({ block: 'start', inline: 'nearest' });
          const top = r.getBoundingClientRect().top;
          window.scrollBy(0, top - vh * 0.2);
          return;
        }
        if (rect.top >= 0 && rect.bottom <= vh) return;
        el?.scrollIntoView({ block: 'center', inline: 'nearest' });
      },
      setActive: (i) => highlighter?.setActive(i),
    };

    const shadowUi = await createShadowRootUi(ctx, {
      name: HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const t = performance.now();
        render(
          <I18nContext.Provider value={translate}>
            <OverlayApp entries={entries} ui={ui} host={host} bind={(a) => (api = a)} />
          </I18nContext.Provider>,
          container,
        );
        measure('render', t);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    shadowUi.mount();
    const hostEl = shadowUi.shadowHost;
    // Source links: a web page may not navigate to an extension page that is not web-accessible
    // (and making it so would let pages detect the extension), so the background opens the tab.
    shadowUi.shadow.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[data-testid="cp-source-link"]');
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      const params = new URL(link.href).searchParams;
      void browser.runtime
        .sendMessage({ type: 'source:open', claimId: params.get('claim') ?? '', lang: params.get('lang') ?? undefined })
        .catch((e: unknown) => console.warn('[Counterpoint] could not open the source view', e));
    });

    // Pointer: hit-test the highlight ranges (CSS highlights have no element to listen on).
    const controller = new AbortController();
    const opts = { signal: controller.signal, passive: true, capture: true } as const;
    let hovered = -1;
    let hoverTimer = 0;
    let frame = 0;
    let lastMove: MouseEvent | null = null;
    const fromOverlay = (e: Event): boolean => e.composedPath().includes(hostEl);

    if (ranges.length) {
      document.addEventListener(
        'mousemove',
        (e) => {
          lastMove = e;
          if (frame) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            const ev = lastMove;
            if (!ev || fromOverlay(ev)) return;
            const i = hitTest(ranges, ev.clientX, ev.clientY);
            if (i === hovered) return;
            clearTimeout(hoverTimer);
            if (hovered >= 0 && i < 0) api?.hoverEnd();
            hovered = i;
            if (i >= 0) hoverTimer = window.setTimeout(() => api?.open(i, 'hover'), HOVER_OPEN_MS);
          });
        },
        opts,
      );
      document.addEventListener(
        'click',
        (e) => {
          if (fromOverlay(e)) return;
          const sel = document.getSelection();
          if (sel && !sel.isCollapsed && sel.toString().trim()) return; // the reader is selecting text
          const i = hitTest(ranges, e.clientX, e.clientY);
          if (i >= 0) {
            clearTimeout(hoverTimer);
            api?.open(i, 'click');
          } else if (api?.openIndex() !== null) {
            api?.close();
          }
        },
        opts,
      );
      document.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'Escape' && api?.openIndex() !== null && !fromOverlay(e)) api?.close();
        },
        { signal: controller.signal, capture: true },
      );
    }

    return {
      signature,
      host: hostEl,
      highlighter,
      ranges,
      destroy() {
        controller.abort();
        clearTimeout(hoverTimer);
        cancelAnimationFrame(frame);
        shadowUi.remove();
        highlighter?.destroy();
      },
    };
  }

  // --- Re-runs: SPA navigation and article bodies that appear late ------------------------------

  /** Mutations the overlay itself caused (its host, style and marks), which must not wake it. */
  const isOwnMutation = (r: MutationRecord, hostEl: Element | null | undefined): boolean => {
    const t = r.target;
    if (hostEl && (t === hostEl || hostEl.contains(t))) return true;
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    if (nodes.length === 0) return false;
    return nodes.every(
      (n) =>
        n === hostEl ||
        // Any Counterpoint element (this overlay's host and marks, the notes UI).
        (n.nodeType === 1 && (n as Element).localName.startsWith('counterpoint-')) ||
        (n.nodeType === 1 && (n as Element).getAttribute('data-counterpoint') !== null) ||
        (n.nodeType === 3 && (n.parentNode as Element | null)?.localName === 'counterpoint-mark') ||
        !!session?.highlighter?.owns(n),
    );
  };

  const watch = (): void => {
    watchUntil = Date.now() + WATCH_WINDOW_MS;
    reruns = 0;
    if (observer || !document.documentElement) return;
    observer = new MutationObserver((records) => {
      if (Date.now() > watchUntil) {
        observer?.disconnect();
        observer = null;
        return;
      }
      const hostEl = session?.host;
      if (records.every((r) => isOwnMutation(r, hostEl))) return;
      clearTimeout(debounce);
      debounce = window.setTimeout(() => {
        if (reruns >= MAX_RERUNS || Date.now() > watchUntil) return;
        reruns++;
        void run();
      }, MUTATION_DEBOUNCE_MS);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.setTimeout(() => {
      if (Date.now() >= watchUntil) {
        observer?.disconnect();
        observer = null;
      }
    }, WATCH_WINDOW_MS + 50);
  };
  ctx.onInvalidated(() => {
    observer?.disconnect();
    observer = null;
    clearTimeout(debounce);
    clearTimeout(navTimer);
  });

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // A jump to an in-page anchor (#section) is not a new page: keep the overlay as it is.
    const strip = (u: URL | undefined): string => (u ? u.href.replace(/#.*$/, '') : '');
    if (event.oldUrl && strip(event.newUrl) === strip(event.oldUrl)) return;
    // The new URL's content usually renders after the navigation event: re-run once the DOM is quiet.
    teardown();
    watch();
    // Its own timer: mutation debouncing (bounded) must not swallow the navigation's run.
    clearTimeout(navTimer);
    navTimer = window.setTimeout(() => void run(), MUTATION_DEBOUNCE_MS);
  });

  if (site) {
    const off = onOverlaySettingChanged(() => void run());
    ctx.onInvalidated(off);
  }

  watch();
  void run();
}
