import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CounterpointDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type NoteV1, type NoteV2 } from '../../lib/storage/db';
import { listNotes } from '../../lib/storage/notes-repo';

let n = 0;
const uniqueName = () => `migration-${Date.now()}-${n++}`;

describe('schema migration v1 → v2 → v3 → v4', () => {
  it('keeps every note written by v1 and backfills the new fields', async () => {
    const name = uniqueName();
    // The database exactly as the first release wrote it: only version(1) declared.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const old: NoteV1[] = Array.from({ length: 50 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://example.com/a/${i % 5}`,
      body: i % 2 ? `気候変動について ${i}` : `Climate note ${i}`,
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i * 2,
    }));
    await v1.table('notes').bulkAdd(old);
    v1.close();

    const db = new CounterpointDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const all = await db.notes.toArray();
    expect(all).toHaveLength(50);
    for (const o of old) {
      const got = all.find((x) => x.id === o.id)!;
      expect(got).toMatchObject({ ...o, sourceUrl: o.url, title: '', target: null, claimId: null, anchorState: 'unknown' });
      expect(got).toMatchObject({ format: 'text/plain', tags: [], links: [], origin: null });
      expect(got.terms.length).toBeGreaterThan(0);
    }
    // New indexes work on migrated rows.
    expect((await listNotes(db, { search: '気候' })).total).toBe(25);
    expect((await listNotes(db, { search: 'climate' })).total).toBe(25);
    expect(await db.notes.where('updatedAt').above(0).count()).toBe(50);
    db.close();

    // Reopening (browser restart / extension update) keeps them too.
    const again = new CounterpointDb(name);
    expect(await again.notes.count()).toBe(50);
    again.close();
  });

  it('v2 → v3: keeps every note and trashed note, fills the new fields, drops only the old-coordinate positions', async () => {
    const name = uniqueName();
    // The database exactly as v2 shipped: versions 1 and 2 declared.
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const quote = { type: 'TextQuoteSelector' as const, exact: '引用された言葉', prefix: '前の', suffix: 'の後' };
    const old: NoteV2[] = Array.from({ length: 30 }, (_, i) => ({
      id: `v2-${i}`,
      url: `https://example.com/a/${i % 3}`,
      sourceUrl: `https://example.com/a/${i % 3}?ref=${i}`,
      title: `Title ${i}`,
      body: i % 2 ? `気候のメモ ${i}` : '',
      target: i % 5 === 4 ? null : { quote, position: { type: 'TextPositionSelector', start: 100 + i, end: 107 + i } },
      claimId: i % 4 ? null : 'claim-1',
      anchorState: i % 6 ? 'anchored' : 'orphan',
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_500 + i,
      terms: ['気候', `title`],
    }));
    await v2.table('notes').bulkAdd(old.slice(0, 25));
    await v2.table('trash').bulkAdd(old.slice(25).map((n) => ({ ...n, deletedAt: 5 })));
    v2.close();

    const db = new CounterpointDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const all = [...(await db.notes.toArray()), ...(await db.trash.toArray())];
    expect(all).toHaveLength(30);
    for (const o of old) {
      const got = all.find((x) => x.id === o.id)!;
      const { target, ...rest } = o;
      expect(got).toMatchObject({ ...rest, format: 'text/plain', tags: [], links: [], origin: null });
      expect(got.target).toEqual(target ? { quote, position: null } : null);
    }
    expect((await db.trash.get('v2-26'))!.deletedAt).toBe(5);
    expect((await listNotes(db, { search: '気候' })).total).toBe(12);
    db.close();
  });

  it('v3 → v4: adds the reading history, notes untouched', async () => {
    const name = uniqueName();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const note = { id: 'v3-1', url: 'https://a.example/x', sourceUrl: 'https://a.example/x', title: 't', body: 'b', format: 'text/plain', tags: [], links: [], origin: null, target: null, claimId: null, anchorState: 'unknown', createdAt: 1, updatedAt: 2, terms: ['b'] };
    await v3.table('notes').add(note);
    v3.close();
    const db = new CounterpointDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.notes.get('v3-1')).toEqual(note);
    expect(await db.visits.count()).toBe(0);
    db.close();
  });

  it('opens a fresh database at v4', async () => {
    const db = new CounterpointDb(uniqueName());
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['notes', 'trash', 'visits']);
    db.close();
  });
});
