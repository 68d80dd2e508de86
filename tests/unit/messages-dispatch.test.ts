import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import type { CompiledIndex } from '../../lib/index/format';
import { contentDataSource } from '../../lib/messages/content-data';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handle';
import { DESTINATION, parseBackgroundRequest, parsePanelRequest, parseTabRequest, type RequestSender } from '../../lib/messages/protocol';
import type { CounterpointDb } from '../../lib/storage/db';
import { noteInput, useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('messages-dispatch', (d) => (db = d));

const env = { now: () => 1_700_000_000_000, newId: () => 'n-1' };
const page: RequestSender = { kind: 'content-script', tabId: 7, tabIndex: 3, url: 'https://news.example/a' };
const extensionPage: RequestSender = { kind: 'extension-page' };

describe('one request union, dispatched in one place', () => {
  it('sends every kind to exactly one side', () => {
    const samples: Record<string, object> = {
      'notes:page-info': {},
      'selection:capture': { nonce: 'n-1' },
      'notes:redraw': {},
      'overlay:stats': {},
      'overlay:claims': {},
      'overlay:reveal': { claimId: 's000-wu-leaves' },
      'overlay:step': { direction: -1 },
      'overlay:show': {},
      'notes:reveal': { id: 'n-1' },
      'panel:draft-ready': { tabId: 3 },
      'panel:picked': { tabId: 3, item: { kind: 'note', id: 'n-1' } },
      'panel:page-updated': { tabId: 3 },
      'notes:link': { id: 'n-1' },
      'panel:focus-ready': { tabId: 3 },
    };
    for (const [type, side] of Object.entries(DESTINATION)) {
      if (side === 'background') continue;
      const msg = { type, ...samples[type] };
      expect(samples[type], `a sample ${type} message`).toBeDefined();
      expect(parseBackgroundRequest(msg), type).toEqual({ invalid: `${type} is not for the background` });
      expect(side === 'tab' ? parseTabRequest(msg) : parsePanelRequest(msg), type).toEqual(msg);
      expect(side === 'tab' ? parsePanelRequest(msg) : parseTabRequest(msg), type).toBeNull();
    }
    expect(parseTabRequest({ type: 'ping' })).toBeNull();
    expect(parsePanelRequest({ type: 'ping' })).toBeNull();
  });

  it("injects the second stage into the sender's own document, as the browser names it", async () => {
    const injected: unknown[] = [];
    const injectSecondStage = vi.fn(async (s: unknown) => void injected.push(s));
    const own = { ...page, documentId: 'doc-1' };
    expect(await handleMessage({ db, env, injectSecondStage }, { type: 'content:second-stage' }, own)).toEqual({ ok: true });
    expect(injected).toEqual([own]);
    // Nothing in the message can choose another tab or document: the kind takes no fields.
    expect(await handleMessage({ db, env, injectSecondStage }, { type: 'content:second-stage', tabId: 9, documentId: 'x' }, own)).toMatchObject({ ok: false });
    // Extension pages have no document to inject into; without an injector nothing happens.
    expect(await handleMessage({ db, env, injectSecondStage }, { type: 'content:second-stage' }, { kind: 'extension-page' })).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env }, { type: 'content:second-stage' }, own)).toMatchObject({ ok: false });
    expect(injected).toHaveLength(1);
    // A failed injection is an error reply, not a throw.
    const failing = vi.fn(async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await handleMessage({ db, env, injectSecondStage: failing }, { type: 'content:second-stage' }, own)).toEqual({ ok: false, error: 'Cannot access contents of the page' });
  });

  it("runs the first tier on a content script's text, and refuses other senders and malformed texts", async () => {
    const found = [{ start: 0, end: 3, claim: 1, claimId: 'c', score: 1, method: 'exact' as const, lang: 'en' as const, aboutNamed: true, speaker: { id: 's', name: { ja: 's', en: 's' } }, saidOn: { date: null, precision: 'unknown' as const }, sourceId: 'x', relations: [] }];
    const findClaims = vi.fn(async () => ({ found, namesStoryPeople: true }));
    expect(await handleMessage({ db, env, findClaims }, { type: 'claims:find', text: 'abc', language: 'en' }, page)).toEqual({ ok: true, found, namesStoryPeople: true });
    expect(findClaims).toHaveBeenCalledWith('abc', 'en');
    expect(await handleMessage({ db, env, findClaims }, { type: 'claims:find', text: 'abc', language: null }, extensionPage)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env, findClaims }, { type: 'claims:find', text: 42, language: 'en' }, page)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env, findClaims }, { type: 'claims:find', text: 'abc', language: 'fr' }, page)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env, findClaims }, { type: 'claims:find', text: 'x'.repeat(4_000_001), language: null }, page)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env }, { type: 'claims:find', text: 'abc', language: 'en' }, page)).toMatchObject({ ok: false });
    expect(findClaims).toHaveBeenCalledTimes(1);
  });

  it('gives a content script the bundled data its second stage does not carry, as JSON text, and nothing else', async () => {
    const en = JSON.stringify({ hello: { message: 'Hello' }, onlyEn: { message: 'English only' } });
    const ja = JSON.stringify({ hello: { message: 'こんにちは' } });
    const contentData = contentDataSource({ claimsCatalog: '{"claims":[]}', messages: { en, ja } });
    const deps: HandlerDeps = { db, env, contentData };
    expect(await handleMessage(deps, { type: 'content:data', item: 'claims-catalog' }, page)).toEqual({ ok: true, json: '{"claims":[]}' });
    expect(await handleMessage(deps, { type: 'content:data', item: 'messages-en' }, page)).toEqual({ ok: true, json: en });
    // One language's table, with English under each key it lacks (the fallback the pages make).
    const jaReply = await handleMessage(deps, { type: 'content:data', item: 'messages-ja' }, page);
    expect(JSON.parse((jaReply as { json: string }).json)).toEqual({ hello: { message: 'こんにちは' }, onlyEn: { message: 'English only' } });
    // Only the items there are; only for content scripts (extension pages bundle their own).
    expect(await handleMessage(deps, { type: 'content:data', item: 'claims-restate' }, page)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'content:data', item: 'claims-index' }, page)).toMatchObject({ ok: false }); // the index stays in the background
    expect(await handleMessage(deps, { type: 'content:data', item: '../../manifest.json' }, page)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'content:data' }, page)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'content:data', item: 'claims-catalog' }, extensionPage)).toMatchObject({ ok: false });
    expect(await handleMessage({ db, env }, { type: 'content:data', item: 'claims-catalog' }, page)).toMatchObject({ ok: false });
  });

  it('opens the source view next to the sender tab, with a validated path', async () => {
    const openTab = vi.fn(async () => undefined);
    const deps: HandlerDeps = { db, env, openTab };
    expect(await handleMessage(deps, { type: 'source:open', claimId: 's003-a', lang: 'en' }, page)).toEqual({ ok: true });
    expect(openTab).toHaveBeenCalledWith('/source.html?claim=s003-a&lang=en', 3);
    expect(await handleMessage(deps, { type: 'source:open', claimId: '../popup.html' }, page)).toMatchObject({ ok: false });
    expect(openTab).toHaveBeenCalledTimes(1);
  });

  it('turns a failing dependency into an error reply, never a throw', async () => {
    const deps: HandlerDeps = { db, env, openTab: () => Promise.reject(new Error('no tabs here')) };
    expect(await handleMessage(deps, { type: 'source:open', claimId: 's003-a' }, page)).toEqual({ ok: false, error: 'no tabs here' });
  });

  it('withdraws the page-key set before an add and rebuilds it after every change, failed or not', async () => {
    const calls: string[] = [];
    const pageKeys = {
      withdraw: async () => void calls.push('withdraw'),
      sync: async () => void calls.push('sync'),
    };
    const deps: HandlerDeps = { db, env, pageKeys };
    await handleMessage(deps, { type: 'notes:add', note: noteInput() }, extensionPage);
    expect(calls).toEqual(['withdraw', 'sync']);
    calls.length = 0;
    await handleMessage(deps, { type: 'notes:add', note: noteInput() }, extensionPage); // same id: refused
    expect(calls).toEqual(['withdraw', 'sync']);
    calls.length = 0;
    await handleMessage(deps, { type: 'notes:delete', id: 'n-1' }, extensionPage);
    expect(calls).toEqual(['sync']);
    calls.length = 0;
    await handleMessage(deps, { type: 'notes:list' }, extensionPage);
    await handleMessage(deps, { type: 'notes:update', id: 'n-1', body: 'x' }, extensionPage);
    expect(calls).toEqual([]);
  });
});
