import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MemoryFocusStore } from '../../lib/messages/focus';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handle';
import type { NoteFocus, PanelRequest, RequestSender } from '../../lib/messages/protocol';
import type { CounterpointDb } from '../../lib/storage/db';
import { addNote } from '../../lib/storage/notes-repo';
import { noteInput, useFreshDb } from '../helpers/notes';

let db: CounterpointDb;
useFreshDb('messages-focus', (d) => (db = d));

const env = { now: () => 1_700_000_000_000, newId: () => 'unused' };
const STORY = 'https://news.example/story';
const LINK = `${STORY}#:~:text=the%20bridge%20will%20reopen`;
const hints = { canonical: null, title: 'Bridge' };
const onStory = (url = STORY, tabId = 4): RequestSender => ({ kind: 'content-script', tabId, tabIndex: 1, url });
const extensionPage: RequestSender = { kind: 'extension-page' };
const quote = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: 'The council said ', suffix: ' on Monday.' });

async function seed() {
  await addNote(db, noteInput({ url: STORY, sourceUrl: STORY, body: 'secret text', target: { quote: quote('the bridge will reopen'), position: null } }), { id: 'n-bridge', now: 1 });
  await addNote(db, noteInput({ url: STORY, sourceUrl: STORY, body: 'other', target: { quote: quote('repainted the span'), position: null } }), { id: 'n-span', now: 2 });
  await addNote(db, noteInput({ url: 'https://elsewhere.example/x', sourceUrl: 'https://elsewhere.example/x', target: { quote: quote('the bridge will reopen'), position: null } }), { id: 'n-elsewhere', now: 3 });
}

function deps() {
  const focus = new MemoryFocusStore();
  const marks: [number, NoteFocus | null][] = [];
  const told: PanelRequest[] = [];
  const d: HandlerDeps = {
    db,
    env,
    focus,
    markTab: async (tabId, f) => void marks.push([tabId, f]),
    tellPages: async (r) => void told.push(r),
  };
  return { d, focus, marks, told };
}

describe("a note's link opened with Counterpoint: the background keeps that note for the tab", () => {
  it('matches the tab address\'s text directive to one of its page\'s own notes, marks the tab and tells the side panel, once', async () => {
    await seed();
    const { d, marks, told } = deps();
    const r = await handleMessage(d, { type: 'notes:highlights', hints }, onStory(LINK));
    expect(r).toMatchObject({ ok: true });
    // The content script is not told which note the link named.
    expect(JSON.stringify(r)).not.toMatch(/focus|secret/);
    expect(await handleMessage(d, { type: 'notes:focus', tabId: 4 }, extensionPage)).toEqual({ ok: true, focus: { noteId: 'n-bridge', sourceUrl: STORY, via: 'link' } });
    expect(marks).toEqual([[4, { noteId: 'n-bridge', sourceUrl: STORY, via: 'link' }]]);
    expect(told).toEqual([{ type: 'panel:focus-ready', tabId: 4 }]);
    // Drawn again (a save, a redraw): nothing new to tell.
    await handleMessage(d, { type: 'notes:highlights', hints }, onStory(LINK));
    expect(told).toHaveLength(1);
  });

  it('keeps it while the tab stays on that page, forgets it on another page', async () => {
    await seed();
    const { d, focus, marks } = deps();
    await handleMessage(d, { type: 'notes:highlights', hints }, onStory(LINK));
    await handleMessage(d, { type: 'notes:highlights', hints }, onStory(STORY)); // the page rewrote its address (same page)
    expect(await focus.get(4)).toMatchObject({ noteId: 'n-bridge' });
    await handleMessage(d, { type: 'notes:highlights', hints }, onStory('https://news.example/next'));
    expect(await focus.get(4)).toBeNull();
    expect(marks.at(-1)).toEqual([4, null]);
  });

  it('names nothing for a link that matches no note of the page, or one on another site', async () => {
    await seed();
    const { d, focus, told } = deps();
    await handleMessage(d, { type: 'notes:highlights', hints }, onStory(`${STORY}#:~:text=not%20a%20note`));
    // The same words noted on another site, opened on this one (whose title and canonical say otherwise).
    await handleMessage(d, { type: 'notes:highlights', hints: { canonical: 'https://elsewhere.example/x', title: 'Bridge' } }, onStory('https://attacker.example/copy#:~:text=the%20bridge%20will%20reopen', 9));
    expect(await focus.get(4)).toBeNull();
    expect(await focus.get(9)).toBeNull();
    expect(told).toEqual([]);
  });

  it('still draws the highlights when keeping the focus fails', async () => {
    await seed();
    const { d } = deps();
    d.focus = { get: async () => null, set: () => Promise.reject(new Error('quota')), delete: async () => undefined };
    const r = await handleMessage(d, { type: 'notes:highlights', hints }, onStory(LINK));
    expect(r).toMatchObject({ ok: true });
    expect((r as { notes: { id: string }[] }).notes.map((n) => n.id).sort()).toEqual(['n-bridge', 'n-span']);
  });
});

