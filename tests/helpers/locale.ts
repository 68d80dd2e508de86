import type { Translate } from '../../components/i18n';

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A `Translate` over one locale's messages.json, with $1..$n substitution like browser.i18n. */
export const translator =
  (messages: Messages): Translate =>
  (key, subs) => {
    const entry = messages[key];
    if (!entry) return key;
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_m, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_x, i: string) => list[Number(i) - 1] ?? '');
    });
  };
