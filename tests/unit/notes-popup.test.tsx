// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import { I18nContext, type Translate } from '../../components/i18n';
import type { NotesApi } from '../../components/popup/api';
import { persistenceOf } from '../../components/popup/StorageStatus';
import { handleMessage } from '../../lib/messages/handle';
import type { BackgroundRequest, Reply, ReplyMap, RequestSender } from '../../lib/messages/protocol';
import { CounterpointDb, ownNoteFields } from '../../lib/storage/db';
import { addNote } from '../../lib/storage/notes-repo';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { translator, type Messages } from '../helpers/locale';

const extensionPage: RequestSender = { kind: 'extension-page' };

// The real English strings, with $1..$n substitution like browser.i18n.
const translate: Translate = translator(en as Messages);

let db: CounterpointDb;
let root: HTMLElement;
let saved: { content: string; filename: string }[];
let copied: string[];
let clipboardFails = false;
let seq = 0;

async function call<R extends BackgroundRequest>(request: R): Promise<ReplyMap[R['type']]> {
  const reply = (await handleMessage({ db }, request, extensionPage)) as Reply<R['type']>;
  if (!reply.ok) throw new Error(reply.error);
  return reply as ReplyMap[R['type']];
}

function fakeApi(): NotesApi {
  return {
    list: (q) => call({ type: 'notes:list', ...q }),
    update: async (id, body) => (await call({ type: 'notes:update', id, body })).note,
    remove: async (id) => void (await call({ type: 'notes:delete', id })),
    restore: async (id) => (await call({ type: 'notes:restore', id })).note,
    exportNotes: (format) => call({ type: 'notes:export', format }),
    importNotes: (content) => call({ type: 'notes:import', content }),
    currentPageCount: async () => (await call({ type: 'notes:page', page: { url: 'https://a.example/1', sourceUrl: 'https://a.example/1', title: '' } })).notes.length,
    storageStatus: async () => ({ persisted: false, unlimited: false }),
    requestPersistence: async () => ({ persisted: true, unlimited: false }),
    openPage: () => undefined,
    saveFile: (content, filename) => void saved.push({ content, filename }),
    copyText: async (text) => {
      if (clipboardFails) throw new Error('Document is not focused.');
      copied.push(text);
    },
  };
}

