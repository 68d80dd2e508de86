/**
 * The UI's strings, looked up the way `browser.i18n.getMessage` does, but from a table the
 * extension bundles (`public/_locales/{en,ja}/messages.json`): so the reader's chosen UI language
 * works in every browser, also where the browser itself has no Japanese (Firefox without a
 * language pack reports English to `browser.i18n`). Pure: no extension API.
 */

import type { Lang } from '../dataset/types';

/** One locale's `messages.json` (the WebExtension format). */
export type MessageTable = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Substitutions as `getMessage` takes them: one string or a list ($1 … $9). */
export type Substitutions = string | readonly string[] | undefined;

/**
 * Formats one message like `browser.i18n.getMessage`: named placeholders (`$COUNT$`, matched
 * case-insensitively against `placeholders`) become their `content`, in which `$1` … `$9` are the
 * substitutions; `$1` … `$9` written directly in the message work too (MDN's "direct
 * substitution"); `$$` is a dollar sign. A missing substitution is empty, as in the browsers.
 * Returns null when the table has no such key.
 */
export function formatMessage(table: MessageTable, key: string, substitutions?: Substitutions): string | null {
  const entry = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (!entry || typeof entry.message !== 'string') return null;
  const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  const positional = (text: string): string => text.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  // One pass, so a substituted value is never read again as a placeholder ("$1" typed by a reader stays "$1").
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (match, name: string | undefined, digit: string | undefined) => {
    if (match === '$$') return '$';
    if (digit !== undefined) return subs[Number(digit) - 1] ?? '';
    const content = placeholders.get(name!.toLowerCase());
    return content === undefined ? match : positional(content);
  });
}

/**
 * The CLDR plural category of `count` in `lang` (English: "one" for 1, else "other"; Japanese has
 * no plural forms: always "other"). `Intl.PluralRules` where the engine has it.
 */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = null;
    }
    pluralRules.set(lang, rules);
  }
  if (rules) return rules.select(count);
  return lang === 'en' && count === 1 ? 'one' : 'other';
}

/** One `Intl.PluralRules` per language (building one costs far more than a lookup). */
const pluralRules = new Map<Lang, Intl.PluralRules | null>();

/**
 * The key of a counted message. A message with a singular form keeps it under the same key plus
 * `One` (`noteOrphans` / `noteOrphansOne`, as `ovBadgeClaims` / `ovBadgeClaimsOne`): English uses it
 * for 1; Japanese, which counts with counters (件) and has no plural, never does. Only the two
 * categories our two languages have are modelled; a locale with more would add keys the same way.
 */
export function pluralKey(lang: Lang, key: string, count: number): string {
  return pluralCategory(lang, count) === 'one' ? `${key}One` : key;
}
