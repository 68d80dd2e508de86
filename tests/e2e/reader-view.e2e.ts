/**
 * The reader's view (issue #16, phase 2) in the built extension, in real Chromium and Firefox ESR:
 *  - the density setting changes the marks on an open page at once, and the key beside the badge says
 *    what they mean;
 *  - one passage, one card: a headline restating a claim, and the digest's translation, open one card
 *    that shows the page's words and the claim and says how they differ; the card never covers its passage;
 *  - selecting text inside a claim (a drag, a double click) opens no card, and the side panel's note tool
 *    takes the selection, linked to the claim;
 *  - the badge keeps clear of a fixed cookie banner's buttons, and the reader can move it (remembered);
 *  - the side panel lists the page's claims; clicking a highlight shows it there; choosing one there
 *    scrolls the page to it and opens its card; the same for the reader's own highlight;
 *  - the "next claim" key (the extension's command, as the background sends it) moves to the next claim;
 *  - "Hide for this page" takes away everything Counterpoint drew: badge, key, every highlight in the
 *    registry and their styles, the reader's highlights too;
 *  - the story view, from the badge's list: what each source says by topic, and the pages where the
 *    reader met it (the reading history; erased from the settings page).
 * Input is real (CDP / BiDi); the closed shadow root is read through the automation protocol.
 * Screenshots go to test-artifacts/e2e/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTabFromExtensionPage,
  artifactPath,
  browsers,
  clickInPage,
  clickInShadow,
  OVERLAY_HOST,
  pollUntil,
  sendFromExtensionPage,
  startServer,
  tabIdOf,
  type E2EPage,
  type ExtensionSession,
} from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;
const PAGES_DIR = 'tests/fixtures/pages';
const read = (f: string): string => readFileSync(`${PAGES_DIR}/${f}`, 'utf8');

/** The CNBC fixture with a cookie banner fixed to the bottom of the viewport, its buttons on the right. */
function bannerPage(): string {
  const banner = `<div id="cookie" style="position:fixed;left:0;right:0;bottom:0;z-index:1000;background:#223;color:#fff;padding:14px 20px;display:flex;justify-content:space-between;align-items:center;font:15px sans-serif">
<span>We use cookies to measure our audience.</span><span><button id="reject" style="padding:8px 14px">Reject</button> <button id="accept" style="padding:8px 14px">Accept all</button></span></div>`;
  return read('en-cnbc-lecun.html').replace(/<\/body>/i, `${banner}</body>`);
}

// ---- in-page helpers (serialised: self-contained) ----------------------------------------------

/** Claim highlights in the registry: name → ranges' text (strong and subtle marks, not active/notes). */
const claimMarks = (): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
    if (!name.startsWith('counterpoint-') || name === 'counterpoint-active' || name === 'counterpoint-note') continue;
    out[name] = h.size;
  }
  return out;
};

/** Every entry Counterpoint has in the page: highlight names, style elements, hosts, marks. */
const drawn = (): { highlights: string[]; styles: number; hosts: number } => ({
  highlights: [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.keys()].filter((n) => n.startsWith('counterpoint')),
  styles: document.querySelectorAll('style[data-counterpoint]').length,
  hosts: document.querySelectorAll('counterpoint-badge, counterpoint-mark').length,
});

/** Where a passage of the page is: its first line's centre, scrolled to the upper part of the viewport. */
const locate = (needle: string): { x: number; y: number; w: number; rects: { left: number; top: number; right: number; bottom: number }[] } | null => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n.nodeValue ?? '').indexOf(needle);
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + needle.length);
    (n.parentElement as Element).scrollIntoView({ block: 'start' });
    window.scrollBy(0, r.getBoundingClientRect().top - window.innerHeight * 0.3);
    const rects = Array.from(r.getClientRects()).map((x) => ({ left: x.left, top: x.top, right: x.right, bottom: x.bottom }));
    const first = rects[0]!;
    return { x: first.left + Math.min(30, (first.right - first.left) / 3), y: (first.top + first.bottom) / 2, w: first.right - first.left, rects };
  }
  return null;
};

