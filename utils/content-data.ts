import type { ContentDataItem } from '../lib/messages/protocol';
import { sendRequest } from './messaging';

const asked = new Map<ContentDataItem, Promise<string>>();

/**
 * Bundled data the content script's second stage does not carry (the first tier's index, the card
 * catalog, the UI strings of one language), as JSON text from the background. Asked once per
 * document; a failed request is forgotten, so a later run may ask again.
 */
export function requestContentData(item: ContentDataItem): Promise<string> {
  let text = asked.get(item);
  if (!text) {
    text = sendRequest({ type: 'content:data', item }).then((reply) => {
      if (!reply.ok) throw new Error(reply.error);
      return reply.json;
    });
    text.catch(() => asked.delete(item));
    asked.set(item, text);
  }
  return text;
}
