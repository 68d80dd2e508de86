import type { MessageTable } from '../i18n/messages';
import type { ContentDataItem } from './protocol';

/** The bundled files behind `content:data`, as the background imports them (text). */
export interface BundledTexts {
  claimsCatalog: string;
  messages: { en: string; ja: string };
}

/**
 * The background's answer to `content:data`: each item as JSON text. A string crosses the message
 * channel as one copy and is parsed once on the page's side; the object itself would be cloned
 * property by property. The UI strings of one language come with English under every key that
 * language lacks (the fallback the extension's pages make from their two bundled tables), so the
 * page gets one table. Texts are made once and kept.
 */
export function contentDataSource(texts: BundledTexts): (item: ContentDataItem) => string {
  const made = new Map<ContentDataItem, string>();
  const make = (item: ContentDataItem): string => {
    switch (item) {
      case 'claims-catalog':
        return texts.claimsCatalog;
      case 'messages-en':
        return texts.messages.en;
      case 'messages-ja':
        return JSON.stringify(withFallback(JSON.parse(texts.messages.ja) as MessageTable, JSON.parse(texts.messages.en) as MessageTable));
    }
  };
  return (item) => {
    let text = made.get(item);
    if (text === undefined) made.set(item, (text = make(item)));
    return text;
  };
}

/** `table`, with `fallback`'s entry under each key `table` lacks. */
function withFallback(table: MessageTable, fallback: MessageTable): MessageTable {
  return { ...fallback, ...table };
}