const flush = async (ms = 0) => {
  await act(() => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 0; i < 10; i++) await act(() => new Promise<void>((r) => setTimeout(r, 2)));
};
const $ = (sel: string) => root.querySelector(sel) as HTMLElement | null;
const $$ = (sel: string) => [...root.querySelectorAll(sel)] as HTMLElement[];
const input = (el: HTMLElement, value: string) => {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

async function mount(t: Translate = translate, lang?: string) {
  const api = fakeApi();
  const loadCount = async () => (await call({ type: 'ping' })).noteCount;
  await act(() => {
    render(
      <I18nContext.Provider value={t}>
        <PopupApp loadCount={loadCount} notes={api} lang={lang} />
      </I18nContext.Provider>,
      root,
    );
  });
  await flush();
}

const note = (url: string, exact: string, body: string, claimId: string | null = null) => ({
  url, sourceUrl: url, title: `Title of ${url}`, body, claimId,
  target: { quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: null },
});

beforeEach(async () => {
  db = new CounterpointDb(`popup-${seq++}`);
  await db.open();
  root = document.createElement('div');
  document.body.append(root);
  saved = [];
  copied = [];
  clipboardFails = false;
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

describe('popup', () => {
  it('counts unlimitedStorage as persistent', () => {
    expect(persistenceOf({ persisted: false, unlimited: true })).toBe('persistent');
    expect(persistenceOf({ persisted: null, unlimited: false })).toBe('unknown');
    expect(persistenceOf({ persisted: false, unlimited: false })).toBe('best-effort');
  });

  it('keeps the foundation note-count element and shows the empty state', async () => {
    await mount();
    expect($('[data-testid="note-count"]')!.getAttribute('data-count')).toBe('0');
    expect($('[data-testid="notes-empty"]')!.textContent).toMatch(/Highlight & note/);
    expect($('[data-testid="storage-status"]')!.getAttribute('data-persistent')).toBe('false');
    await act(() => $('[data-testid="storage-persist"]')!.click());
    await flush();
    expect($('[data-testid="storage-status"]')!.getAttribute('data-persistent')).toBe('true');
  });

  it('groups by page newest first, searches, filters, edits, deletes with undo', async () => {
    await addNote(db, note('https://a.example/1', 'first quote', 'older note'), { id: 'n1', now: 1 });
    await addNote(db, note('https://b.example/2', '気候変動の引用', '日本語のメモ', 'claim-1'), { id: 'n2', now: 2 });
    await addNote(db, note('https://a.example/1', 'second quote', 'newest note'), { id: 'n3', now: 3 });
    await mount();
    expect($('[data-testid="note-count"]')!.getAttribute('data-count')).toBe('3');
    expect($('[data-testid="page-note-count"]')!.getAttribute('data-count')).toBe('2');
    expect($$('[data-testid="page-group"]').map((g) => g.dataset.url)).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect($$('[data-testid="note-item"]').map((n) => n.dataset.noteId)).toEqual(['n3', 'n1', 'n2']);

    await act(() => input($('[data-testid="notes-search"]')!, '気候'));
    await flush(200);
    expect($$('[data-testid="note-item"]').map((n) => n.dataset.noteId)).toEqual(['n2']);
    await act(() => input($('[data-testid="notes-search"]')!, 'zzz'));
    await flush(200);
    expect($('[data-testid="notes-no-results"]')).not.toBeNull();
    await act(() => input($('[data-testid="notes-search"]')!, ''));
    const select = $('[data-testid="notes-filter"]') as HTMLSelectElement;
    select.value = 'mine';
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await flush(200);
    expect($$('[data-testid="note-item"]').map((n) => n.dataset.noteId)).toEqual(['n3', 'n1']);
    select.value = 'all';
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();

    // Inline edit: Enter while composing (IME) does not save; Ctrl+Enter does.
    const item = () => $('[data-note-id="n3"]')!;
    await act(() => (item().querySelector('[data-testid="note-edit"]') as HTMLElement).click());
    const editor = item().querySelector('[data-testid="note-editor"]') as HTMLTextAreaElement;
    input(editor, '編集した');
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true }));
    await flush();
    expect(item().querySelector('[data-testid="note-editor"]')).not.toBeNull();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await flush();
    expect(item().querySelector('[data-testid="note-body"]')!.textContent).toBe('編集した');
    expect((await db.notes.get('n3'))!.body).toBe('編集した');

    // Delete, then undo.
    await act(() => (item().querySelector('[data-testid="note-delete"]') as HTMLElement).click());
    await flush();
    expect($('[data-note-id="n3"]')).toBeNull();
    expect($('[data-testid="note-count"]')!.getAttribute('data-count')).toBe('2');
    await act(() => $('[data-testid="note-undo"]')!.click());
    await flush();
    expect($('[data-note-id="n3"]')).not.toBeNull();
    expect($('[data-testid="note-count"]')!.getAttribute('data-count')).toBe('3');
  });

  it('exports, and reports an import', async () => {
    await addNote(db, note('https://a.example/1', 'q', 'b'), { id: 'n1', now: 1 });
    await mount();
    await act(() => $('[data-testid="export-jsonld"]')!.click());
    await flush();
    expect(saved[0]!.filename).toMatch(/\.jsonld$/);
    await db.notes.clear();
    const fileInput = $('[data-testid="import-file"]') as HTMLInputElement;
    const file = new File([saved[0]!.content], 'notes.jsonld');
    Object.defineProperty(file, 'text', { value: async () => saved[0]!.content });
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
    fileInput.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect($('[data-testid="notes-notice"]')!.textContent).toBe('Import: 1 added, 0 already there, 0 rejected.');
    expect($$('[data-testid="note-item"]')).toHaveLength(1);
  });

  it('"Copy link" gives a highlight’s text-fragment URL, a page note’s page URL, and says when copying fails', async () => {
    await addNote(db, { ...note('https://a.example/story', 'kind of a failure', 'my note'), target: { quote: { type: 'TextQuoteSelector', exact: 'kind of a failure', prefix: 'LeCun said xAI is ', suffix: ', frankly.' }, position: null } }, { id: 'hl', now: 2 });
    await addNote(db, { ...note('https://a.example/story', 'x', 'page note'), target: null }, { id: 'pn', now: 1 });
    await mount();
    const copy = (id: string) => $(`[data-note-id="${id}"] [data-testid="note-copy-link"]`)!;
    await act(() => copy('hl').click());
    await flush();
    expect(copied).toEqual(['https://a.example/story#:~:text=LeCun%20said%20xAI%20is-,kind%20of%20a%20failure,-%2C%20frankly.']);
    expect($('[data-testid="notes-notice"]')!.textContent).toBe('Link copied.');
    await act(() => copy('pn').click());
    await flush();
    expect(copied[1]).toBe('https://a.example/story');
    clipboardFails = true;
    await act(() => copy('hl').click());
    await flush();
    expect($('[data-testid="notes-notice"]')!.textContent).toBe('Could not copy the link: Document is not focused.');
    expect(copied).toHaveLength(2);
  });

  it('renders one batch of a large store', async () => {
    await db.notes.bulkAdd(
      Array.from({ length: 1500 }, (_, i) => ({
        id: `bulk-${i}`, url: `https://s.example/${i % 50}`, sourceUrl: `https://s.example/${i % 50}`, title: `Page ${i % 50}`,
        body: `note ${i}`, target: null, claimId: null, anchorState: 'unknown' as const, createdAt: i, updatedAt: i, terms: ['note'], ...ownNoteFields(),
      })),
    );
    await mount();
    expect($$('[data-testid="note-item"]')).toHaveLength(100);
    expect($('[data-testid="notes-more"]')!.textContent).toMatch(/1400 left/);
  });

  it('groups notes under the page where they were taken, with the main address when it differs', async () => {
    const taken = { ...note('https://news.example/story', 'q1', 'on the AMP copy'), sourceUrl: 'https://amp.news.example/story' };
    await addNote(db, taken, { id: 'amp', now: 2 });
    await addNote(db, note('https://news.example/story', 'q2', 'on the page itself'), { id: 'own', now: 1 });
    await mount();
    const groups = $$('[data-testid="page-group"]');
    expect(groups.map((g) => [g.dataset.url, g.dataset.canonical])).toEqual([
      ['https://amp.news.example/story', 'https://news.example/story'],
      ['https://news.example/story', undefined],
    ]);
    expect(groups[0]!.querySelector('[data-testid="page-canonical"]')!.textContent).toBe('Main address: news.example/story');
    expect(groups[1]!.querySelector('[data-testid="page-canonical"]')).toBeNull();
    expect(groups[0]!.querySelector('.cp-page__address')!.textContent).toBe('amp.news.example/story');
  });

  it('counts in words a reader would use, in English and Japanese', async () => {
    await addNote(db, note('https://a.example/1', 'q', 'b'), { id: 'n1', now: Date.UTC(2026, 11, 3, 1, 42) });
    await mount();
    expect($('[data-testid="note-count"]')!.textContent).toBe('1 saved note');
    await act(() => $('[data-testid="export-markdown"]')!.click());
    await flush();
    expect($('[data-testid="notes-notice"]')!.textContent).toBe('Exported 1 note.');
    render(null, root);
    await mount(translator(ja as Messages, 'ja'), 'ja');
    expect($('[data-testid="note-count"]')!.textContent).toBe('保存したメモ 1 件');
    expect($('[data-testid="note-item"] time')!.textContent).toMatch(/^2026年12月3日 \d+:42$/);
    expect($('[data-testid="open-page"]')!.textContent).toBe('ページを開く');
  });
});
