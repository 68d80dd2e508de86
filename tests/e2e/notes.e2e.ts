/**
 * Reader's highlights and notes (issues #6, #13) in real Chromium and Firefox, against the built
 * extension: select → "Note the selected text" in the side panel → multi-line note → saved → the
 * page draws the highlight, a reload redraws it; an orphan is listed in the side panel; the popup
 * lists notes, edits inline, deletes and undoes; JSON-LD export into a fresh profile gives the same
 * notes; a 10 MB note is refused with a message (side panel and popup edit); notes survive a browser
 * restart and an extension update (relaunch on the same profile with a newer version; in Firefox
 * also an in-place update while running); nothing leaves the machine.
 *
 * The side panel is opened as a tab bound to the page (`sidepanel.html?tab=<id>`): neither browser
 * opens its side panel headless without a real gesture in its own UI. The selection is made with the
 * Selection API; the panel's buttons are clicked and the note typed with real (trusted) input.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browsers, clickInPage, selectText, sendFromExtensionPage, startServer, tabIdOf, type E2EPage, type ExtensionSession } from './harness';
import { addressKey, PAGE_KEYS_ITEM } from '../../lib/storage/page-keys';

type Server = Awaited<ReturnType<typeof startServer>>;

const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:680px;margin:40px auto;padding:0 16px;color:#222}</style></head><body>
<header><nav><a href="/">Local news</a></nav></header>
<main><article>
<h1>Harbour bridge reopens after six weeks of repairs</h1>
<p id="p1">The city council said the harbour bridge will reopen to traffic on Monday after six weeks of repairs.</p>
<p id="p2">Engineers replaced forty steel cables and repainted the main span, according to the transport office.</p>
<p id="p3" lang="ja">港の橋は月曜日に通行が再開されると市議会が発表した。工事は六週間続いた。</p>
<p id="p4">Cyclists will have a separate lane for the first time, the council added in a statement on Friday.</p>
</article></main></body></html>`;

const inline = { '/notes/story.html': { type: 'text/html; charset=utf-8', body: STORY } };

const QUOTE = 'harbour bridge will reopen to traffic on Monday';
const LINE1 = 'Check the council minutes.';
const LINE2 = 'Second line: was the date confirmed?';
const BODY = `${LINE1}\n${LINE2}`;
const EDITED = `${BODY}\nEdited in the popup: 議事録を確認した。`;
const JA_QUOTE = '工事は六週間続いた';

// ---- in-page helpers (serialised into the page: self-contained) -------------------------------


/** The note highlights the page paints: the text of each range in `counterpoint-note`. */
const noteHighlights = (): string[] | null => {
  const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  if (!reg) return null;
  const h = reg.get('counterpoint-note');
  return h ? Array.from(h).map((r) => r.toString()) : [];
};

interface RuntimeLike {
  runtime: { getManifest(): { version: string } };
}

interface ListedNote {
  id: string;
  url: string;
  sourceUrl: string;
  title: string;
  body: string;
  target: { quote: { exact: string }; position: { start: number; end: number } | null } | null;
  createdAt: number;
  updatedAt: number;
}

async function ask<T = Record<string, unknown>>(page: E2EPage, request: unknown): Promise<T & { ok: boolean; error?: string }> {
  return (await page.evaluate(sendFromExtensionPage, request)) as T & { ok: boolean; error?: string };
}

async function listAll(page: E2EPage): Promise<{ notes: ListedNote[]; total: number }> {
  const r = await ask<{ notes: ListedNote[]; total: number }>(page, { type: 'notes:list', search: '', filter: 'all', offset: 0, limit: 500 });
  if (!r.ok) throw new Error(`notes:list failed: ${r.error}`);
  return { notes: r.notes, total: r.total };
}

/** What the popup shows, read from its DOM. */
const readPopup = () =>
  Array.from(document.querySelectorAll('[data-testid="note-item"]')).map((li) => ({
    id: li.getAttribute('data-note-id'),
    quote: li.querySelector('blockquote')?.textContent ?? null,
    body: li.querySelector('[data-testid="note-body"]')?.textContent ?? null,
  }));

