/**
 * A piece of UI the content script puts into a page: a host element in the page's DOM with a
 * closed shadow root holding the UI's styles and a container to render into.
 *
 * Closed: page script gets `null` from `host.shadowRoot`, so it can neither read the UI (card text,
 * focus) nor rewrite it nor click inside it. The styles are inlined into the shadow root as text, so
 * the extension needs no web-accessible stylesheet (which page script could fetch to detect the
 * extension, and in Firefox to read the install's UUID). Only events the browser itself generated
 * (`isTrusted`) reach the UI; a synthetic event would have to be dispatched at an element inside the
 * root, which page script cannot reach, so this is defence in depth. If the page takes the host out
 * of its DOM (re-rendering its body, or on purpose), it is put back on the next frame: once a frame
 * at most, so a page that keeps removing it cannot turn this into a busy loop.
 */

export interface ShadowUi {
  /** The element in the page's DOM. */
  readonly host: Element;
  readonly shadow: ShadowRoot;
  /** Where the view renders. */
  readonly container: HTMLElement;
  /** Takes the host out of the page (and unrenders). */
  remove(): void;
}

export interface ShadowUiOptions {
  /** Called before the host is removed, to unrender the container. */
  onRemove?: (container: HTMLElement) => void;
}

export type MountShadowUi = (name: string, options?: ShadowUiOptions) => Promise<ShadowUi>;

/** Events the UI reacts to; untrusted ones are stopped at the shadow root. */
const INPUT_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'submit', 'touchstart', 'touchend',
] as const;

/** `css`: the UI's stylesheet text, scoped to the shadow root. */
export function closedShadowUi(doc: Document, css: string): MountShadowUi {
  return async (name, options = {}) => {
    const host = doc.createElement(name);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    // The host takes none of the page's styles (the page's CSS cannot restyle or hide the UI's parts).
    style.textContent = `:host { all: initial !important; }\n${css}`;
    const container = doc.createElement('div');
    shadow.append(style, container);
    const controller = new AbortController();
    for (const type of INPUT_EVENTS) {
      shadow.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) e.stopImmediatePropagation();
        },
        { capture: true, signal: controller.signal },
      );
    }
    let removed = false;
    let frame = 0;
    const attach = (): void => {
      frame = 0;
      if (!removed && !host.isConnected) (doc.body ?? doc.documentElement).append(host);
    };
    attach();
    // Put the host back when the page takes it out (watches only the children of <html> and of
    // the body it was put into, not the whole tree).
    const keeper = new MutationObserver(() => {
      if (!removed && !host.isConnected && !frame) frame = requestAnimationFrame(attach);
    });
    keeper.observe(doc.documentElement, { childList: true });
    if (host.parentNode && host.parentNode !== doc.documentElement) keeper.observe(host.parentNode, { childList: true });
    return {
      host,
      shadow,
      container,
      remove() {
        removed = true;
        keeper.disconnect();
        controller.abort();
        if (frame) cancelAnimationFrame(frame);
        options.onRemove?.(container);
        host.remove();
      },
    };
  };
}
