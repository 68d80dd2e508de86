import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ownNoteFields, type CounterpointDb } from '../../lib/storage/db';
import {
  addNote,
  allNotes,
  deleteNote,
  listNotes,
  mergeNotes,
  notesForPage,
  purgeTrash,
  restoreNote,
  setAnchorStates,
  TRASH_RETENTION_MS,
  updateNoteBody,
} from '../../lib/storage/notes-repo';
import { noteInput, useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('repo', (fresh) => (db = fresh));

const input = noteInput;
let idn = 0;
const meta = (now = 1000) => ({ id: `id-${idn++}`, now });

describe('notes repository', () => {
  it('adds, updates, lists newest first', async () => {
    const a = await addNote(db, input({ body: 'first' }), meta(1));
    const b = await addNote(db, input({ body: 'second' }), meta(2));
    expect(a).not.toHaveProperty('terms');
    const list = await listNotes(db);
    expect(list.total).toBe(2);
    expect(list.notes.map((n) => n.id)).toEqual([b.id, a.id]);
    const upd = await updateNoteBody(db, a.id, 'changed 気候', 5);
    expect(upd).toMatchObject({ body: 'changed 気候', updatedAt: 5, createdAt: 1 });
    expect((await listNotes(db, { search: '気候' })).notes.map((n) => n.id)).toEqual([a.id]);
    expect(await updateNoteBody(db, 'missing', 'x', 6)).toBeNull();
  });

  it('two concurrent saves both land; a duplicate id is refused, not overwritten', async () => {
    await Promise.all([addNote(db, input({ body: 'tab 1' }), meta()), addNote(db, input({ body: 'tab 2' }), meta())]);
    expect(await db.notes.count()).toBe(2);
    await addNote(db, input({ body: 'orig' }), { id: 'same', now: 1 });
    await expect(addNote(db, input({ body: 'other' }), { id: 'same', now: 2 })).rejects.toThrow();
    expect((await db.notes.get('same'))!.body).toBe('orig');
  });

  it('delete moves to trash, restore brings back the same note', async () => {
    const a = await addNote(db, input(), meta());
    expect(await deleteNote(db, a.id, 50)).toBe(true);
    expect(await db.notes.count()).toBe(0);
    expect(await deleteNote(db, a.id, 51)).toBe(false);
    expect(await restoreNote(db, a.id)).toEqual(a);
    expect(await db.notes.count()).toBe(1);
    expect(await restoreNote(db, a.id)).toBeNull();
  });

  it('purges only old trash', async () => {
    const a = await addNote(db, input(), meta());
    const b = await addNote(db, input(), meta());
    await deleteNote(db, a.id, 0);
    await deleteNote(db, b.id, TRASH_RETENTION_MS);
    expect(await purgeTrash(db, TRASH_RETENTION_MS + 1)).toBe(1);
    expect(await restoreNote(db, b.id)).not.toBeNull();
  });

  it('filters: claim / mine / orphan, and searches quotes in ja and en', async () => {
    const c = await addNote(db, input({ claimId: 'claim-1', body: '' }), meta(1));
    const m = await addNote(db, input({ body: 'Mine about Elections', target: { quote: { type: 'TextQuoteSelector', exact: '選挙の結果', prefix: '', suffix: '' }, position: null } }), meta(2));
    await setAnchorStates(db, [c.id], [m.id]);
    expect((await listNotes(db, { filter: 'claim' })).notes.map((n) => n.id)).toEqual([c.id]);
    expect((await listNotes(db, { filter: 'mine' })).notes.map((n) => n.id)).toEqual([m.id]);
    expect((await listNotes(db, { filter: 'orphan' })).notes.map((n) => n.id)).toEqual([m.id]);
    expect((await listNotes(db, { search: '選挙' })).notes.map((n) => n.id)).toEqual([m.id]);
    expect((await listNotes(db, { search: '結果' })).notes.map((n) => n.id)).toEqual([m.id]);
    expect((await listNotes(db, { search: 'elect' })).notes.map((n) => n.id)).toEqual([m.id]);
    expect((await listNotes(db, { search: 'quoted' })).notes.map((n) => n.id)).toEqual([c.id]);
    expect((await listNotes(db, { search: 'quoted', filter: 'mine' })).total).toBe(0);
    expect((await listNotes(db, { search: 'nothing-like-this' })).total).toBe(0);
  });

  it('pages through results', async () => {
    for (let i = 0; i < 25; i++) await addNote(db, input({ body: `n${i}` }), meta(i));
    const p1 = await listNotes(db, { limit: 10 });
    const p3 = await listNotes(db, { limit: 10, offset: 20 });
    expect(p1.total).toBe(25);
    expect(p1.notes[0]!.body).toBe('n24');
    expect(p3.notes.map((n) => n.body)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0']);
  });

  it('finds a page by canonical URL, by the address it was made on, and same-title candidates', async () => {
    const own = await addNote(db, input(), meta(1));
    const redirected = await addNote(db, input({ url: 'https://old.example/x', sourceUrl: 'https://old.example/x' }), meta(2));
    const sameTitle = await addNote(db, input({ url: 'https://news.example/amp/a', sourceUrl: 'https://news.example/amp/a' }), meta(3));
    // Same title on another site: never a candidate (a page could copy a title to probe for notes).
    await addNote(db, input({ url: 'https://mirror.example/y', sourceUrl: 'https://mirror.example/y' }), meta(4));
    await addNote(db, input({ url: 'https://news.example/b', sourceUrl: 'https://mirror.example/b' }), meta(5));
    const res = await notesForPage(db, { url: 'https://news.example/a', sourceUrl: 'https://news.example/x', title: 'A long enough article title' });
    expect(res.notes.map((n) => n.id).sort()).toEqual([own.id].sort());
    expect(res.candidates.map((n) => n.id)).toEqual([sameTitle.id]);
    const moved = await notesForPage(db, { url: 'https://old.example/x', sourceUrl: 'https://old.example/x', title: 'A long enough article title' });
    expect(moved.notes.map((n) => n.id)).toEqual([redirected.id]);
    expect(moved.candidates).toEqual([]);
    const short = await notesForPage(db, { url: 'https://z.example/', sourceUrl: 'https://z.example/', title: 'Home' });
    expect(short).toEqual({ notes: [], candidates: [] });
  });

  it('merges by id without duplicates', async () => {
    const a = await addNote(db, input(), meta(1));
    const exported = await allNotes(db);
    const newcomer = { ...exported[0]!, id: 'imported-1', body: 'from file' };
    expect(await mergeNotes(db, [...exported, newcomer, newcomer])).toEqual({ added: 1, skipped: 2 });
    expect(await db.notes.count()).toBe(2);
    expect((await db.notes.get('imported-1'))!.terms).toContain('file');
    expect((await db.notes.get(a.id))!.body).toBe('my note');
  });
});

describe('search at scale', () => {
  it('pages a search with many hits through the time index, same answer as the general path', async () => {
    const rows = Array.from({ length: 2600 }, (_, i) => ({
      id: `s-${String(i).padStart(5, '0')}`, url: `https://s.example/${i % 40}`, sourceUrl: `https://s.example/${i % 40}`, title: 't',
      body: i % 2 ? `気候 note ${i}` : `other ${i}`, target: null, claimId: i % 3 ? null : 'c', anchorState: 'unknown' as const,
      createdAt: i, updatedAt: i, terms: [] as string[], ...ownNoteFields(),
    }));
    const { searchTerms } = await import('../../lib/storage/search-terms');
    for (const r of rows) r.terms = searchTerms(`t\n\n${r.body}`);
    await db.notes.bulkAdd(rows);
    const fast = await listNotes(db, { search: '気候', offset: 100, limit: 50 });
    expect(fast.total).toBe(1300);
    expect(fast.notes.map((n) => n.createdAt)).toEqual(Array.from({ length: 50 }, (_, k) => 2599 - 2 * (100 + k)));
    // Filter 'claim' forces the general path; results must agree with a manual filter.
    const slow = await listNotes(db, { search: '気候', filter: 'claim', limit: 5 });
    expect(slow.total).toBe(rows.filter((r) => r.body.includes('気候') && r.claimId).length);
    expect(slow.notes[0]!.createdAt).toBe(2595);
    // Pieces are ANDed word prefixes: odd i with a word starting "259": 259, 2591, 2593, 2595, 2597, 2599.
    expect((await listNotes(db, { search: 'note 259' })).total).toBe(6);
  });
});
