// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyPageNotes, type NotesOnPage } from '../../lib/notes/lazy-page-notes';
import type { PageKey } from '../../lib/storage/notes-repo';
import { pageKeysOf } from '../../lib/storage/page-keys';

let stored: unknown;
vi.mock('../../utils/stored', () => ({ readStored: async () => stored }));
const { pageMayHaveNotes } = await import('../../utils/page-keys');

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function fakeNotes(log: string[]): NotesOnPage {
  return {
    refresh: () => log.push('refresh'),
    navigated: (newPage) => log.push(newPage ? 'navigated' : 'navigated in page'),
    hide: () => log.push('hide'),
    show: () => log.push('show'),
    reveal: (id) => (log.push(`reveal ${id}`), true),
    linkFor: (id) => `https://example.com/#note-${id}`,
    capture: async (nonce) => (log.push(`capture ${nonce}`), { ok: true }),
    pageKey: () => ({ url: 'u', sourceUrl: 'u', title: 'from PageNotes' }),
    highlightState: () => ({ placed: ['n1'], orphaned: [], adopted: [] }),
    disconnect: () => log.push('disconnect'),
  };
}

let notes: LazyPageNotes | null = null;
afterEach(() => {
  notes?.disconnect();
  notes = null;
});

describe('LazyPageNotes (the first stage’s notes concern)', () => {
  it('on a page without notes: loads nothing, answers for itself', async () => {
    document.title = 'A page';
    const pages: (PageKey | null)[] = [];
    const open = vi.fn(async () => null);
    notes = new LazyPageNotes(document, { mayHaveNotes: async (page) => (pages.push(page()), false), open });
    await settle();
    expect(open).not.toHaveBeenCalled();
    expect(pages).toEqual([{ url: 'http://localhost:3000/', sourceUrl: 'http://localhost:3000/', title: 'A page' }]);
    expect(notes.pageKey()?.title).toBe('A page');
    expect(notes.highlightState()).toEqual({ placed: [], orphaned: [], adopted: [] });
    expect(notes.linkFor('n1')).toBeNull();
  });

  it('a reader without notes pays for no page key at all (utils/page-keys.ts)', async () => {
    const page = vi.fn(() => ({ url: 'https://a.example/x', sourceUrl: 'https://a.example/x', title: 'An article title' }));
    stored = [];
    expect(await pageMayHaveNotes(page)).toBe(false);
    expect(page).not.toHaveBeenCalled();
    stored = pageKeysOf({ urls: ['https://a.example/x'], sourceUrls: [], titles: [] });
    expect(await pageMayHaveNotes(page)).toBe(true);
    expect(page).toHaveBeenCalledTimes(1);
    stored = undefined; // never written: ask
    expect(await pageMayHaveNotes(page)).toBe(true);
  });

  it('on a page that may have notes: opens PageNotes once, then delegates', async () => {
    const log: string[] = [];
    const open = vi.fn(async () => fakeNotes(log));
    notes = new LazyPageNotes(document, { mayHaveNotes: async () => true, open });
    await settle();
    notes.refresh();
    notes.navigated(true);
    expect(notes.reveal('n1')).toBe(true);
    expect(notes.pageKey()?.title).toBe('from PageNotes');
    expect(notes.highlightState().placed).toEqual(['n1']);
    expect(notes.linkFor('n1')).toContain('note-n1');
    expect(await notes.capture('abc')).toEqual({ ok: true });
    expect(open).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['refresh', 'navigated', 'reveal n1', 'capture abc']);
    notes.disconnect();
    expect(log).toContain('disconnect');
    notes = null;
  });

  it('the reader’s capture opens PageNotes on any page; a check and a capture at once open it once', async () => {
    const log: string[] = [];
    let resolveOpen: (n: NotesOnPage) => void = () => undefined;
    const open = vi.fn(() => new Promise<NotesOnPage>((r) => (resolveOpen = r)));
    notes = new LazyPageNotes(document, { mayHaveNotes: async () => true, open });
    await settle();
    const captured = notes.capture('n');
    resolveOpen(fakeNotes(log));
    expect(await captured).toEqual({ ok: true });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('when the second stage cannot be had, a capture says so; the next one tries again', async () => {
    const log: string[] = [];
    let fail = true;
    const open = vi.fn(async () => (fail ? null : fakeNotes(log)));
    notes = new LazyPageNotes(document, { mayHaveNotes: async () => false, open });
    const r = await notes.capture('n');
    expect(r.ok).toBe(false);
    fail = false;
    expect(await notes.capture('n')).toEqual({ ok: true });
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('an unreadable page-key set means “ask”: PageNotes is opened', async () => {
    const open = vi.fn(async () => null);
    notes = new LazyPageNotes(document, {
      mayHaveNotes: async () => {
        throw new Error('storage is broken');
      },
      open,
    });
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('"Hide for this page" before the notes are open: they open hidden; another page shows them again', async () => {
    const log: string[] = [];
    let may = false;
    notes = new LazyPageNotes(document, { mayHaveNotes: async () => may, open: async () => fakeNotes(log) });
    await settle();
    notes.hide();
    expect(notes.reveal('n1')).toBe(false); // nothing drawn yet
    may = true;
    notes.refresh();
    await settle();
    expect(log).toEqual(['hide']);
    notes.navigated(false); // an in-page #anchor: still hidden
    notes.navigated(true);
    notes.show();
    expect(log).toEqual(['hide', 'navigated in page', 'navigated', 'show']);
  });
});
