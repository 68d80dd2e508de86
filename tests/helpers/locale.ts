import type { Translate } from '../../components/i18n';
import type { Lang } from '../../lib/dataset/types';
import { formatMessage, type MessageTable } from '../../lib/i18n/messages';

export type Messages = MessageTable;

/**
 * A `Translate` over one locale's messages.json, substituting as browser.i18n does (the same
 * formatter the extension uses). `lang` tells `plural()` which forms the language has.
 */
export const translator = (messages: Messages, lang: Lang = 'en'): Translate => {
  const t: Translate = (key, subs) => formatMessage(messages, key, subs) ?? key;
  t.lang = lang;
  return t;
};
