/**
 * Links that open highlighted (issue #15, point 4), in real Chromium and Firefox ESR, against the
 * built extension:
 *  - "Copy link" on a claim's card, at a note's highlight on the page, and in the side panel puts a
 *    text-fragment link on the clipboard (read back through the browser's clipboard);
 *  - opened in a fresh tab of a browser without Counterpoint, and of the one with it, the page
 *    scrolls to the passage and the browser highlights it (`::target-text` painted magenta, found in a
 *    screenshot on the passage's box; a repeated passage opens at the occurrence the note was on, not
 *    the earlier one);
 *  - with Counterpoint, a claim's link opens that claim's card; a note's link makes the side panel
 *    show that note first and marks the toolbar button; "Show note" at a highlight opens the side
 *    panel where the browser allows it (Chromium) and otherwise leaves the note waiting there.
 * All input is real (CDP / WebDriver BiDi); the side panel is opened as a tab bound to the page.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteLink } from '../../lib/links/note-link';
import {
  artifactPath,
  browsers,
  clickInPage,
  clickInShadow,
  OVERLAY_HOST,
  sendFromExtensionPage,
  startServer,
  tabIdOf,
  type E2EPage,
  type ExtensionSession,
} from './harness';
import { boxesById, launchPlain, magentaWithin, passageBox, settleScroll, TARGET_TEXT_CSS, type Box, type PlainBrowser } from './harness/fragment';

type Server = Awaited<ReturnType<typeof startServer>>;

const NOTE_MENU = 'counterpoint-note-menu';
const UNIQUE = 'the harbour bridge will reopen to traffic on Monday';
const REPEATED = 'forty steel cables';
const FILLER = '<div style="height:1500px"></div>';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:680px;margin:40px auto;padding:0 16px;color:#222} ${TARGET_TEXT_CSS}</style></head><body>
<main><article>
<h1>Harbour bridge reopens after six weeks of repairs</h1>
<p id="decoy">Last year engineers ordered ${REPEATED} from a supplier abroad, the transport office said.</p>
${FILLER}
<p id="p-unique">The city council said ${UNIQUE} after six weeks of repairs.</p>
<p id="p-repeat">Engineers replaced ${REPEATED} and repainted the main span, according to the council.</p>
${FILLER}
</article></main></body></html>`;

/** The stored quote of a note on `exact` in `text` (what describeOffsets writes: 32 characters of context). */
function quoteIn(text: string, exact: string, from = 0) {
  const at = text.indexOf(exact, from);
  if (at < 0) throw new Error(`${exact} not in the page text`);
  return { type: 'TextQuoteSelector' as const, exact, prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + exact.length, at + exact.length + 32) };
}

const UNIQUE_P = `The city council said ${UNIQUE} after six weeks of repairs.`;
const REPEAT_P = `Engineers replaced ${REPEATED} and repainted the main span, according to the council.`;

interface Added {
  id: string;
  url: string;
  target: { quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }; position: null };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Scrolls the painted note highlight containing `text` into view; its centre (runs in the page). */
const noteHighlightAt = (text: string): { x: number; y: number } | null => {
  const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note');
  const range = h ? Array.from(h).find((r) => r.toString().includes(text)) : undefined;
  if (!range) return null;
  const before = range.getBoundingClientRect();
  window.scrollBy(0, before.top - window.innerHeight / 3);
  const r = range.getClientRects()[0]!;
  return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
};

