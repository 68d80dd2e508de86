import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CounterpointDb, SCHEMA_V1, type NoteV1 } from '../../lib/storage/db';
import { listNotes } from '../../lib/storage/notes-repo';

let n = 0;
const uniqueName = () => `migration-${Date.now()}-${n++}`;

describe('schema migration v1 → v2', () => {
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
    expect(db.verno).toBe(2);
    const all = await db.notes.toArray();
    expect(all).toHaveLength(50);
    for (const o of old) {
      const got = all.find((x) => x.id === o.id)!;
      expect(got).toMatchObject({ ...o, sourceUrl: o.url, title: '', target: null, claimId: null, anchorState: 'unknown' });
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

  it('opens a fresh database at v2', async () => {
    const db = new CounterpointDb(uniqueName());
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['notes', 'trash']);
    db.close();
  });
});