describe('"Show note" at a highlight', () => {
  it('opens the side panel first, synchronously (the browser allows it only within the gesture), then keeps the note for the tab', async () => {
    await seed();
    const { d, told } = deps();
    const order: string[] = [];
    d.openPanel = vi.fn(async (tabId: number) => void order.push(`open ${tabId}`));
    const pending = handleMessage(d, { type: 'notes:show', hints, id: 'n-span' }, onStory());
    order.push('returned');
    expect(order).toEqual(['open 4', 'returned']);
    expect(await pending).toEqual({ ok: true, opened: true });
    expect(await handleMessage(d, { type: 'notes:focus', tabId: 4 }, extensionPage)).toMatchObject({ focus: { noteId: 'n-span', via: 'page' } });
    expect(told).toEqual([{ type: 'panel:focus-ready', tabId: 4 }]);
  });

  it('says when the panel could not open (Firefox: only from its own UI); the note waits', async () => {
    await seed();
    const { d, focus } = deps();
    d.openPanel = () => Promise.reject(new Error('sidebarAction.open may only be called from a user input handler'));
    expect(await handleMessage(d, { type: 'notes:show', hints, id: 'n-bridge' }, onStory())).toEqual({ ok: true, opened: false });
    expect(await focus.get(4)).toMatchObject({ noteId: 'n-bridge', via: 'page' });
  });

  it("refuses a note of another page, and keeps nothing", async () => {
    await seed();
    const { d, focus } = deps();
    expect(await handleMessage(d, { type: 'notes:show', hints, id: 'n-elsewhere' }, onStory())).toMatchObject({ ok: false });
    expect(await handleMessage(d, { type: 'notes:show', hints: { canonical: 'https://elsewhere.example/x', title: 'x' }, id: 'n-elsewhere' }, onStory('https://attacker.example/p', 9))).toMatchObject({ ok: false });
    expect(await focus.get(4)).toBeNull();
    expect(await focus.get(9)).toBeNull();
  });
});

describe('who may ask', () => {
  it('the focus is for the extension\'s pages; showing a note and the link target are for a content script about its own tab', async () => {
    await seed();
    const { d } = deps();
    expect(await handleMessage(d, { type: 'notes:focus', tabId: 4 }, onStory())).toMatchObject({ ok: false, error: expect.stringMatching(/not allowed from a content-script/) });
    expect(await handleMessage(d, { type: 'notes:show', hints, id: 'n-span' }, extensionPage)).toMatchObject({ ok: false });
    expect(await handleMessage(d, { type: 'page:link-target' }, extensionPage)).toMatchObject({ ok: false });
  });

  it("gives a content script the text directives of its own tab's address, nothing else", async () => {
    const { d } = deps();
    expect(await handleMessage(d, { type: 'page:link-target' }, onStory(`${STORY}#frag:~:text=a-,b,c,-d&text=e&other=1`))).toEqual({
      ok: true,
      directives: [{ prefix: 'a', textStart: 'b', textEnd: 'c', suffix: 'd' }, { textStart: 'e' }],
    });
    expect(await handleMessage(d, { type: 'page:link-target' }, onStory(STORY))).toEqual({ ok: true, directives: [] });
    expect(await handleMessage(d, { type: 'page:link-target', tabId: 3 }, onStory(STORY))).toMatchObject({ ok: false });
  });
});