const clickTestId = ({ testId, noteId }: { testId: string; noteId?: string }): void => {
  const scope = noteId ? document.querySelector(`[data-note-id="${noteId}"]`) : document;
  const el = scope?.querySelector(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`no ${testId}`);
  (el as HTMLElement).click();
};

/** Sets a textarea's value the way typing does (Preact listens for `input`), in an extension page. */
const fillTextarea = ({ selector, value }: { selector: string; value: string }): void => {
  const area = document.querySelector(selector) as HTMLTextAreaElement | null;
  if (!area) throw new Error(`no ${selector}`);
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
};

async function openPopup(session: ExtensionSession): Promise<E2EPage> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.waitFor(() => document.querySelector('[data-testid="note-count"], [data-testid="popup-error"]'), undefined, 30_000);
  await popup.waitFor(() => document.querySelector('[data-testid="notes-list"]')?.getAttribute('aria-busy') === 'false');
  return popup;
}

/** The side panel for the tab showing `url`, opened as a tab bound to it. */
async function openPanel(session: ExtensionSession, helper: E2EPage, url: string): Promise<E2EPage> {
  const tabId = await tabIdOf(helper, url);
  const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await panel.waitFor(() => document.querySelector('[data-testid="panel-capture"], [data-testid="panel-no-page"]'), undefined, 30_000);
  return panel;
}

/** Selects `quote` on the page and starts a note on it in the side panel; returns once the note's text area has focus. */
async function startNote(page: E2EPage, panel: E2EPage, quote: string): Promise<void> {
  expect(await page.evaluate(selectText, quote)).toBe(true);
  // Selecting shows nothing on the page: no button, no element, nothing for page script to see.
  await new Promise((r) => setTimeout(r, 400));
  expect(await page.evaluate(() => document.querySelectorAll('[data-testid^="cpn-"], counterpoint-notes').length)).toBe(0);
  await panel.bringToFront();
  await clickInPage(panel, '[data-testid="panel-capture"]');
  await panel.waitFor((q) => document.querySelector('[data-testid="panel-quote"]')?.textContent === q, quote, 30_000);
  await panel.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'panel-textarea');
}

const paintedNotes = (): number => (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size ?? 0;

/** Newest modification time under `dir` (ms), or 0 when something vanished while looking. */
function newestMtime(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((m, f) => Math.max(m, statSync(join(dir, f)).mtimeMs), statSync(dir).mtimeMs);
  } catch {
    return 0;
  }
}

const BUILD_FILES = ['manifest.json', 'popup.html', 'background.js'];

/**
 * Copies the build into `dest` once it is complete and has not changed for a few seconds: other
 * engineers rebuild `.output/` in this shared checkout, and a build wipes the directory first.
 * The tests then run against their own copy, whatever happens to `.output/` meanwhile.
 */
