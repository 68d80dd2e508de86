import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Views never call extension APIs: the entrypoint hands them a translate function
 * (backed by `browser.i18n.getMessage` and `_locales/`), tests hand them a plain map.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

const fallback: Translate = (key) => key;
export const I18nContext = createContext<Translate>(fallback);
export const useT = (): Translate => useContext(I18nContext);
