/**
 * A piece of UI the content script puts into a page: a host element in the page's DOM with a
 * shadow root holding the UI's styles and a container to render into. The entrypoint supplies the
 * factory (`MountShadowUi`), so the views and their controllers stay free of extension APIs.
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
  /** Events that must not leave the shadow root (e.g. keys typed into a note). */
  isolateEvents?: string[];
  /** Called before the host is removed, to unrender the container. */
  onRemove?: (container: HTMLElement) => void;
}

export type MountShadowUi = (name: string, options?: ShadowUiOptions) => Promise<ShadowUi>;