const paintedNotes = (): number => (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size ?? 0;

/** The text under each claim highlight, in reading order (runs in the page). */
const claimPassages = (): string[] => {
  const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  const all: Range[] = [];
  // Every claim mark, strong and subtle (density), not the active one or the reader's notes.
  for (const [name, h] of reg) {
    if (!name.startsWith('counterpoint-') || name === 'counterpoint-active' || name === 'counterpoint-note') continue;
    for (const r of h) all.push(r);
  }
  all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return all.map((r) => r.toString());
};

const linkStatus = (root: ShadowRoot | null): string | null => root?.querySelector('[data-testid="cp-link-status"]')?.getAttribute('data-state') ?? null;

async function ask<T>(ext: E2EPage, request: unknown): Promise<T & { ok: boolean; error?: string }> {
  return (await ext.evaluate(sendFromExtensionPage, request)) as T & { ok: boolean; error?: string };
}

/** The toolbar button's badge text for a tab (read from an extension page). */
const badgeText = (tabId: number): Promise<string> => {
  const g = globalThis as unknown as { browser?: { action: { getBadgeText(d: object): Promise<string> } }; chrome: { action: { getBadgeText(d: object): Promise<string> } } };
  return (g.browser ?? g.chrome).action.getBadgeText({ tabId });
};

/** Whether Counterpoint's side panel (Chromium) / sidebar (Firefox) is open (read from an extension page). */
const panelOpen = async (): Promise<boolean> => {
  const g = globalThis as unknown as {
    browser?: { sidebarAction?: { isOpen(d: object): Promise<boolean> } };
    chrome: { runtime: { getContexts?(f: object): Promise<unknown[]> } };
  };
  if (g.browser?.sidebarAction) return g.browser.sidebarAction.isOpen({});
  return ((await g.chrome.runtime.getContexts?.({ contextTypes: ['SIDE_PANEL'] })) ?? []).length > 0;
};

for (const target of browsers) {
  describe.skipIf(!target.available)(`links that open highlighted, in ${target.name}`, () => {
    let server: Server;
    let session: ExtensionSession;
    let plain: PlainBrowser;
    let ext: E2EPage;
    const storyPath = '/links/story.html';
    let storyUrl = '';
    let unique: Added;
    let repeated: Added;

    beforeAll(async () => {
      server = await startServer(['tests/fixtures/pages'], { [storyPath]: { type: 'text/html; charset=utf-8', body: STORY } });
      storyUrl = server.url(storyPath);
      session = await target.launch({ readableClipboard: true });
      plain = await launchPlain(target.name);
      ext = await session.openExtensionPage('popup.html');
      const text = `Harbour bridge reopens after six weeks of repairs\nLast year engineers ordered ${REPEATED} from a supplier abroad, the transport office said.\n${UNIQUE_P}\n${REPEAT_P}`;
      const add = async (quote: ReturnType<typeof quoteIn>, body: string): Promise<Added> => {
        const r = await ask<{ note: Added }>(ext, { type: 'notes:add', note: { url: storyUrl, sourceUrl: storyUrl, title: 'Harbour bridge reopens', body, target: { quote, position: null }, claimId: null } });
        if (!r.ok) throw new Error(r.error);
        return r.note;
      };
      unique = await add(quoteIn(text, UNIQUE), 'Check the council minutes.');
      repeated = await add(quoteIn(text, REPEATED, text.indexOf(REPEAT_P)), 'Which supplier?');
    }, 180_000);

    afterAll(async () => {
      await plain?.close();
      await session?.close();
      await server?.close();
    });

    /** Opens `url` in the plain browser; the boxes `measure(arg)` gives, with the magenta pixels on each. */
    async function openPlain<A>(url: string, measure: (arg: A) => Record<string, Box>, arg: A, css?: string, shot = 'plain') {
      const s = await plain.open(url, measure, arg, css);
      writeFileSync(artifactPath(`links-${target.name}-${shot}.png`), s.png);
      const rows = await plain.magentaRows(s.png);
      return { ...s, magenta: Object.fromEntries(Object.entries(s.rects).map(([k, b]) => [k, magentaWithin(rows, b)])) };
    }

    /** The same, in a fresh tab of the browser with Counterpoint (the tab stays open). */
    async function openWithExtension<A>(url: string, measure: (arg: A) => Record<string, Box>, arg: A, css: string | undefined, shot: string) {
      const p = await session.openPage(url);
      const scrollY = await settleScroll(() => p.evaluate(() => window.scrollY));
      if (css) await p.evaluate((c) => {
        const style = document.createElement('style');
        style.textContent = c;
        document.head.append(style);
      }, css);
      await sleep(200);
      const path = artifactPath(`links-${target.name}-${shot}.png`);
      await p.screenshot(path);
      const rects = (await p.evaluate(measure as never, arg)) as Record<string, Box>;
      const rows = await plain.magentaRows(readFileSync(path));
      const height = await p.evaluate(() => window.innerHeight);
      return { page: p, scrollY, rects, height, magenta: Object.fromEntries(Object.entries(rects).map(([k, b]) => [k, magentaWithin(rows, b)])) };
    }

    const inView = (b: Box | undefined, height: number): boolean => !!b && b.top >= 0 && b.bottom <= height;

    for (const file of ['en-cnbc-lecun.html', 'ja-geekpark-wu.html']) it(`${file}: a claim card's Copy link opens the page at its passage, highlighted, without Counterpoint; with it, it opens that card`, async () => {
      const page = await session.openPage(server.url(`/${file}`));
      await page.waitForShadow(OVERLAY_HOST, (root) => Number(root?.querySelector('[data-testid="cp-badge"]')?.getAttribute('data-claims') ?? 0) > 0, undefined, 30_000);
      const claims = await page.shadow(OVERLAY_HOST, (root) => Array.from(root?.querySelectorAll('[data-testid="cp-proxy"]') ?? []).map((p) => p.getAttribute('data-claim')!));
      const passages = await page.evaluate(claimPassages);
      expect(passages.length).toBe(claims.length);
      const last = claims.length - 1;
      // The last claim, through the badge's list (real clicks).
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-badge-toggle"]');
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-list-item"]', last);
      await page.waitForShadow(OVERLAY_HOST, (root, id) => root?.querySelector('[data-testid="cp-card"]')?.getAttribute('data-claim') === id, claims[last]);
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-copy-link"]');
      await page.waitForShadow(OVERLAY_HOST, linkStatus);
      expect(await page.shadow(OVERLAY_HOST, linkStatus)).toBe('copied');
      const link = await session.readClipboard(page);
      expect(link.startsWith(`${server.url(`/${file}`)}#:~:text=`), link).toBe(true);
      await page.close();

      // Without Counterpoint: scrolled to the passage, and the browser highlights it.
      const passage = passages[last]!;
      const without = await openPlain(link, passageBox, passage, TARGET_TEXT_CSS, `claim-plain-${file}`);
      expect(without.rects.passage, 'the passage is on the page').toBeDefined();
      expect(without.rects.passage!.top + without.scrollY, 'the passage is below the first screen (the link must scroll)').toBeGreaterThan(700);
      expect(inView(without.rects.passage, 700), `passage in view at scrollY ${without.scrollY}`).toBe(true);
      expect(without.magenta.passage, 'passage highlighted').toBeGreaterThan(50);

      // With Counterpoint: the same, and that claim's card opens.
      const withExt = await openWithExtension(link, passageBox, passage, TARGET_TEXT_CSS, `claim-extension-${file}`);
      await withExt.page.waitForShadow(OVERLAY_HOST, (root, id) => root?.querySelector('[data-testid="cp-card"]')?.getAttribute('data-claim') === id, claims[last], 30_000);
      expect(inView(withExt.rects.passage, withExt.height), 'passage in view').toBe(true);
      expect(withExt.magenta.passage, 'passage highlighted').toBeGreaterThan(50);
      // Opened without a link, the page shows no card.
      const again = await session.openPage(server.url(`/${file}`));
      await again.waitForShadow(OVERLAY_HOST, (root) => !!root?.querySelector('[data-testid="cp-badge"]'), undefined, 30_000);
      await sleep(1000);
      expect(await again.shadow(OVERLAY_HOST, (root) => !!root?.querySelector('[data-testid="cp-card"]'))).toBe(false);
      await again.close();
      await withExt.page.close();
    });

    let uniqueLink = '';
    let repeatedLink = '';

    it("Copy link at a note's highlight: a short link for a unique passage, context for a repeated one; both open highlighted without Counterpoint", async () => {
      const page = await session.openPage(storyUrl);
      await page.waitFor(paintedNotes, undefined, 30_000);
      await page.waitFor(() => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size ?? 0) === 2, undefined, 30_000);
      // Nothing in the page until the reader clicks a highlight.
      expect(await page.evaluate((n) => document.querySelectorAll(n).length, NOTE_MENU)).toBe(0);

      const copyAt = async (text: string): Promise<string> => {
        // The tab in front, as the reader's would be (the clipboard refuses a write from a page without focus).
        await page.bringToFront();
        const at = await page.evaluate(noteHighlightAt, text);
        expect(at, `${text} painted`).not.toBeNull();
        await sleep(200);
        await page.click(at!.x, at!.y);
        await page.waitForShadow(NOTE_MENU, (root) => !!root?.querySelector('[data-testid="cp-note-menu"]'));
        // The menu holds no note text.
        expect(await page.shadow(NOTE_MENU, (root) => root?.textContent ?? '')).not.toMatch(/council minutes|Which supplier/);
        await clickInShadow(page, NOTE_MENU, '[data-testid="cp-note-copy-link"]');
        await page.waitForShadow(NOTE_MENU, linkStatus);
        expect(await page.shadow(NOTE_MENU, linkStatus)).toBe('copied');
        const link = await session.readClipboard(page);
        await page.press('Escape');
        await page.waitFor((n) => document.querySelectorAll(n).length === 0, NOTE_MENU);
        return link;
      };

      uniqueLink = await copyAt(UNIQUE);
      expect(uniqueLink).toBe(`${storyUrl}#:~:text=${encodeURIComponent(UNIQUE)}`);
      // Shorter than the popup's, which cannot see the page and always adds context.
      expect(uniqueLink.length).toBeLessThan(noteLink(unique)!.length);
      repeatedLink = await copyAt(REPEATED);
      expect(repeatedLink).toMatch(/#:~:text=[^&]+-,forty%20steel%20cables/);
      await page.close();

      const u = await openPlain(uniqueLink, boxesById, ['p-unique', 'decoy'], undefined, 'note-unique-plain');
      expect(inView(u.rects['p-unique'], 700), 'the unique passage in view').toBe(true);
      expect(u.magenta['p-unique'], 'highlighted').toBeGreaterThan(50);
      const r = await openPlain(repeatedLink, boxesById, ['p-repeat', 'decoy'], undefined, 'note-repeated-plain');
      expect(inView(r.rects['p-repeat'], 700), 'the noted occurrence in view').toBe(true);
      expect(r.magenta['p-repeat'], 'the noted occurrence highlighted').toBeGreaterThan(50);
      expect(r.magenta.decoy, 'the earlier occurrence not highlighted').toBe(0);
      expect(r.scrollY).toBeGreaterThan(1000);
    });

    it("opening a note's link with Counterpoint: highlighted, the note shown first in the side panel, the toolbar button marked; Show note; the panel's Copy link", async () => {
      expect(uniqueLink, 'the previous test copied the links').not.toBe('');
      const opened = await openWithExtension(uniqueLink, boxesById, ['p-unique'], undefined, 'note-unique-extension');
      const page = opened.page;
      expect(inView(opened.rects['p-unique'], opened.height), 'in view').toBe(true);
      expect(opened.magenta['p-unique'], 'highlighted').toBeGreaterThan(50);
      await page.waitFor(paintedNotes, undefined, 30_000);
      const tabId = await tabIdOf(ext, storyUrl);
      // The background kept the note for this tab (the page was never told which).
      let focus: { noteId: string; via: string } | null = null;
      for (let i = 0; i < 100 && !focus; i++) {
        focus = (await ask<{ focus: { noteId: string; via: string } | null }>(ext, { type: 'notes:focus', tabId })).focus;
        if (!focus) await sleep(100);
      }
      expect(focus).toMatchObject({ noteId: unique.id, via: 'link' });
      expect(await ext.evaluate(badgeText, tabId)).toBe('✎');
      expect(await page.evaluate((n) => document.querySelectorAll(n).length, NOTE_MENU), 'nothing shown in the page').toBe(0);

      const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      await panel.waitFor((id) => document.querySelector(`[data-note-id="${id}"]`)?.getAttribute('data-focused') === 'link', unique.id, 30_000);
      expect(await panel.evaluate(() => document.querySelectorAll('[data-focused]').length)).toBe(1);

      // "Show note" at the other highlight: Chromium opens the side panel; Firefox allows that only
      // from its own UI, so the note waits there (and the panel already open shows it).
      await page.bringToFront();
      const at = await page.evaluate(noteHighlightAt, REPEATED);
      await sleep(200);
      await page.click(at!.x, at!.y);
      await page.waitForShadow(NOTE_MENU, (root) => !!root?.querySelector('[data-testid="cp-note-show"]'));
      await clickInShadow(page, NOTE_MENU, '[data-testid="cp-note-show"]');
      await page.waitForShadow(NOTE_MENU, (root) => root?.querySelector('[data-testid="cp-note-shown"]')?.getAttribute('data-state'));
      const shown = await page.shadow(NOTE_MENU, (root) => root?.querySelector('[data-testid="cp-note-shown"]')?.getAttribute('data-state'));
      if (target.name === 'chromium') {
        expect(shown).toBe('opened');
        expect(await ext.evaluate(panelOpen)).toBe(true);
      } else {
        expect(shown).toBe('elsewhere');
        expect(await ext.evaluate(panelOpen)).toBe(false);
      }
      expect((await ask<{ focus: { noteId: string; via: string } | null }>(ext, { type: 'notes:focus', tabId })).focus).toMatchObject({ noteId: repeated.id, via: 'page' });
      await panel.waitFor((id) => document.querySelector(`[data-note-id="${id}"]`)?.getAttribute('data-focused') === 'page', repeated.id, 30_000);

      // The side panel's Copy link gives the link the page made.
      await panel.bringToFront();
      await clickInPage(panel, `[data-note-id="${repeated.id}"] [data-testid="panel-note-copy-link"]`);
      await panel.waitFor(() => document.querySelector('[data-testid="panel-note-copied"]')?.getAttribute('data-ok') === 'true', undefined, 15_000);
      expect(await session.readClipboard(page)).toBe(repeatedLink);
      await panel.close();
      await page.close();
    });

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });
}
