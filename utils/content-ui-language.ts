import type { MessageTable } from '../lib/i18n/messages';
import { requestContentData } from './content-data';
import { UiLanguage } from './ui-language';

/**
 * The content script's UI language (the overlay, the cards, the menu at a note): the reader's
 * choice, with the one table it needs asked from the background (`content:data`, English under
 * any key the language lacks), when a view is first drawn. The tables of both languages would be
 * 11 KB gzipped in the second stage of every page that passes the gate.
 */
export const contentUiLanguage = new UiLanguage(async (lang) => JSON.parse(await requestContentData(lang === 'ja' ? 'messages-ja' : 'messages-en')) as MessageTable);
