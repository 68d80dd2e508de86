import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DraftDesk } from '../../lib/messages/drafts';
import { captureDraft, handleMessage, type HandlerDeps } from '../../lib/messages/handle';
import { ALLOWED, NO_SELECTION, type RequestSender } from '../../lib/messages/protocol';
import { senderFrom } from '../../lib/messages/sender';
import type { CounterpointDb } from '../../lib/storage/db';
import { addNote } from '../../lib/storage/notes-repo';
import { noteInput, useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('messages-authorisation', (d) => (db = d));

let ids = 0;
const env = { now: () => 1_700_000_000_000, newId: () => `id-${ids++}` };
const extensionPage: RequestSender = { kind: 'extension-page' };
const victimUrl = 'https://victim.example/story';
const attacker: RequestSender = { kind: 'content-script', tabId: 9, tabIndex: 2, url: 'https://evil.example/page' };
const onVictim: RequestSender = { kind: 'content-script', tabId: 4, tabIndex: 1, url: `${victimUrl}?utm_source=x` };
const TITLE = 'A long enough article title';

async function seed() {
  const victim = await addNote(db, noteInput({ url: victimUrl, sourceUrl: victimUrl, title: TITLE, body: 'my PIN is 4921' }), { id: 'victim-1', now: 1 });
  const own = await addNote(db, noteInput({ url: 'https://evil.example/page', sourceUrl: 'https://evil.example/page', title: 'Evil', body: 'on evil' }), { id: 'evil-1', now: 2 });
  return { victim, own };
}

const snapshot = async () => JSON.stringify(await db.notes.toArray());

describe('senderFrom: who sent a message, from the browser only', () => {
  const own = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
  it('takes a content script page from the tab, which follows pushState (as measured in Chromium 156 and Firefox 153)', () => {
    expect(
      senderFrom(
        { id: 'ext-id', url: 'http://127.0.0.1:1/a.html', origin: 'http://127.0.0.1:1', frameId: 0, tab: { id: 5, index: 1, url: 'http://127.0.0.1:1/pushed/path?x=1' } },
        own,
      ),
    ).toEqual({ kind: 'content-script', tabId: 5, tabIndex: 1, url: 'http://127.0.0.1:1/pushed/path?x=1' });
    // A tab address on another origin than the document's (a navigation under way): the document's.
    expect(senderFrom({ id: 'ext-id', url: 'https://a.example/x', frameId: 0, tab: { id: 5, index: 1, url: 'https://b.example/y' } }, own)).toMatchObject({ url: 'https://a.example/x' });
  });
  it('keeps the document the browser names (the second stage is injected into that one only)', () => {
    expect(
      senderFrom({ id: 'ext-id', url: 'https://a.example/x', origin: 'https://a.example', frameId: 0, documentId: 'D1', tab: { id: 5, index: 1, url: 'https://a.example/x' } }, own),
    ).toEqual({ kind: 'content-script', tabId: 5, tabIndex: 1, url: 'https://a.example/x', documentId: 'D1' });
    expect(senderFrom({ id: 'ext-id', url: 'https://a.example/x', frameId: 0, documentId: '', tab: { id: 5, index: 1 } }, own)).not.toHaveProperty('documentId');
  });
  it('recognises extension pages by origin, in a tab or not', () => {
    expect(senderFrom({ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', origin: 'chrome-extension://ext-id' }, own)).toEqual({ kind: 'extension-page' });
    expect(senderFrom({ id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html?tab=3', tab: { id: 8, index: 4 } }, own)).toEqual({ kind: 'extension-page', tabIndex: 4 });
  });
  it('refuses other extensions, frames, and anything that is neither', () => {
    expect(senderFrom({ id: 'other', url: 'chrome-extension://other/x.html' }, own)).toBeNull();
    expect(senderFrom({ id: 'ext-id', url: 'https://a.example/frame', frameId: 3, tab: { id: 5, index: 1 } }, own)).toBeNull();
    expect(senderFrom({ id: 'ext-id', url: 'https://a.example/x' }, own)).toBeNull();
    expect(senderFrom({ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', origin: 'https://a.example', tab: { id: 1, index: 0 } }, own)).toBeNull();
    expect(senderFrom({ id: 'ext-id', url: 'file:///etc/passwd', frameId: 0, tab: { id: 1, index: 0 } }, own)).toBeNull();
  });
});

describe('the background authorises by sender', () => {
  const extensionOnly = Object.entries(ALLOWED).filter(([, who]) => !who.includes('content-script')).map(([type]) => type);
  it('keeps reading and changing many notes, or any note by id, for extension pages', () => {
    expect(extensionOnly.sort()).toEqual(
      ['ping', 'notes:add', 'notes:update', 'notes:delete', 'notes:restore', 'notes:list', 'notes:page', 'notes:export', 'notes:import', 'notes:capture', 'notes:take-draft', 'notes:focus', 'history:list', 'history:clear'].sort(),
    );
  });

  it('refuses every one of them from a content script, and nothing changes', async () => {
    const { victim } = await seed();
    const before = await snapshot();
    const deps: HandlerDeps = { db, env, drafts: new DraftDesk(env.newId, env.now), askTab: (async () => ({ ok: true })) as HandlerDeps['askTab'] };
    const attacks: object[] = [
      { type: 'ping' },
      { type: 'notes:list', search: '', filter: 'all', offset: 0, limit: 500 },
      { type: 'notes:export', format: 'jsonld' },
      { type: 'notes:export', format: 'markdown' },
      { type: 'notes:page', page: { url: victimUrl, sourceUrl: victimUrl, title: TITLE } },
      { type: 'notes:update', id: victim.id, body: 'changed' },
      { type: 'notes:delete', id: victim.id },
      { type: 'notes:restore', id: victim.id },
      { type: 'notes:add', note: noteInput({ url: victimUrl, sourceUrl: victimUrl, body: 'planted' }) },
      { type: 'notes:add', note: noteInput({ url: 'https://evil.example/page', sourceUrl: 'https://evil.example/page', body: 'planted' }) },
      { type: 'notes:import', content: '{}' },
      { type: 'notes:capture', tabId: 4 },
      { type: 'notes:take-draft', tabId: 4 },
      // The reading history is the reader's: a page can neither read nor erase it.
      { type: 'history:list' },
      { type: 'history:clear' },
      { type: 'notes:focus', tabId: 4 },
    ];
    for (const m of attacks) {
      const r = await handleMessage(deps, m, attacker);
      expect(r, JSON.stringify(m)).toEqual({ ok: false, error: expect.stringMatching(/not allowed from a content-script/) });
    }
    expect(await snapshot()).toBe(before);
  });

  it('gives a content script its own page\'s highlights only, without the notes\' text', async () => {
    await seed();
    const deps: HandlerDeps = { db, env };
    // The attacker names the victim as its canonical page and copies its title.
    const r = await handleMessage(deps, { type: 'notes:highlights', hints: { canonical: victimUrl, title: TITLE } }, attacker);
    expect(r).toMatchObject({ ok: true, page: { url: 'https://evil.example/page', sourceUrl: 'https://evil.example/page' } });
    const reply = r as { notes: object[]; candidates: object[] };
    expect(reply.notes.map((n) => (n as { id: string }).id)).toEqual(['evil-1']);
    expect(reply.candidates).toEqual([]);
    expect(JSON.stringify(reply)).not.toContain('on evil'); // no body, not even its own
    // The victim's own page does get it (canonical on its own origin is honoured).
    const own = await handleMessage(deps, { type: 'notes:highlights', hints: { canonical: '/story', title: TITLE } }, onVictim);
    expect((own as { notes: { id: string }[] }).notes.map((n) => n.id)).toEqual(['victim-1']);
    expect(JSON.stringify(own)).not.toContain('4921');
  });

  it('lets a page report anchor states only for its own notes', async () => {
    const { victim, own } = await seed();
    const deps: HandlerDeps = { db, env };
    const r = await handleMessage(deps, { type: 'notes:anchors', hints: { canonical: victimUrl, title: TITLE }, anchored: [], orphaned: [victim.id, own.id] }, attacker);
    expect(r).toEqual({ ok: true, updated: 1 });
    expect((await db.notes.get(victim.id))!.anchorState).toBe('anchored');
    expect((await db.notes.get(own.id))!.anchorState).toBe('orphan');
  });
});

describe('drafts: a selection reaches the side panel only when asked for', () => {
  const target = { quote: { type: 'TextQuoteSelector' as const, exact: 'the quoted words', prefix: '', suffix: '' }, position: null };

  it('refuses a draft nobody asked for, or with the wrong nonce, or from another tab', async () => {
    const drafts = new DraftDesk(env.newId, env.now);
    const deps: HandlerDeps = { db, env, drafts };
    const draft = { type: 'notes:draft', nonce: 'guess', hints: { canonical: null, title: '' }, target, claimId: null };
    expect(await handleMessage(deps, draft, attacker)).toMatchObject({ ok: false });
    const nonce = drafts.expect(4);
    expect(await handleMessage(deps, { ...draft, nonce }, attacker)).toMatchObject({ ok: false }); // tab 9 was not asked
    expect(await handleMessage(deps, { ...draft, nonce: 'other' }, onVictim)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { ...draft, nonce }, onVictim)).toEqual({ ok: true });
    expect(await handleMessage(deps, { ...draft, nonce }, onVictim)).toMatchObject({ ok: false }); // once
  });

  it('files the draft under the sender page (canonical only within its origin), and the panel takes it once', async () => {
    const drafts = new DraftDesk(env.newId, env.now);
    const deps: HandlerDeps = {
      db,
      env,
      drafts,
      // The tab's content script answers the capture by handing over its selection.
      askTab: (async (_tabId: number, request: { type: string; nonce?: string }) => {
        if (request.type !== 'selection:capture') return { ok: false, error: 'unexpected' };
        const r = await handleMessage(deps, { type: 'notes:draft', nonce: request.nonce, hints: { canonical: victimUrl, title: 'Copied' }, target, claimId: null }, attacker);
        return r.ok ? { ok: true } : { ok: false, error: 'refused' };
      }) as HandlerDeps['askTab'],
    };
    const got = await captureDraft(deps, attacker.kind === 'content-script' ? attacker.tabId : 0);
    expect(got).toEqual({ draft: { page: { url: 'https://evil.example/page', sourceUrl: 'https://evil.example/page', title: 'Copied' }, target, claimId: null } });
    drafts.putReady(9, got);
    expect(await handleMessage(deps, { type: 'notes:take-draft', tabId: 9 }, extensionPage)).toMatchObject({ ok: true, draft: { target } });
    expect(await handleMessage(deps, { type: 'notes:take-draft', tabId: 9 }, extensionPage)).toEqual({ ok: true, draft: null, error: null });
  });

  it('says when there is no selection', async () => {
    const deps: HandlerDeps = { db, env, drafts: new DraftDesk(env.newId, env.now), askTab: (async () => ({ ok: false, error: NO_SELECTION })) as HandlerDeps['askTab'] };
    expect(await handleMessage(deps, { type: 'notes:capture', tabId: 4 }, extensionPage)).toEqual({ ok: false, error: NO_SELECTION });
  });
});
