import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../lib/dataset/types';
import { pluralKey, type Substitutions } from '../lib/i18n/messages';

/**
 * Views never call extension APIs: the entrypoint hands them a translate function (utils/i18n.ts:
 * the bundled `_locales/` in the reader's chosen language), tests hand them a plain map. `lang`,
 * when set, is the language it speaks (for plurals and dates); a plain map counts as English.
 */
export type Translate = ((key: string, substitutions?: string | string[]) => string) & { lang?: Lang };

const fallback: Translate = (key) => key;
export const I18nContext = createContext<Translate>(fallback);
export const useT = (): Translate => useContext(I18nContext);

/** The language a translator speaks ('en' for one that does not say). */
export const langOf = (t: Translate): Lang => t.lang ?? 'en';

/**
 * A counted message: `key` with `count` as its substitution (or `substitutions`), in the singular
 * form `key + 'One'` where the language has one for this count ("1 saved highlight" / "2 saved
 * highlights"; Japanese has one form: 「1 件」「2 件」). See lib/i18n/messages.ts `pluralKey`.
 */
export function plural(t: Translate, key: string, count: number, substitutions?: Substitutions): string {
  const subs = (substitutions ?? String(count)) as string | string[];
  const singular = pluralKey(langOf(t), key, count);
  if (singular !== key) {
    const text = t(singular, subs);
    if (text !== singular) return text;
  }
  return t(key, subs);
}
