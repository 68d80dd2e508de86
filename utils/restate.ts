import type { RestatePartText } from '../lib/messages/protocol';
import type { RestateSource } from '../lib/overlay/page-annotator';
import { sendRequest } from './messaging';

/**
 * The content script's `RestateSource`: the restatement tier runs in the background, where its
 * index is (`restate:find`); the page sends its article's text and gets offsets back. Null on any
 * failure (the overlay then shows the first tier's matches alone).
 */
export const findRestatements: RestateSource = async (parts: RestatePartText[], date: string | null) => {
  try {
    const reply = await sendRequest({ type: 'restate:find', parts, date });
    if (!reply.ok) throw new Error(reply.error);
    return { found: reply.found, stories: reply.stories };
  } catch (e) {
    console.warn('[Counterpoint] restatements unavailable', e);
    return null;
  }
};
