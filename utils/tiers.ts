import type { RestatePartText } from '../lib/messages/protocol';
import type { ClaimsSource, RestateSource } from '../lib/overlay/page-annotator';
import { sendRequest } from './messaging';

let finds = 0;
/** How many texts this content script sent to be matched (for `overlay:stats`). */
export function claimsFinds(): number {
  return finds;
}

/**
 * The content script's `ClaimsSource`: the first tier runs in the background, where its index is
 * (`claims:find`); the page sends one part of its article's text and gets offsets back. Null on
 * any failure (the part then shows nothing; the next run asks again).
 */
export const claimsFromBackground: ClaimsSource = async (text, language) => {
  finds++;
  try {
    const reply = await sendRequest({ type: 'claims:find', text, language: language ?? null });
    if (!reply.ok) throw new Error(reply.error);
    return { found: reply.found, namesStoryPeople: reply.namesStoryPeople };
  } catch (e) {
    console.warn('[Counterpoint] claims unavailable', e);
    return null;
  }
};

/**
 * The content script's `RestateSource`: the restatement tier runs in the background, where its
 * index is (`restate:find`); the page sends its article's text and gets offsets back. Null on any
 * failure (the overlay then shows the first tier's matches alone).
 */
export const restatementsFromBackground: RestateSource = async (parts: RestatePartText[], date: string | null) => {
  try {
    const reply = await sendRequest({ type: 'restate:find', parts, date });
    if (!reply.ok) throw new Error(reply.error);
    return { found: reply.found, stories: reply.stories };
  } catch (e) {
    console.warn('[Counterpoint] restatements unavailable', e);
    return null;
  }
};
