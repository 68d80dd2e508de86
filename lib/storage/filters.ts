/**
 * Note list filters. Kept free of imports: the message protocol (also bundled into the content
 * script) needs them, and must not pull Dexie into that bundle. Dexie's source has a raw U+FFFF
 * and Chrome refuses to load a content script containing a noncharacter ("isn't UTF-8 encoded").
 */
export type NoteFilter = 'all' | 'claim' | 'mine' | 'orphan';
export const NOTE_FILTERS: readonly NoteFilter[] = ['all', 'claim', 'mine', 'orphan'];
