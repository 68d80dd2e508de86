import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CounterpointDb } from '../../lib/storage/db';
import { describeError, handleMessage, type HandlerEnv } from '../../lib/messages/handle';
import { parseRequest, type RequestSender } from '../../lib/messages/protocol';
const extensionPage: RequestSender = { kind: 'extension-page' };

let n = 0;
const dbs: CounterpointDb[] = [];
function freshDb(): CounterpointDb {
  const db = new CounterpointDb(`test-notes-messages-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
let clock = 1_700_000_000_000;
let ids = 0;
const env: HandlerEnv = { now: () => clock++, newId: () => `id-${ids++}` };

const note = (body = 'my note') => ({
  url: 'https://news.example/a',
  sourceUrl: 'https://news.example/a?x=1',
  title: 'Story',
  body,
  target: { quote: { type: 'TextQuoteSelector', exact: 'said this', prefix: 'He ', suffix: '.' }, position: { type: 'TextPositionSelector', start: 3, end: 12 } },
  claimId: null,
});

describe('notes protocol validation', () => {
  it.each([
    [{ type: 'notes:add' }, /note must be an object/],
    [{ type: 'notes:add', note: { ...note(), url: 'javascript:alert(1)' } }, /url must be http/],
    [{ type: 'notes:add', note: { ...note(), body: 5 } }, /note must be a string/],
    [{ type: 'notes:add', note: { ...note(), target: { quote: { exact: 'x'.repeat(20_000) } } } }, /highlighted text too large/],
    [{ type: 'notes:add', note: { ...note(), target: { quote: { exact: 'ok' }, position: { start: 5, end: 2 } } } }, /position.end/],
    [{ type: 'notes:add', note: { ...note(), claimId: 'a b' } }, /claimId/],
    [{ type: 'notes:update', id: 'x' }, /note must be a string/],
    [{ type: 'notes:delete', id: '../x' }, /id has invalid characters/],
    [{ type: 'notes:list', filter: 'everything' }, /filter must be one of/],
    [{ type: 'notes:list', limit: 1e9 }, /limit must be/],
    [{ type: 'notes:export', format: 'pdf' }, /format/],
    [{ type: 'notes:anchors', hints: { canonical: null, title: '' }, anchored: 'x', orphaned: [] }, /anchored must be an array/],
    [{ type: 'notes:anchors', anchored: [], orphaned: [] }, /hints must be an object/],
  ])('rejects %j', (msg, reason) => {
    const r = parseRequest(msg);
    expect(r).toHaveProperty('invalid');
    expect((r as { invalid: string }).invalid).toMatch(reason);
  });

  it('refuses a 10 MB note with a message and stores nothing', async () => {
    const db = freshDb();
    const r = await handleMessage({ db, env }, { type: 'notes:add', note: note('x'.repeat(10 * 1024 * 1024)) }, extensionPage);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^note too large \(10\.0 MB; the limit is 64 KB\)/) });
    expect(await db.notes.count()).toBe(0);
    const big = await handleMessage({ db, env }, { type: 'notes:add', note: note('あ'.repeat(30_000)) }, extensionPage); // 90 KB in UTF-8
    expect(big).toMatchObject({ ok: false, error: expect.stringMatching(/note too large/) });
  });
});

describe('handleMessage for notes', () => {
  it('add → list → update → delete → restore, and ping counts', async () => {
    const db = freshDb();
    const added = await handleMessage({ db, env }, { type: 'notes:add', note: note() }, extensionPage);
    expect(added).toMatchObject({ ok: true, note: { id: 'id-0', body: 'my note', url: 'https://news.example/a', anchorState: 'anchored' } });
    expect(await handleMessage({ db, env }, { type: 'ping' }, extensionPage)).toEqual({ ok: true, noteCount: 1 });
    expect(await handleMessage({ db, env }, { type: 'notes:list', search: 'said' }, extensionPage)).toMatchObject({ ok: true, total: 1 });
    expect(await handleMessage({ db, env }, { type: 'notes:update', id: 'id-0', body: '更新した' }, extensionPage)).toMatchObject({ ok: true, note: { body: '更新した' } });
    expect(await handleMessage({ db, env }, { type: 'notes:list', search: '更新' }, extensionPage)).toMatchObject({ total: 1 });
    expect(await handleMessage({ db, env }, { type: 'notes:delete', id: 'id-0' }, extensionPage)).toEqual({ ok: true });
    expect(await handleMessage({ db, env }, { type: 'ping' }, extensionPage)).toEqual({ ok: true, noteCount: 0 });
    expect(await handleMessage({ db, env }, { type: 'notes:delete', id: 'id-0' }, extensionPage)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env }, { type: 'notes:restore', id: 'id-0' }, extensionPage)).toMatchObject({ ok: true, note: { body: '更新した' } });
    expect(await handleMessage({ db, env }, { type: 'notes:update', id: 'nope', body: 'x' }, extensionPage)).toMatchObject({ ok: false, error: expect.stringMatching(/no longer exists/) });
  });

  it('page lookup and anchor reports', async () => {
    const db = freshDb();
    const r = (await handleMessage({ db, env }, { type: 'notes:add', note: note() }, extensionPage)) as { note: { id: string } };
    const page = await handleMessage({ db, env }, { type: 'notes:page', page: { url: 'https://news.example/a', sourceUrl: 'https://news.example/a', title: 'Story' } }, extensionPage);
    expect(page).toMatchObject({ ok: true, notes: [{ id: r.note.id }], candidates: [] });
    // Anchor reports come from the page's own content script (its address from the browser).
    const onPage: RequestSender = { kind: 'content-script', tabId: 1, tabIndex: 0, url: 'https://news.example/a?x=1' };
    const hints = { canonical: null, title: 'Story' };
    expect(await handleMessage({ db, env }, { type: 'notes:anchors', hints, anchored: [], orphaned: [r.note.id] }, extensionPage)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env }, { type: 'notes:anchors', hints, anchored: [], orphaned: [r.note.id] }, onPage)).toEqual({ ok: true, updated: 1 });
    expect(await handleMessage({ db, env }, { type: 'notes:list', filter: 'orphan' }, extensionPage)).toMatchObject({ total: 1 });
  });

  it('two tabs saving at once lose nothing', async () => {
    const db = freshDb();
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => handleMessage({ db }, { type: 'notes:add', note: note(`tab ${i}`) }, extensionPage)));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(await db.notes.count()).toBe(20);
  });

  it('export then import through messages round-trips', async () => {
    const db = freshDb();
    await handleMessage({ db, env }, { type: 'notes:add', note: note('a') }, extensionPage);
    await handleMessage({ db, env }, { type: 'notes:add', note: { ...note('b'), claimId: 'c-1' } }, extensionPage);
    const before = await db.notes.toArray();
    const exp = (await handleMessage({ db, env }, { type: 'notes:export', format: 'jsonld' }, extensionPage)) as { ok: true; content: string; filename: string; count: number };
    expect(exp).toMatchObject({ ok: true, count: 2, filename: expect.stringMatching(/\.jsonld$/) });
    const md = await handleMessage({ db, env }, { type: 'notes:export', format: 'markdown' }, extensionPage);
    expect(md).toMatchObject({ ok: true, mimeType: 'text/markdown' });
    await db.notes.clear();
    expect(await handleMessage({ db, env }, { type: 'notes:import', content: exp.content }, extensionPage)).toMatchObject({ ok: true, added: 2, skipped: 0, rejected: 0 });
    expect(await db.notes.toArray()).toEqual(before);
    expect(await handleMessage({ db, env }, { type: 'notes:import', content: exp.content.slice(0, 100) }, extensionPage)).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it('a full disk reaches the reader as a message', async () => {
    const db = freshDb();
    await db.open();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(db.notes, 'add').mockRejectedValueOnce(quota);
    const r = await handleMessage({ db, env }, { type: 'notes:add', note: note() }, extensionPage);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Not enough storage space/) });
    expect(describeError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/Not enough storage/);
    expect(describeError(Object.assign(new Error('x'), { name: 'UnknownError' }))).toMatch(/Could not use the notes database/);
  });
});