async function snapshotBuild(buildDir: string, dest: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const complete = BUILD_FILES.every((f) => existsSync(join(buildDir, f)));
    const newest = newestMtime(buildDir);
    if (complete && newest > 0 && Date.now() - newest > 3000) {
      rmSync(dest, { recursive: true, force: true });
      cpSync(buildDir, dest, { recursive: true });
      if (BUILD_FILES.every((f) => existsSync(join(dest, f))) && newestMtime(buildDir) === newest) return dest;
    }
    if (Date.now() > deadline) throw new Error(`${buildDir} is incomplete or still changing: run npm run build:all`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const bump = (version: string): string => {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + 1;
  return parts.join('.');
};

for (const target of browsers) {
  describe.skipIf(!target.available)(`reader's notes in ${target.name}`, () => {
    let server: Server;
    let session: ExtensionSession;
    let popup: E2EPage;
    let savedId = '';
    let work = '';
    let extensionDir = '';

    beforeAll(async () => {
      server = await startServer(['tests/e2e/pages'], inline);
      work = mkdtempSync(join(tmpdir(), `cp-notes-${target.name}-`));
      extensionDir = await snapshotBuild(target.buildDir, join(work, 'extension'));
      session = await target.launch({ extensionDir });
      popup = await openPopup(session);
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('saves a multi-line note on a selection and redraws its highlight after a reload', async () => {
      const url = server.url('/notes/story.html');
      const page = await session.openPage(url);
      const panel = await openPanel(session, popup, url);
      expect(await panel.evaluate(() => document.querySelector('[data-testid="panel-page"]')?.getAttribute('data-url'))).toBe(url);
      await startNote(page, panel, QUOTE);
      await panel.type(LINE1);
      await panel.press('Enter'); // a new line, not "save": saving is Ctrl/⌘+Enter or the button
      await panel.type(LINE2);
      expect(await panel.evaluate(() => (document.querySelector('[data-testid="panel-textarea"]') as HTMLTextAreaElement).value)).toBe(BODY);
      await panel.screenshot(artifactPath(`${target.name}-notes-editor.png`));
      await clickInPage(panel, '[data-testid="panel-save"]');
      await panel.waitFor(() => !document.querySelector('[data-testid="panel-composer"]'), undefined, 30_000);
      // The page draws the new highlight (told by the panel; it never sees the note's text) …
      await page.waitFor(paintedNotes, undefined, 30_000);
      expect(await page.evaluate(noteHighlights)).toEqual([QUOTE]);
      // … and the panel lists it under this page.
      await panel.waitFor(() => document.querySelectorAll('[data-testid="panel-note"]').length === 1, undefined, 30_000);
      expect(await panel.evaluate(() => document.querySelector('[data-testid="panel-note-body"]')?.textContent)).toBe(BODY);
      await panel.close();

      // Stored by the background.
      const { notes, total } = await listAll(popup);
      expect(total).toBe(1);
      expect(notes[0]).toMatchObject({ url, body: BODY, title: 'Harbour bridge reopens', target: { quote: { exact: QUOTE } } });
      savedId = notes[0]!.id;
      // Its position counts the page's textContent, as Hypothesis and other tools do (issue #15).
      const position = notes[0]!.target!.position!;
      expect(await page.evaluate((p: { start: number; end: number }) => document.body.textContent!.slice(p.start, p.end), position)).toBe(QUOTE);
      // The set that lets pages without notes skip asking the background holds this page.
      const keys = await popup.evaluate(async (item: string) => {
        type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        return (await (g.browser ?? g.chrome)!.storage.local.get(item))[item];
      }, PAGE_KEYS_ITEM);
      expect(keys).toContain(addressKey(url));

      // A new visit re-anchors it and draws it again (the page's DOM was not rewritten).
      await page.goto(url);
      await page.waitFor(() => {
        const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note');
        return h && h.size > 0;
      }, undefined, 30_000);
      expect(await page.evaluate(noteHighlights)).toEqual([QUOTE]);
      expect(await page.evaluate(() => document.querySelectorAll('mark, [data-counterpoint-note]').length)).toBe(0);
      await page.screenshot(artifactPath(`${target.name}-notes-page.png`));
      await page.close();
    });

    it('lists the note in the popup, edits it inline, deletes it and brings it back with undo', async () => {
      expect(savedId).not.toBe('');
      // A fresh popup, as when the reader opens it.
      await popup.close();
      popup = await openPopup(session);
      await popup.waitFor(() => document.querySelector('[data-testid="note-item"]'), undefined, 30_000);
      expect(await popup.evaluate(readPopup)).toEqual([{ id: savedId, quote: QUOTE, body: BODY }]);
      expect(await popup.evaluate(() => document.querySelector('[data-testid="note-count"]')?.getAttribute('data-count'))).toBe('1');

      // Edit inline.
      await popup.evaluate(clickTestId, { testId: 'note-edit', noteId: savedId });
      await popup.waitFor(() => document.querySelector('[data-testid="note-editor"]'));
      expect(await popup.evaluate(() => (document.querySelector('[data-testid="note-editor"]') as HTMLTextAreaElement).value)).toBe(BODY);
      await popup.evaluate(fillTextarea, { selector: '[data-testid="note-editor"]', value: EDITED });
      await popup.evaluate(clickTestId, { testId: 'note-save', noteId: savedId });
      await popup.waitFor((text) => document.querySelector('[data-testid="note-body"]')?.textContent === text, EDITED);
      expect((await listAll(popup)).notes.map((n) => [n.id, n.body])).toEqual([[savedId, EDITED]]);
      await popup.screenshot(artifactPath(`${target.name}-notes-popup.png`));

      // Searching while a note is being edited: the keys stay in the search box, the draft is kept.
      await popup.evaluate(clickTestId, { testId: 'note-edit', noteId: savedId });
      await popup.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'note-editor');
      await popup.evaluate(() => (document.querySelector('[data-testid="notes-search"]') as HTMLInputElement).focus());
      await popup.type('council');
      await popup.waitFor(() => document.querySelector('[data-testid="notes-list"]')?.getAttribute('data-answered-query') === 'council', undefined, 30_000);
      expect(
        await popup.evaluate(() => ({
          focused: document.activeElement?.getAttribute('data-testid'),
          search: (document.querySelector('[data-testid="notes-search"]') as HTMLInputElement).value,
          draft: (document.querySelector('[data-testid="note-editor"]') as HTMLTextAreaElement | null)?.value,
        })),
      ).toEqual({ focused: 'notes-search', search: 'council', draft: EDITED });
      await popup.evaluate(clickTestId, { testId: 'note-cancel', noteId: savedId });
      await popup.evaluate(fillTextarea, { selector: '[data-testid="notes-search"]', value: '' });
      await popup.waitFor(() => document.querySelector('[data-testid="notes-list"]')?.getAttribute('data-answered-query') === '', undefined, 30_000);
      expect(await popup.evaluate(readPopup)).toEqual([{ id: savedId, quote: QUOTE, body: EDITED }]);

      // Delete: gone from the list and the store, with an undo bar.
      await popup.evaluate(clickTestId, { testId: 'note-delete', noteId: savedId });
      await popup.waitFor(() => document.querySelector('[data-testid="undo-bar"]') && !document.querySelector('[data-testid="note-item"]'));
      expect((await listAll(popup)).total).toBe(0);
      await popup.screenshot(artifactPath(`${target.name}-notes-popup-deleted.png`));

      // Undo: the same note is back, with its edited text.
      await popup.evaluate(clickTestId, { testId: 'note-undo' });
      await popup.waitFor(() => document.querySelector('[data-testid="note-item"]') && !document.querySelector('[data-testid="undo-bar"]'));
      expect(await popup.evaluate(readPopup)).toEqual([{ id: savedId, quote: QUOTE, body: EDITED }]);
      const { notes } = await listAll(popup);
      expect(notes.map((n) => [n.id, n.body, n.target?.quote.exact])).toEqual([[savedId, EDITED, QUOTE]]);
    });

    it('refuses a 10 MB note with a message and leaves the stored notes unchanged', async () => {
      const before = await listAll(popup);
      const page = await session.openPage(server.url('/notes/story.html'));
      await page.waitFor(paintedNotes, undefined, 30_000);
      const panel = await openPanel(session, popup, server.url('/notes/story.html'));
      await startNote(page, panel, 'forty steel cables');
      await panel.evaluate(fillTextarea, { selector: '[data-testid="panel-textarea"]', value: 'x'.repeat(10 * 1024 * 1024) });
      await clickInPage(panel, '[data-testid="panel-save"]');
      await panel.waitFor(() => document.querySelector('[data-testid="panel-error"]'), undefined, 60_000);
      const shown = await panel.evaluate(() => ({
        error: document.querySelector('[data-testid="panel-error"]')!.textContent,
        // The composer stays open with the typed text, so nothing is lost silently.
        kept: (document.querySelector('[data-testid="panel-textarea"]') as HTMLTextAreaElement).value.length,
      }));
      expect(shown.error).toMatch(/too large/i);
      expect(shown.error).toMatch(/10(\.0)? MB/);
      expect(shown.kept).toBe(10 * 1024 * 1024);
      await panel.screenshot(artifactPath(`${target.name}-notes-too-large.png`));
      await panel.close();
      expect(await listAll(popup)).toEqual(before);
      // The popup's inline edit refuses it too, says why, and keeps the draft.
      await popup.close();
      popup = await openPopup(session);
      await popup.waitFor(() => document.querySelector('[data-testid="note-item"]'), undefined, 30_000);
      await popup.evaluate(clickTestId, { testId: 'note-edit', noteId: savedId });
      await popup.waitFor(() => document.querySelector('[data-testid="note-editor"]'));
      await popup.evaluate(fillTextarea, { selector: '[data-testid="note-editor"]', value: 'y'.repeat(10 * 1024 * 1024) });
      await popup.evaluate(clickTestId, { testId: 'note-save', noteId: savedId });
      await popup.waitFor(() => document.querySelector('[data-testid="notes-notice"][role="alert"]'), undefined, 60_000);
      expect(await popup.evaluate(() => document.querySelector('[data-testid="notes-notice"]')?.textContent)).toMatch(/too large/i);
      expect(await popup.evaluate(() => (document.querySelector('[data-testid="note-editor"]') as HTMLTextAreaElement | null)?.value.length)).toBe(10 * 1024 * 1024);
      expect(await listAll(popup)).toEqual(before);
      // And the protocol itself, whoever sends it.
      const update = await ask(popup, { type: 'notes:update', id: savedId, body: 'y'.repeat(10 * 1024 * 1024) });
      expect(update.ok).toBe(false);
      expect(update.error).toMatch(/too large/i);
      expect(await listAll(popup)).toEqual(before);
      // Leave the popup as the reader would: edit cancelled.
      await popup.close();
      popup = await openPopup(session);
      await page.close();
    }, 180_000);

    it('exports JSON-LD and imports it into a fresh profile with the same notes', async () => {
      // A second, Japanese note so the file holds more than one page's worth of text.
      const added = await ask<{ note: ListedNote }>(popup, {
        type: 'notes:add',
        note: {
          url: server.url('/notes/story.html'),
          sourceUrl: server.url('/notes/story.html'),
          title: 'Harbour bridge reopens',
          body: '工期について\n市の発表を確認する',
          target: { quote: { exact: JA_QUOTE, prefix: '再開されると市議会が発表した。', suffix: '。' }, position: null },
          claimId: null,
        },
      });
      expect(added.ok).toBe(true);
      const original = await listAll(popup);
      expect(original.total).toBe(2);
      const exported = await ask<{ content: string; count: number; mimeType: string }>(popup, { type: 'notes:export', format: 'jsonld' });
      expect(exported).toMatchObject({ ok: true, count: 2, mimeType: 'application/ld+json' });
      const file = JSON.parse(exported.content) as { first: { items: unknown[] } };
      writeFileSync(artifactPath(`${target.name}-notes-export.jsonld`), exported.content);

      const fresh = await target.launch({ extensionDir });
      try {
        const freshPopup = await openPopup(fresh);
        expect((await listAll(freshPopup)).total).toBe(0);
        const report = await ask(freshPopup, { type: 'notes:import', content: exported.content });
        expect(report).toMatchObject({ ok: true, added: 2, skipped: 0, rejected: 0 });
        const imported = await listAll(freshPopup);
        const shape = (n: ListedNote) => ({ id: n.id, url: n.url, sourceUrl: n.sourceUrl, quote: n.target?.quote.exact, body: n.body, createdAt: n.createdAt });
        expect(imported.notes.map(shape)).toEqual(original.notes.map(shape));
        // And the fresh profile's own export carries the same annotations.
        const again = await ask<{ content: string }>(freshPopup, { type: 'notes:export', format: 'jsonld' });
        expect((JSON.parse(again.content) as typeof file).first.items).toEqual(file.first.items);
        // A second import of the same file changes nothing.
        expect(await ask(freshPopup, { type: 'notes:import', content: exported.content })).toMatchObject({ ok: true, added: 0, skipped: 2 });
        // The popup lists them, and the page draws the imported highlight.
        const shownPopup = await openPopup(fresh);
        await shownPopup.waitFor(() => document.querySelectorAll('[data-testid="note-item"]').length === 2, undefined, 30_000);
        expect((await shownPopup.evaluate(readPopup)).map((n) => n.id).sort()).toEqual(original.notes.map((n) => n.id).sort());
        const page = await fresh.openPage(server.url('/notes/story.html'));
        await page.waitFor(() => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size ?? 0) >= 2, undefined, 30_000);
        expect((await page.evaluate(noteHighlights))?.sort()).toEqual([QUOTE, JA_QUOTE].sort());
        expect(fresh.foreignRequests()).toEqual([]);
      } finally {
        await fresh.close();
      }
    }, 240_000);

    it('imports a Hypothesis export (search API rows) and draws its highlight on the page', async () => {
      const url = server.url('/notes/story.html');
      const exact = 'Engineers replaced forty steel cables';
      const file = {
        total: 1,
        rows: [{
          id: 'HypE2eRow1', created: '2024-05-01T10:00:00.000000+00:00', updated: '2024-05-01T10:00:00.000000+00:00',
          user: 'acct:reader@hypothes.is', uri: url, text: 'Is **forty** right?', tags: ['bridge'],
          target: [{ source: url, selector: [{ type: 'TextPositionSelector', start: 0, end: 37 }, { type: 'TextQuoteSelector', exact, prefix: '', suffix: ' and repainted' }] }],
          document: { title: ['Harbour bridge reopens'] }, links: { html: 'https://hypothes.is/a/HypE2eRow1' },
        }],
      };
      expect(await ask(popup, { type: 'notes:import', content: JSON.stringify(file) })).toMatchObject({ ok: true, added: 1, rejected: 0 });
      const imported = (await listAll(popup)).notes.find((n) => n.target?.quote.exact === exact);
      expect(imported).toMatchObject({ body: 'Is **forty** right?', url });
      const page = await session.openPage(url);
      await page.waitFor((q: string) => {
        const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note');
        return !!h && [...h].some((r) => r.toString() === q);
      }, exact, 30_000);
      await page.close();
    });

    it('lists a highlight the page no longer has as an orphan, in the side panel and the popup, and keeps it', async () => {
      const url = server.url('/notes/story.html');
      const added = await ask<{ note: ListedNote }>(popup, {
        type: 'notes:add',
        note: {
          url,
          sourceUrl: url,
          title: 'Harbour bridge reopens',
          body: 'About a sentence the page has since removed',
          target: { quote: { exact: 'The ferry service will stop running during the works', prefix: '', suffix: '' }, position: null },
          claimId: null,
        },
      });
      expect(added.ok).toBe(true);
      const page = await session.openPage(url);
      const panel = await openPanel(session, popup, url);
      // After the page's second look (late-rendering pages get one), the panel lists it as not found.
      await new Promise((r) => setTimeout(r, 3500));
      await panel.evaluate(() => location.reload());
      await panel.waitFor((id) => document.querySelector(`[data-note-id="${id}"]`)?.getAttribute('data-state') === 'orphan', added.note.id, 30_000);
      expect(await panel.evaluate(() => document.querySelector('[data-testid="panel-orphans"]')?.getAttribute('data-count'))).toBe('1');
      await panel.screenshot(artifactPath(`${target.name}-notes-panel-orphan.png`));
      // The store knows it as an orphan (the popup's filter), and it is kept.
      const orphans = await ask<{ notes: ListedNote[] }>(popup, { type: 'notes:list', search: '', filter: 'orphan', offset: 0, limit: 50 });
      expect(orphans.notes.map((n) => n.id)).toEqual([added.note.id]);
      // Nothing is drawn for it on the page.
      expect(await page.evaluate(noteHighlights)).not.toContain('The ferry service will stop running during the works');
      await panel.close();
      await page.close();
    }, 120_000);

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });

  describe.skipIf(!target.available)(`notes survive a restart and an extension update in ${target.name}`, () => {
    let server: Server;
    let work = '';
    let profile = '';
    let extensionDir = '';
    let noteId = '';

    beforeAll(async () => {
      server = await startServer(['tests/e2e/pages'], inline);
      work = mkdtempSync(join(tmpdir(), `cp-notes-${target.name}-`));
      profile = join(work, 'profile');
      // The extension is loaded from a copy at a fixed path: in Chromium an unpacked extension's id
      // comes from its path, so the "updated" build must sit where the old one was.
      extensionDir = await snapshotBuild(target.buildDir, join(work, 'extension'));
    });
    afterAll(async () => {
      await server?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    const launchKept = () => target.launch({ userDataDir: profile, extensionDir });

    it('keeps a saved note across a browser restart', async () => {
      const first = await launchKept();
      try {
        const page = await first.openPage(server.url('/notes/story.html'));
        const popup = await openPopup(first);
        const panel = await openPanel(first, popup, server.url('/notes/story.html'));
        await startNote(page, panel, JA_QUOTE); // a Japanese highlight this time
        await panel.type('Saved before the restart');
        await panel.press('Control+Enter'); // saves, as the hint says
        await panel.waitFor(() => !document.querySelector('[data-testid="panel-composer"]'), undefined, 30_000);
        const { notes } = await listAll(popup);
        expect(notes.map((n) => n.body)).toEqual(['Saved before the restart']);
        noteId = notes[0]!.id;
        expect(first.foreignRequests()).toEqual([]);
      } finally {
        await first.close();
      }

      const second = await launchKept();
      try {
        const popup = await openPopup(second);
        expect((await listAll(popup)).notes.map((n) => [n.id, n.body])).toEqual([[noteId, 'Saved before the restart']]);
        const page = await second.openPage(server.url('/notes/story.html'));
        await page.waitFor(() => (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size, undefined, 30_000);
        expect(await page.evaluate(noteHighlights)).toEqual([JA_QUOTE]);
        expect(second.foreignRequests()).toEqual([]);
      } finally {
        await second.close();
      }
    }, 240_000);

    it('keeps the notes when the extension is updated to a new version', async () => {
      expect(noteId).not.toBe('');
      const manifestPath = join(extensionDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
      const newVersion = bump(manifest.version);
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: newVersion }));

      const updated = await launchKept();
      try {
        const popup = await openPopup(updated);
        const g = () => {
          const w = globalThis as unknown as { browser?: RuntimeLike; chrome: RuntimeLike };
          return (w.browser ?? w.chrome).runtime.getManifest().version;
        };
        expect(await popup.evaluate(g)).toBe(newVersion);
        expect((await listAll(popup)).notes.map((n) => [n.id, n.body])).toEqual([[noteId, 'Saved before the restart']]);
        await popup.waitFor(() => document.querySelector('[data-testid="note-item"]'), undefined, 30_000);
        expect((await popup.evaluate(readPopup)).map((n) => n.id)).toEqual([noteId]);
        expect(updated.foreignRequests()).toEqual([]);
      } finally {
        await updated.close();
      }
    }, 240_000);

    // Chromium skips this one case: an unpacked extension loaded with --load-extension does not come
    // back after runtime.reload() (its pages answer ERR_BLOCKED_BY_CLIENT, with or without a new
    // version on disk), so an in-place update cannot be driven there; the relaunch-with-a-newer-
    // version case above covers Chromium's update path.
    it.skipIf(target.name === 'chromium')('keeps the notes when the extension updates while the browser runs (runtime.reload of a newer version)', async () => {
      expect(noteId).not.toBe('');
      const session = await launchKept();
      try {
        const popup = await openPopup(session);
        const manifestPath = join(extensionDir, 'manifest.json');
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
        const newVersion = bump(manifest.version);
        writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: newVersion }));
        // The extension reloads from disk, as when the browser applies an update: its pages close.
        await popup.evaluate(() => {
          const w = globalThis as unknown as { browser?: { runtime: { reload(): void } }; chrome: { runtime: { reload(): void } } };
          setTimeout(() => (w.browser ?? w.chrome).runtime.reload(), 0);
        });
        const version = () => {
          const w = globalThis as unknown as { browser?: RuntimeLike; chrome: RuntimeLike };
          return (w.browser ?? w.chrome).runtime.getManifest().version;
        };
        let reopened: E2EPage | null = null;
        for (let attempt = 0; attempt < 20 && !reopened; attempt++) {
          await new Promise((r) => setTimeout(r, 500));
          const page = await openPopup(session).catch(() => null);
          if (page && (await page.evaluate(version).catch(() => '')) === newVersion) reopened = page;
          else await page?.close().catch(() => undefined);
        }
        expect(reopened, `the extension did not come back as ${newVersion}`).not.toBeNull();
        expect((await listAll(reopened!)).notes.map((n) => [n.id, n.body])).toEqual([[noteId, 'Saved before the restart']]);
        expect(session.foreignRequests()).toEqual([]);
      } finally {
        await session.close();
      }
    }, 240_000);
  });
}