const overlayReady = (root: ShadowRoot | null): boolean => Number(root?.querySelector('[data-testid="cp-badge"]')?.getAttribute('data-claims') ?? 0) > 0;
const cardShown = (root: ShadowRoot | null): boolean => !!root?.querySelector('[data-testid="cp-card"]');
const cardInfo = (root: ShadowRoot | null) => {
  const card = root?.querySelector('[data-testid="cp-card"]');
  if (!card) return null;
  const r = card.getBoundingClientRect();
  return {
    claim: card.getAttribute('data-claim'),
    claims: Number(card.getAttribute('data-claims')),
    match: card.querySelector('[data-testid="cp-card-passage"]')?.getAttribute('data-match') ?? 'same',
    passage: card.querySelector('[data-testid="cp-card-passage-text"]')?.textContent ?? null,
    why: card.querySelector('[data-testid="cp-card-passage-why"]')?.textContent ?? null,
    text: card.querySelector('[data-testid="cp-card-text"]')?.textContent ?? '',
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
  };
};
const dockInfo = (root: ShadowRoot | null) => {
  const dock = root?.querySelector('[data-testid="cp-dock"]');
  if (!dock) return null;
  const r = dock.getBoundingClientRect();
  return {
    corner: dock.getAttribute('data-corner'),
    chosen: dock.getAttribute('data-chosen'),
    legend: dock.querySelector('[data-testid="cp-legend"]')?.getAttribute('data-density') ?? null,
    legendItems: Array.from(dock.querySelectorAll('[data-testid="cp-legend"] li')).map((li) => li.getAttribute('data-kind') + ':' + (li.getAttribute('data-status') ?? '')),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
  };
};
const focusedClaim = (root: ShadowRoot | null): string | null => {
  if (document.activeElement?.localName !== 'counterpoint-badge') return null;
  const el = root?.activeElement;
  return el?.getAttribute('data-testid') === 'cp-proxy' ? el.getAttribute('data-claim') : null;
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const intersects = (a: { left: number; top: number; right: number; bottom: number }, b: { left: number; top: number; right: number; bottom: number }): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

interface StorageLike {
  storage: { local: { get(k: string | string[]): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } };
}
const writeStored = async (items: Record<string, unknown>): Promise<void> => {
  const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
  await (g.browser ?? g.chrome).storage.local.set(items);
};
const readStored = async (key: string): Promise<unknown> => {
  const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
  return (await (g.browser ?? g.chrome).storage.local.get(key))[key];
};
const toTab = askTabFromExtensionPage;

for (const target of browsers) {
  describe.skipIf(!target.available)(`the reader's view in ${target.name}`, () => {
    let server: Server;
    let session: ExtensionSession;
    let helper: E2EPage;

    beforeAll(async () => {
      server = await startServer([PAGES_DIR], { '/banner.html': { body: bannerPage(), type: 'text/html; charset=utf-8' } });
      session = await target.launch({ colorScheme: 'light', locale: 'en-US' });
      helper = await session.openExtensionPage('popup.html');
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('density: the setting changes the marks on an open page at once; the key beside the badge follows', async () => {
      const page = await session.openPage(server.url('/ja-geekpark-wu.html'));
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      const claims = await page.shadow(OVERLAY_HOST, (root) => Number(root!.querySelector('[data-testid="cp-badge"]')!.getAttribute('data-claims')));
      // Default ("quotes, contested claims and other views"): strong marks for some, subtle for the outlet's own.
      const key = await page.evaluate(claimMarks);
      const count = (m: Record<string, number>, subtle: boolean) => Object.entries(m).filter(([n]) => n.endsWith('-subtle') === subtle).reduce((s, [, v]) => s + v, 0);
      expect(count(key, false)).toBeGreaterThan(0);
      expect(count(key, true)).toBeGreaterThan(0);
      expect(count(key, false) + count(key, true)).toBe(claims);
      expect(key['counterpoint-other-view']).toBe(2); // both claims with another view are strong
      const dock = (await page.shadow(OVERLAY_HOST, dockInfo))!;
      expect(dock.legend).toBe('key');
      expect(dock.legendItems).toContain('subtle:neutral');
      expect(dock.legendItems).toContain('note:');
      await page.screenshot(artifactPath(`${target.name}-density-key.png`));

      // "Contested claims only": nothing on these pages is contested, so nothing is painted; the claims stay listed.
      await helper.evaluate(writeStored, { highlightDensity: 'contested' });
      await page.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-legend"]')?.getAttribute('data-density') === 'contested');
      await page.waitFor(() => {
        let n = 0;
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) if (name.startsWith('counterpoint-') && name !== 'counterpoint-note') n += h.size;
        return n === 0;
      });
      expect(await page.shadow(OVERLAY_HOST, (root) => Number(root!.querySelector('[data-testid="cp-badge"]')!.getAttribute('data-claims')))).toBe(claims);
      await page.screenshot(artifactPath(`${target.name}-density-contested.png`));

      // "All claims": every claim strong.
      await helper.evaluate(writeStored, { highlightDensity: 'all' });
      await page.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-legend"]')?.getAttribute('data-density') === 'all');
      await pollUntil(async () => {
        const all = await page.evaluate(claimMarks);
        return count(all, true) === 0 && count(all, false) === claims;
      }, 15_000, 'every claim strongly marked');
      await helper.evaluate(writeStored, { highlightDensity: 'key' });
      await page.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-legend"]')?.getAttribute('data-density') === 'key');
      await page.close();
    });

    it('one passage, one card: the headline and the digest’s translation say how they differ from the claim; the card leaves its passage uncovered', async () => {
      const page = await session.openPage(server.url('/ja-digest-lecun.html'));
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      const headline = 'AI の父がムスクの xAI を「失敗」と断じ、業界にバブル崩壊の警告を発する';
      const at = (await page.evaluate(locate, headline))!;
      await page.click(at.x, at.y);
      await page.waitForShadow(OVERLAY_HOST, cardShown);
      const card = (await page.shadow(OVERLAY_HOST, cardInfo))!;
      expect(card.claim).toBe('s003d-headline');
      expect(card.claims).toBe(1);
      expect(await page.shadow(OVERLAY_HOST, (root) => root?.querySelectorAll('[data-testid="cp-card"]').length)).toBe(1);
      expect(card.match).toBe('headline');
      expect(card.passage).toBe(headline);
      expect(card.why).toMatch(/headline/);
      expect(card.text).not.toBe(headline); // the claim it matched, in the reader's language
      // The card is beside its passage, not over it.
      const passage = (await page.evaluate(locate, headline))!;
      await sleep(200);
      const placed = (await page.shadow(OVERLAY_HOST, cardInfo))!;
      for (const r of passage.rects) expect(intersects(placed.rect, r), 'the card covers the headline').toBe(false);
      await page.screenshot(artifactPath(`${target.name}-card-headline.png`));
      await page.press('Escape');

      // CNBC's words in the digest's translation: the card shows Counterpoint's translation and says so.
      const translated = '「正直なところ、xAIは創設チームが離脱したため、一種の失敗だ」とLeCunは述べた';
      const t = (await page.evaluate(locate, translated))!;
      await page.click(t.x, t.y);
      await page.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-card"]')?.getAttribute('data-claim') === 's003-lecun-failure');
      const tc = (await page.shadow(OVERLAY_HOST, cardInfo))!;
      expect(tc.match).toBe('translation');
      expect(tc.why).toContain('AI日報');
      await page.screenshot(artifactPath(`${target.name}-card-translation.png`));
      await page.close();
    });

    it('a selection inside a claim opens the note tool, never the card (drag and double click)', async () => {
      const url = server.url('/en-cnbc-lecun.html');
      const page = await session.openPage(url);
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      const words = 'kind of a failure, frankly';
      const at = (await page.evaluate(locate, words))!;
      // A drag across the claim's words, slowly enough for a hover to have opened a card.
      await page.move(at.x, at.y);
      await sleep(100);
      await page.drag({ x: at.x, y: at.y }, { x: at.x + Math.min(160, at.w - 40), y: at.y });
      await sleep(900);
      expect(await page.evaluate(() => document.getSelection()?.toString().length ?? 0)).toBeGreaterThan(3);
      expect(await page.shadow(OVERLAY_HOST, cardShown), 'a card opened on a selection').toBe(false);
      // The note tool takes it, linked to the claim (the side panel's "Note the selected text").
      const tabId = await tabIdOf(helper, url);
      const capture = (await helper.evaluate(sendFromExtensionPage, { type: 'notes:capture', tabId })) as { ok: boolean; draft?: { claimId: string | null; target: { quote: { exact: string } } } };
      expect(capture.ok).toBe(true);
      expect(capture.draft!.claimId).toBe('s003-lecun-failure');
      // A double click selects a word: no card either.
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
      await page.dblclick(at.x + 4, at.y);
      await sleep(900);
      expect(await page.evaluate(() => document.getSelection()?.toString().trim().length ?? 0)).toBeGreaterThan(0);
      expect(await page.shadow(OVERLAY_HOST, cardShown), 'a card opened on a double click').toBe(false);
      // A plain click still opens it.
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
      await page.click(at.x, at.y);
      await page.waitForShadow(OVERLAY_HOST, cardShown);
      await page.close();
    });

    it('the badge keeps clear of a fixed cookie banner’s buttons, and the reader can move it (remembered for the site)', async () => {
      const page = await session.openPage(server.url('/banner.html'));
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      await pollUntil(async () => (await page.shadow(OVERLAY_HOST, dockInfo))?.corner?.startsWith('top') ?? false, 15_000, 'the badge leaving the bottom corner');
      const dock = (await page.shadow(OVERLAY_HOST, dockInfo))!;
      const buttons = await page.evaluate(() => ['#reject', '#accept', '#cookie'].map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }));
      for (const b of buttons) expect(intersects(dock.rect, b)).toBe(false);
      // The banner's button is still the page's: a real click at its centre reaches it.
      await page.evaluate(() => document.querySelector('#accept')!.addEventListener('click', () => ((window as unknown as { __accepted: boolean }).__accepted = true)));
      await page.click((buttons[1]!.left + buttons[1]!.right) / 2, (buttons[1]!.top + buttons[1]!.bottom) / 2);
      expect(await page.evaluate(() => (window as unknown as { __accepted?: boolean }).__accepted)).toBe(true);
      await page.screenshot(artifactPath(`${target.name}-badge-banner.png`));

      // Moved by the reader: the grip goes round the corners; the choice is kept for the site.
      const before = dock.corner;
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-dock-grip"]');
      await page.waitForShadow(OVERLAY_HOST, (root, c) => root?.querySelector('[data-testid="cp-dock"]')?.getAttribute('data-corner') !== c, before);
      const moved = (await page.shadow(OVERLAY_HOST, dockInfo))!;
      expect(moved.chosen).toBe(moved.corner);
      await pollUntil(async () => ((await helper.evaluate(readStored, 'badgeCorners')) as Record<string, string> | undefined)?.[server.origin] === moved.corner, 10_000, 'the corner stored for the site');
      // …and a drag to the opposite corner.
      const r = moved.rect;
      const grip = await page.shadow(OVERLAY_HOST, (root) => {
        const g = root!.querySelector('[data-testid="cp-dock-grip"]')!.getBoundingClientRect();
        return { x: g.left + g.width / 2, y: g.top + g.height / 2 };
      });
      const goal = { x: r.left < 500 ? 900 : 100, y: r.top < 400 ? 700 : 100 };
      await page.drag(grip, goal);
      const expected = `${goal.y < 400 ? 'top' : 'bottom'}-${goal.x < 550 ? 'left' : 'right'}`;
      await page.waitForShadow(OVERLAY_HOST, (root, c) => root?.querySelector('[data-testid="cp-dock"]')?.getAttribute('data-corner') === c, expected);
      // Remembered: a new page of the site opens with the badge there.
      const again = await session.openPage(server.url('/en-cnbc-lecun.html'));
      await again.waitForShadow(OVERLAY_HOST, (root, c) => root?.querySelector('[data-testid="cp-dock"]')?.getAttribute('data-corner') === c, expected);
      await helper.evaluate(writeStored, { badgeCorners: {} });
      await again.close();
      await page.close();
    });

    it('side panel: lists the page’s claims; a clicked highlight (claim or note) shows there; choosing one there scrolls the page to it', async () => {
      const url = server.url('/en-cnbc-lecun.html');
      // One of the reader's notes on the page (its text stays in the extension).
      const added = (await helper.evaluate(sendFromExtensionPage, {
        type: 'notes:add',
        note: { url, sourceUrl: url, title: 'CNBC', body: 'Ask who else said so.', target: { quote: { exact: 'godfather of AI', prefix: '', suffix: '' }, position: null }, claimId: null },
      })) as { ok: boolean; note: { id: string } };
      expect(added.ok).toBe(true);
      const page = await session.openPage(url);
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      await page.waitFor(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-note')?.size ?? 0) > 0);
      const tabId = await tabIdOf(helper, url);
      const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      try {
      await panel.waitFor(() => document.querySelectorAll('[data-testid="panel-claim"]').length > 0, undefined, 30_000);
      const listed = await panel.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="panel-claim"]')).map((b) => b.dataset.claim));
      const onPage = await page.shadow(OVERLAY_HOST, (root) => Array.from(root!.querySelectorAll('[data-testid="cp-proxy"]')).flatMap((p) => (p.getAttribute('data-claims') ?? '').split(' ')));
      expect(listed).toEqual(onPage); // reading order
      expect(await panel.evaluate(() => document.body.textContent)).not.toContain('undefined');

      // A click on a claim's highlight on the page shows it in the panel.
      const at = (await page.evaluate(locate, 'kind of a failure, frankly'))!;
      await page.click(at.x, at.y);
      await page.waitForShadow(OVERLAY_HOST, cardShown);
      await panel.waitFor(() => document.querySelector('[data-testid="panel-claim"][aria-current="true"]')?.getAttribute('data-claim') === 's003-lecun-failure');
      await page.press('Escape');
      // A click on the reader's own highlight shows the note there.
      const n = (await page.evaluate(locate, 'godfather of AI'))!;
      await page.click(n.x, n.y);
      await panel.waitFor((id) => document.querySelector('[data-testid="panel-note"][aria-current="true"]')?.getAttribute('data-note-id') === id, added.note.id);
      await page.press('Escape');

      // Choosing a claim in the panel scrolls the page to it and opens its card.
      const last = listed[listed.length - 1]!;
      await page.evaluate(() => window.scrollTo(0, 0));
      await clickInPage(panel, `[data-testid="panel-claim"][data-claim="${last}"]`);
      await page.waitForShadow(OVERLAY_HOST, (root, id) => root?.querySelector('[data-testid="cp-card"]')?.getAttribute('data-claim') === id, last);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await panel.screenshot(artifactPath(`${target.name}-sidepanel-claims.png`));
      // Choosing the note's quote scrolls the page back to it.
      await page.press('Escape');
      await clickInPage(panel, '[data-testid="panel-note-show"]');
      await page.waitFor(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-note');
        const r = h ? [...h][0]!.getBoundingClientRect() : null;
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
      });
      // No note text in the page's DOM.
      expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Ask who else'))).toBe(false);
      } finally {
        // The next tests find their tab by address: this one must not stay behind.
        await panel.close();
        await page.close();
      }
    });

    it('the next-claim key moves the keyboard focus from claim to claim (the command, as the background sends it)', async () => {
      const url = server.url('/ja-geekpark-wu.html');
      const page = await session.openPage(url);
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      const order = await page.shadow(OVERLAY_HOST, (root) => Array.from(root!.querySelectorAll('[data-testid="cp-proxy"]')).map((p) => p.getAttribute('data-claim')));
      const tabId = await tabIdOf(helper, url);
      await page.bringToFront();
      const step = async (direction: 1 | -1): Promise<string | null> => {
        expect(await helper.evaluate(toTab, { tabId, message: { type: 'overlay:step', direction } })).toMatchObject({ ok: true, moved: true });
        await sleep(150);
        return page.shadow(OVERLAY_HOST, focusedClaim);
      };
      expect(await step(1)).toBe(order[0]);
      expect(await step(1)).toBe(order[1]);
      expect(await step(-1)).toBe(order[0]);
      expect(await step(-1)).toBe(order[order.length - 1]); // wraps around
      // The focused claim is on screen with one ring around it.
      expect(await page.shadow(OVERLAY_HOST, (root) => root?.querySelectorAll('[data-testid="cp-ring"]').length)).toBe(1);
      await page.screenshot(artifactPath(`${target.name}-next-claim-ring.png`));
      await page.close();
    });

    it('“Hide for this page” takes away everything Counterpoint drew, the reader’s highlights too; the side panel brings it back', async () => {
      const url = server.url('/en-cnbc-lecun.html');
      const page = await session.openPage(url);
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      await page.waitFor(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-note')?.size ?? 0) > 0);
      const before = await page.evaluate(drawn);
      expect(before.highlights.length).toBeGreaterThan(2);
      expect(before.styles).toBeGreaterThanOrEqual(2); // claims and notes
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-badge-dismiss"]');
      await page.waitFor(() => !document.querySelector('counterpoint-badge'));
      await sleep(500);
      expect(await page.evaluate(drawn)).toEqual({ highlights: [], styles: 0, hosts: 0 });
      // Page script cannot bring it back (nothing reacts to untrusted events); mutations do not either.
      await page.evaluate(() => document.body.appendChild(document.createElement('p')).append('More text.'));
      await sleep(1500);
      expect(await page.evaluate(drawn)).toEqual({ highlights: [], styles: 0, hosts: 0 });
      // The side panel says so and brings it back on request.
      const tabId = await tabIdOf(helper, url);
      const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      await panel.waitFor(() => document.querySelector('[data-testid="panel-hidden"]'), undefined, 30_000);
      await clickInPage(panel, '[data-testid="panel-show"]');
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      await page.waitFor(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-note')?.size ?? 0) > 0);
      await panel.close();
      // A reload shows everything again too.
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-badge-dismiss"]');
      await page.waitFor(() => !document.querySelector('counterpoint-badge'));
      await page.goto(url);
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      await page.close();
    });

    it('story view from the badge: what each source says by topic, and the pages where the reader met it; the history is erased from the settings', async () => {
      const url = server.url('/ja-geekpark-wu.html');
      const page = await session.openPage(url);
      await page.waitForShadow(OVERLAY_HOST, overlayReady);
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-badge-toggle"]');
      await page.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-open-story"]'));
      await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-open-story"]');
      let storyUrl: string | undefined;
      await pollUntil(async () => !!(storyUrl = (await session.tabUrls()).find((u) => /\/story\.html/.test(u))), 15_000, 'the story view tab');
      expect(storyUrl).toMatch(/^(chrome|moz)-extension:\/\//);
      const story = await session.openExtensionPage('story.html?claim=s000-wu-leaves');
      await story.waitFor(() => document.querySelectorAll('[data-testid="story-topic"]').length > 0, undefined, 30_000);
      const view = await story.evaluate(() => ({
        story: document.querySelector('[data-testid="story"]')!.getAttribute('data-story'),
        topics: document.querySelectorAll('[data-testid="story-topic"]').length,
        columns: Array.from(document.querySelectorAll('[data-testid="story-topic"]')).map((t) => t.querySelectorAll(':scope > .st-cols > [data-testid="story-column"]').length),
        focused: document.querySelector('[data-testid="story-claim"][aria-current="true"]')?.getAttribute('data-claim'),
        met: Array.from(document.querySelectorAll('[data-testid="story-met-page"] a')).map((a) => (a as HTMLAnchorElement).href),
        links: document.querySelectorAll('[data-testid="story-link"]').length,
        headline: document.querySelector('[data-testid="story-headline"]')?.textContent,
      }));
      expect(view.story).toBe('story-wu-leaves-xai');
      expect(view.topics).toBeGreaterThan(3);
      expect(Math.max(...view.columns)).toBeGreaterThan(1); // side by side
      expect(view.focused).toBe('s000-wu-leaves');
      expect(view.met).toContain(url);
      expect(view.links).toBeGreaterThan(3);
      expect(view.headline).toContain('GeekPark');
      await story.screenshot(artifactPath(`${target.name}-story-view.png`));
      // The other story, in Japanese text.
      await clickInPage(story, '[data-testid="story-tab"][data-story="story-lecun-xai-failure"]');
      await story.waitFor(() => document.querySelector('[data-testid="story"]')?.getAttribute('data-story') === 'story-lecun-xai-failure');
      await clickInPage(story, '[data-testid="story-lang"]');
      await story.waitFor(() => document.querySelector('.st-claim__text')?.getAttribute('lang') === 'ja');
      await story.evaluate(() => window.scrollTo(0, 0));
      await story.screenshot(artifactPath(`${target.name}-story-view-s003-ja.png`));

      // Erased from the settings page: the story view no longer lists the page.
      const settings = await session.openExtensionPage('options.html');
      await settings.waitFor(() => Number(document.querySelector('[data-testid="history-count"]')?.getAttribute('data-count') ?? 0) > 0, undefined, 30_000);
      await clickInPage(settings, '[data-testid="history-clear"]');
      await settings.waitFor(() => document.querySelector('[data-testid="history-count"]')?.getAttribute('data-count') === '0');
      const list = (await settings.evaluate(sendFromExtensionPage, { type: 'history:list' })) as { ok: boolean; visits: unknown[] };
      expect(list.visits).toEqual([]);
      // Off: a page read now is not remembered.
      await clickInPage(settings, '[data-testid="history-on"]');
      await settings.waitFor(async () => {
        const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
        return (await (g.browser ?? g.chrome).storage.local.get('readingHistory')).readingHistory === false;
      });
      const other = await session.openPage(server.url('/en-cnbc-lecun.html'));
      await other.waitForShadow(OVERLAY_HOST, overlayReady);
      await sleep(800);
      expect(((await settings.evaluate(sendFromExtensionPage, { type: 'history:list' })) as { visits: unknown[] }).visits).toEqual([]);
      await clickInPage(settings, '[data-testid="history-on"]');
      await other.close();
      await settings.close();
      await story.close();
      await page.close();
    });

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });
}
