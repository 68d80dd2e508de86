import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterpointDb } from '../../lib/storage/db';
import { handleMessage } from '../../lib/messages/handle';
import { parseRequest, type RequestSender } from '../../lib/messages/protocol';
const extensionPage: RequestSender = { kind: 'extension-page' };

let n = 0;
const dbs: CounterpointDb[] = [];
function freshDb(): CounterpointDb {
  const db = new CounterpointDb(`test-foundation-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('message protocol', () => {
  it('accepts ping', () => {
    expect(parseRequest({ type: 'ping' })).toEqual({ type: 'ping' });
  });

  it.each([null, undefined, 42, 'ping', [], { type: 'nope' }, { type: 7 }, {}])('rejects %j with a reason', (bad) => {
    expect(parseRequest(bad)).toHaveProperty('invalid');
  });
});

describe('handleMessage', () => {
  it('answers ping with the number of notes in the database', async () => {
    const db = freshDb();
    expect(await handleMessage({ db }, { type: 'ping' }, extensionPage)).toEqual({ ok: true, noteCount: 0 });
    await db.table('notes').bulkAdd([
      { id: 'a', url: 'https://example.com/a', body: 'x', createdAt: 1, updatedAt: 1 },
      { id: 'b', url: 'https://example.com/b', body: 'y', createdAt: 2, updatedAt: 2 },
    ]);
    expect(await handleMessage({ db }, { type: 'ping' }, extensionPage)).toMatchObject({ ok: true, noteCount: 2 });
  });

  it('answers an invalid message with an error instead of throwing', async () => {
    const reply = await handleMessage({ db: freshDb() }, { type: 'drop-all-tables' }, extensionPage);
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(/unknown message type/);
  });
});
