// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nContext, type Translate } from '../../components/i18n';
import type { PageEvent, PanelApi, PanelPage } from '../../components/sidepanel/api';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { NO_SELECTION, type NoteDraft, type NoteFocus, type PageClaim } from '../../lib/messages/protocol';
import type { NoteView, PageNotes } from '../../lib/storage/notes-repo';
import en from '../../public/_locales/en/messages.json';
import { translator, type Messages } from '../helpers/locale';

const translate: Translate = translator(en as Messages);
const PAGE = { url: 'https://news.example/a', sourceUrl: 'https://news.example/a', title: 'Harbour bridge reopens' };
const target = (exact: string) => ({ quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: null });
const draft = (exact: string): NoteDraft => ({ page: PAGE, target: target(exact), claimId: null });

function view(id: string, body: string, exact: string, over: Partial<NoteView> = {}): NoteView {
  return { id, url: PAGE.url, sourceUrl: PAGE.url, title: PAGE.title, body, format: 'text/plain', tags: [], links: [], origin: null, target: target(exact), claimId: null, anchorState: 'anchored', createdAt: 1, updatedAt: 1, ...over };
}

/** A PanelApi over plain state, recording what the panel asked for. */
function fakeApi() {
  const state = {
    tab: 7 as number | null,
    info: { page: PAGE, highlights: { placed: [], orphaned: [], adopted: [] } } as PanelPage | null,
    notes: { notes: [], candidates: [] } as PageNotes,
    capture: (): Promise<NoteDraft> => Promise.resolve(draft('the selected words')),
    ready: null as { draft: NoteDraft | null; error: string | null } | null,
    saveError: null as string | null,
    saved: [] as { tabId: number; draft: NoteDraft; body: string }[],
    tabListener: null as ((id: number | null) => void) | null,
    draftListener: null as ((id: number) => void) | null,
    claims: { hidden: false, claims: [] } as { hidden: boolean; claims: PageClaim[] } | null,
    revealed: [] as string[],
    shown: 0,
    stories: [] as (string | undefined)[],
    pageListener: null as ((e: PageEvent) => void) | null,
    focus: null as NoteFocus | null,
    focusListener: null as ((id: number) => void) | null,
    links: {} as Record<string, string>,
    copied: [] as string[],
    copyError: null as string | null,
  };
  const api: PanelApi = {
    watchTab: (cb) => {
      state.tabListener = cb;
      cb(state.tab);
      return () => undefined;
    },
    pageInfo: async () => state.info,
    pageNotes: async () => state.notes,
    capture: () => state.capture(),
    takeDraft: async () => {
      const r = state.ready ?? { draft: null, error: null };
      state.ready = null;
      return r;
    },
    onDraftReady: (cb) => {
      state.draftListener = cb;
      return () => undefined;
    },
    save: async (tabId, d, body) => {
      if (state.saveError) throw new Error(state.saveError);
      state.saved.push({ tabId, draft: d, body });
      state.notes = { notes: [view('n-new', body, d.target.quote.exact)], candidates: [] };
      return state.notes.notes[0]!;
    },
    pageClaims: async () => state.claims,
    revealClaim: async (_tab, id) => {
      state.revealed.push(`claim:${id}`);
      return true;
    },
    revealNote: async (_tab, id) => {
      state.revealed.push(`note:${id}`);
      return true;
    },
    showPage: async () => {
      state.shown++;
      if (state.claims) state.claims = { ...state.claims, hidden: false };
    },
    onPageEvent: (cb) => {
      state.pageListener = cb;
      return () => undefined;
    },
    openStory: async (claimId) => {
      state.stories.push(claimId);
    },
    focus: async () => state.focus,
    onFocusReady: (cb) => {
      state.focusListener = cb;
      return () => undefined;
    },
    noteLink: async (_tabId, note) => state.links[note.id] ?? null,
    copyText: async (text) => {
      if (state.copyError) throw new Error(state.copyError);
      state.copied.push(text);
    },
  };
  return { api, state };
}

