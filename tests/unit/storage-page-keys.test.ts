import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CounterpointDb } from '../../lib/storage/db';
import { addNote, deleteNote, notePageKeys, notesForPage, type PageKey } from '../../lib/storage/notes-repo';
import { addressKey, mayHaveNotes, pageKeysOf, titleKey } from '../../lib/storage/page-keys';
import { noteInput, useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('keys', (fresh) => (db = fresh));

const note = noteInput;
let idn = 0;
const meta = () => ({ id: `k-${idn++}`, now: 1000 + idn });

describe('page keys (may this page have notes?)', () => {
  it('asks when nothing usable is stored', () => {
    const page: PageKey = { url: 'https://a.example/x', sourceUrl: 'https://a.example/x', title: 'Whatever title here' };
    expect(mayHaveNotes(page, undefined)).toBe(true);
    expect(mayHaveNotes(page, 'garbage')).toBe(true);
    expect(mayHaveNotes(page, [1, 2])).toBe(true);
    expect(mayHaveNotes(page, [])).toBe(false);
  });

  it('matches by address, source address, or a title long enough to identify an article', () => {
    const keys = pageKeysOf({ urls: ['https://a.example/x'], sourceUrls: ['https://a.example/x?ref=1'], titles: ['Short', 'A long enough article title'] });
    expect(keys).toContain(addressKey('https://a.example/x'));
    expect(keys).not.toContain(titleKey('Short'));
    const base: PageKey = { url: 'https://other.example/', sourceUrl: 'https://other.example/', title: 'Unrelated page title' };
    expect(mayHaveNotes(base, keys)).toBe(false);
    expect(mayHaveNotes({ ...base, url: 'https://a.example/x' }, keys)).toBe(true);
    expect(mayHaveNotes({ ...base, sourceUrl: 'https://a.example/x?ref=1' }, keys)).toBe(true);
    expect(mayHaveNotes({ ...base, title: 'A long enough article title' }, keys)).toBe(true);
    expect(mayHaveNotes({ ...base, title: 'Short' }, keys)).toBe(false);
  });

  it('never says no where the database has notes or title candidates for the page', async () => {
    await addNote(db, note({}), meta());
    await addNote(db, note({ url: 'https://b.example/2', sourceUrl: 'https://m.b.example/2', title: 'Another story about something' }), meta());
    const gone = await addNote(db, note({ url: 'https://c.example/3', sourceUrl: 'https://c.example/3', title: 'Deleted note title' }), meta());
    await deleteNote(db, gone.id, 2000);
    const keys = await notePageKeys(db);
    const pages: PageKey[] = [
      { url: 'https://news.example/a', sourceUrl: 'https://news.example/a', title: 'x' },
      { url: 'https://news.example/canonical', sourceUrl: 'https://news.example/a?utm_source=x', title: 'x' },
      { url: 'https://mirror.example/copy', sourceUrl: 'https://mirror.example/copy', title: 'Another story about something' },
      { url: 'https://m.b.example/2', sourceUrl: 'https://m.b.example/2', title: '' },
      { url: 'https://c.example/3', sourceUrl: 'https://c.example/3', title: 'Deleted note title' },
      { url: 'https://unrelated.example/', sourceUrl: 'https://unrelated.example/', title: 'Nothing to do with it' },
    ];
    for (const page of pages) {
      const found = await notesForPage(db, page);
      const has = found.notes.length + found.candidates.length > 0;
      if (has) expect(mayHaveNotes(page, keys), page.url).toBe(true);
    }
    // And it does say no for a page with nothing (the point of it), including a deleted note's page.
    expect(mayHaveNotes(pages[5]!, keys)).toBe(false);
    expect(mayHaveNotes(pages[4]!, keys)).toBe(false);
  });
});