let root: HTMLElement;
const $ = (sel: string) => root.querySelector(sel) as HTMLElement | null;
const $$ = (sel: string) => [...root.querySelectorAll(sel)] as HTMLElement[];
const flush = async () => {
  for (let i = 0; i < 10; i++) await act(() => new Promise<void>((r) => setTimeout(r, 2)));
};
const type = (el: HTMLElement, value: string) => {
  (el as HTMLTextAreaElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

async function mount(api: PanelApi) {
  await act(() => {
    render(
      <I18nContext.Provider value={translate}>
        <SidePanelApp api={api} />
      </I18nContext.Provider>,
      root,
    );
  });
  await flush();
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('side panel', () => {
  it('says when the tab is not a page Counterpoint can annotate', async () => {
    const { api, state } = fakeApi();
    state.info = null;
    await mount(api);
    expect($('[data-testid="panel-no-page"]')).not.toBeNull();
    expect($('[data-testid="panel-capture"]')).toBeNull();
  });

  it('starts a note on the selection, saves it with its text, and lists it', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    expect($('[data-testid="panel-page"]')!.getAttribute('data-url')).toBe(PAGE.url);
    expect($('[data-testid="panel-empty"]')).not.toBeNull();
    await act(() => $('[data-testid="panel-capture"]')!.click());
    await flush();
    expect($('[data-testid="panel-quote"]')!.textContent).toBe('the selected words');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('panel-textarea');
    const area = $('[data-testid="panel-textarea"]')!;
    type(area, 'first line\nsecond line');
    await flush();
    // Enter while an IME composes never saves; Ctrl+Enter does.
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true }));
    await flush();
    expect(state.saved).toEqual([]);
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await flush();
    expect(state.saved).toEqual([{ tabId: 7, draft: draft('the selected words'), body: 'first line\nsecond line' }]);
    expect($('[data-testid="panel-composer"]')).toBeNull();
    expect($$('[data-testid="panel-note"]').map((n) => n.dataset.noteId)).toEqual(['n-new']);
  });

  it('keeps the composer and the typed text when saving fails, and says why', async () => {
    const { api, state } = fakeApi();
    state.saveError = 'note too large (10.0 MB; the limit is 64 KB)';
    await mount(api);
    await act(() => $('[data-testid="panel-capture"]')!.click());
    await flush();
    type($('[data-testid="panel-textarea"]')!, 'kept');
    await flush();
    await act(() => $('[data-testid="panel-save"]')!.click());
    await flush();
    expect($('[data-testid="panel-error"]')!.textContent).toMatch(/too large/);
    expect(($('[data-testid="panel-textarea"]') as HTMLTextAreaElement).value).toBe('kept');
  });

  it('explains how to select text when nothing is selected', async () => {
    const { api, state } = fakeApi();
    state.capture = () => Promise.reject(new Error(NO_SELECTION));
    await mount(api);
    await act(() => $('[data-testid="panel-capture"]')!.click());
    await flush();
    expect($('[data-testid="panel-message"]')!.textContent).toBe(en.panelNoSelection.message);
  });

  it('picks up a draft the context menu or shortcut captured, on load and when told', async () => {
    const { api, state } = fakeApi();
    state.ready = { draft: draft('from the menu'), error: null };
    await mount(api);
    expect($('[data-testid="panel-quote"]')!.textContent).toBe('from the menu');
    await act(() => $('[data-testid="panel-cancel"]')!.click());
    state.ready = { draft: draft('from the shortcut'), error: null };
    await act(() => state.draftListener!(7));
    await flush();
    expect($('[data-testid="panel-quote"]')!.textContent).toBe('from the shortcut');
    // Another tab's draft is not this one's.
    state.ready = { draft: draft('other tab'), error: null };
    await act(() => state.draftListener!(8));
    await flush();
    expect($('[data-testid="panel-quote"]')!.textContent).toBe('from the shortcut');
  });

  it('drops a draft when the reader switches tabs', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    await act(() => $('[data-testid="panel-capture"]')!.click());
    await flush();
    expect($('[data-testid="panel-composer"]')).not.toBeNull();
    await act(() => state.tabListener!(9));
    await flush();
    expect($('[data-testid="panel-composer"]')).toBeNull();
  });

  it("lists this page's notes with orphans and notes adopted from the site's other URLs, text as text", async () => {
    const { api, state } = fakeApi();
    state.notes = {
      notes: [view('a', '<img src=x onerror=alert(1)>', 'found here'), view('b', '', 'gone', { anchorState: 'orphan' })],
      candidates: [view('c', 'from the AMP page', 'also here', { url: 'https://news.example/amp/a' }), view('d', 'not found', 'nowhere')],
    };
    state.info = { page: PAGE, highlights: { placed: ['a'], orphaned: ['b'], adopted: [{ id: 'c', url: 'https://news.example/amp/a' }] } };
    await mount(api);
    expect($$('[data-testid="panel-note"]').map((n) => [n.dataset.noteId, n.dataset.state])).toEqual([
      ['a', 'placed'],
      ['b', 'orphan'],
      ['c', 'adopted'],
    ]);
    expect($('[data-testid="panel-orphans"]')!.dataset.count).toBe('1');
    expect($('[data-testid="panel-note-body"]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    expect($('[data-note-id="c"]')!.textContent).toContain('from https://news.example/amp/a');
  });

  it("lists the page's claims in reading order with their status; choosing one shows it on the page", async () => {
    const { api, state } = fakeApi();
    const claim = (claimId: string, passage: number, status: PageClaim['status'], text: string): PageClaim => ({ claimId, passage, status, strength: 'strong', speaker: 'Yann LeCun', text });
    state.claims = { hidden: false, claims: [claim('c1', 0, 'other-view', 'first <b>words</b>'), claim('c2', 1, 'neutral', 'second'), claim('c3', 1, 'supported', 'second, again')] };
    await mount(api);
    expect($$('[data-testid="panel-claim"]').map((b) => [b.dataset.claim, b.dataset.status, b.dataset.passage])).toEqual([
      ['c1', 'other-view', '0'],
      ['c2', 'neutral', '1'],
      ['c3', 'supported', '1'],
    ]);
    expect($('[data-testid="panel-claims-count"]')!.textContent).toMatch(/^3 claims/);
    expect($('[data-claim="c1"]')!.textContent).toContain('first <b>words</b>');
    expect(root.querySelector('b')).toBeNull();
    await act(() => $('[data-claim="c2"]')!.click());
    await flush();
    expect(state.revealed).toEqual(['claim:c2']);
    expect($('[data-claim="c2"]')!.getAttribute('aria-current')).toBe('true');
    // The story view opens at the chosen claim's story.
    await act(() => $('[data-testid="panel-story"]')!.click());
    expect(state.stories).toEqual(['c2']);
  });

  it('shows what the reader picks on the page: a claim, or one of their highlights (this tab only)', async () => {
    const { api, state } = fakeApi();
    state.notes = { notes: [view('a', 'my note', 'found here')], candidates: [] };
    state.info = { page: PAGE, highlights: { placed: ['a'], orphaned: [], adopted: [] } };
    state.claims = { hidden: false, claims: [{ claimId: 'c1', passage: 0, status: 'neutral', strength: 'strong', speaker: 'S', text: 't' }] };
    await mount(api);
    await act(() => state.pageListener!({ kind: 'picked', tabId: 8, item: { kind: 'claim', claimId: 'c1' } }));
    expect($('[data-claim="c1"]')!.getAttribute('aria-current')).toBeNull();
    await act(() => state.pageListener!({ kind: 'picked', tabId: 7, item: { kind: 'claim', claimId: 'c1' } }));
    expect($('[data-claim="c1"]')!.getAttribute('aria-current')).toBe('true');
    await act(() => new Promise((r) => setTimeout(r, 650)));
    await act(() => state.pageListener!({ kind: 'picked', tabId: 7, item: { kind: 'note', id: 'a' } }));
    expect($('[data-note-id="a"]')!.getAttribute('aria-current')).toBe('true');
    expect($('[data-claim="c1"]')!.getAttribute('aria-current')).toBeNull();
    // One click on a claim and a highlight at once: both are shown, whichever message comes first.
    await act(() => state.pageListener!({ kind: 'picked', tabId: 7, item: { kind: 'claim', claimId: 'c1' } }));
    expect($('[data-claim="c1"]')!.getAttribute('aria-current')).toBe('true');
    expect($('[data-note-id="a"]')!.getAttribute('aria-current')).toBe('true');
    // And the other way: choosing the note's quote scrolls the page to it.
    await act(() => $('[data-testid="panel-note-show"]')!.click());
    expect(state.revealed).toEqual(['note:a']);
  });

  it('says when Counterpoint is hidden on the page, and shows it again', async () => {
    const { api, state } = fakeApi();
    state.claims = { hidden: true, claims: [] };
    await mount(api);
    expect($('[data-testid="panel-hidden"]')).not.toBeNull();
    await act(() => $('[data-testid="panel-show"]')!.click());
    await flush();
    expect(state.shown).toBe(1);
    expect($('[data-testid="panel-hidden"]')).toBeNull();
    expect($('[data-testid="panel-no-claims"]')).not.toBeNull();
  });

  it('shows first the note the tab was opened at or asked for, only on that page, and again when the background says it changed', async () => {
    const { api, state } = fakeApi();
    state.notes = { notes: [view('a', 'first', 'one'), view('b', 'second', 'two')], candidates: [] };
    state.focus = { noteId: 'b', sourceUrl: PAGE.sourceUrl, via: 'link' };
    // jsdom has no scrolling: the panel's scrollIntoView is a no-op here.
    Element.prototype.scrollIntoView ??= () => undefined;
    await mount(api);
    expect($$('[data-focused]').map((n) => [n.dataset.noteId, n.dataset.focused])).toEqual([['b', 'link']]);
    expect($('[data-testid="panel-note-focus"]')!.textContent).toBe('Opened from its link');
    // "Show note" at another highlight on the page.
    state.focus = { noteId: 'a', sourceUrl: PAGE.sourceUrl, via: 'page' };
    await act(() => state.focusListener!(7));
    await flush();
    expect($$('[data-focused]').map((n) => [n.dataset.noteId, n.dataset.focused])).toEqual([['a', 'page']]);
    // Kept for another address of the tab: not this page's.
    state.focus = { noteId: 'a', sourceUrl: 'https://news.example/other', via: 'link' };
    await act(() => state.focusListener!(7));
    await flush();
    expect($$('[data-focused]')).toEqual([]);
  });

  it("copies a note's link as the page made it, or says why not", async () => {
    const { api, state } = fakeApi();
    state.notes = { notes: [view('a', 'first', 'one'), view('b', 'second', 'two')], candidates: [] };
    state.links = { a: 'https://news.example/a#:~:text=one' };
    await mount(api);
    await act(() => $('[data-note-id="a"] [data-testid="panel-note-copy-link"]')!.click());
    await flush();
    expect(state.copied).toEqual(['https://news.example/a#:~:text=one']);
    expect($('[data-note-id="a"] [data-testid="panel-note-copied"]')!.dataset.ok).toBe('true');
    state.copyError = 'Document is not focused.';
    await act(() => $('[data-note-id="a"] [data-testid="panel-note-copy-link"]')!.click());
    await flush();
    expect($('[data-note-id="a"] [data-testid="panel-note-copied"]')!.textContent).toContain('Document is not focused.');
    await act(() => $('[data-note-id="b"] [data-testid="panel-note-copy-link"]')!.click());
    await flush();
    expect($('[data-note-id="a"] [data-testid="panel-note-copied"]')).toBeNull();
    expect($('[data-note-id="b"] [data-testid="panel-note-copied"]')!.dataset.ok).toBe('false');
  });
});
