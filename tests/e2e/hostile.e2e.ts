/**
 * Hostile pages (issue #13) in real Chromium and Firefox, against the built extension.
 *
 * Two origins on 127.0.0.1 (two servers, two ports): the victim site, where the reader has a note,
 * and the attacker's site. Every attack page carries a spy that page script would: window messages,
 * keys, DOM mutations, User Timing and resource entries, CSS highlights, open shadow roots. Each test
 * judges two things: what page script read (returned by the page itself), and whether the notes
 * database changed (read from an extension page). The reader's own actions are real input (CDP /
 * WebDriver BiDi: trusted); the attacker's are page script (untrusted).
 *
 * `HOSTILE_BUILD=<dir>` runs the suite against another build (`<dir>/chrome-mv3`, `<dir>/firefox-mv3`),
 * e.g. one of the code before #13, to show the attacks succeed there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTabFromExtensionPage,
  browsers,
  clickInPage,
  pollUntil,
  clickInShadow,
  OVERLAY_HOST,
  selectText,
  sendFromExtensionPage,
  startServer,
  tabIdOf,
  type E2EPage,
  type ExtensionSession,
} from './harness';
import { GECKO_ID } from './harness/firefox';

type Server = Awaited<ReturnType<typeof startServer>>;

const TITLE = 'Harbour bridge reopens after six weeks of repairs';
const QUOTE = 'harbour bridge will reopen to traffic on Monday';
const SECRET = 'my PIN is 4921';
const ARTICLE_BODY = `<main><article>
<h1>${TITLE}</h1>
<p id="p1">The city council said the ${QUOTE} after six weeks of repairs.</p>
<p id="p2">Engineers replaced forty steel cables and repainted the main span, according to the transport office.</p>
<p id="p3">Cyclists will have a separate lane for the first time, the council added in a statement on Friday.</p>
</article></main>`;

/**
 * What page script can see, recorded from before anything else runs. `window.__seen()` returns it.
 * `ids` are the extension's public identifiers (a store extension's id is public; Firefox's gecko id
 * is in the manifest), so the spy also listens for WXT's content-script events by name.
 */
function spy(ids: string[]): string {
  return `<script>(function(){
  var seen = { messages: [], keys: [], clipboard: [], mutations: [], events: [], csp: [], errors: [], chrome: typeof chrome === 'object' && !!(chrome && chrome.runtime && chrome.runtime.sendMessage) };
  // The page's own globals now (the spy's are added below), to see whether anything adds one.
  var names0 = Object.getOwnPropertyNames(window).concat(['__own', '__seen']);
  document.addEventListener('securitypolicyviolation', function (e) { seen.csp.push(e.violatedDirective + ' ' + e.blockedURI); }, true);
  addEventListener('error', function (e) { seen.errors.push(String(e.message || (e.target && e.target.localName) || e.type).slice(0, 200)); }, true);
  addEventListener('unhandledrejection', function (e) { seen.errors.push('rejection: ' + String(e.reason).slice(0, 200)); }, true);
  var own = false; window.__own = function (f) { own = true; try { return f(); } finally { own = false; } };
  addEventListener('message', function (e) { seen.messages.push(String(JSON.stringify(e.data)).slice(0, 200)); }, true);
  ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'compositionstart', 'compositionend', 'paste'].forEach(function (t) {
    addEventListener(t, function (e) { if (e.isTrusted) seen.keys.push(t + ':' + (e.key || e.data || '')); }, true);
  });
  ['copy', 'cut', 'beforecopy', 'beforecut'].forEach(function (t) {
    addEventListener(t, function (e) { seen.clipboard.push(t + ':' + (e.clipboardData ? e.clipboardData.types.join(',') : '')); }, true);
  });
  ${JSON.stringify(ids)}.forEach(function (id) {
    ['content-script-started', 'locationchange'].forEach(function (n) {
      var name = id + ':content:wxt:' + n;
      document.addEventListener(name, function () { seen.events.push(name); }, true);
      addEventListener(name, function () { seen.events.push(name); }, true);
    });
  });
  // Counting starts once the parser is done (the content script runs later still); the parser's
  // own records still queued then are dropped.
  var recording = false;
  var observer = new MutationObserver(function (rs) {
    if (own || !recording) return;
    rs.forEach(function (r) {
      var d = function (n) { return n.nodeType === 1 ? n.localName : '#' + n.nodeType; };
      seen.mutations.push(r.type + ' ' + d(r.target) + ' +' + Array.prototype.map.call(r.addedNodes, d).join(',') + ' -' + Array.prototype.map.call(r.removedNodes, d).join(','));
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', function () { observer.takeRecords(); recording = true; });
  window.__seen = function () {
    var reg = window.CSS && CSS.highlights;
    var highlights = {};
    if (reg) reg.forEach(function (h, name) { highlights[name] = Array.from(h).map(function (r) { return r.toString(); }); });
    var roots = [];
    var html = document.documentElement.outerHTML;
    document.querySelectorAll('*').forEach(function (el) { if (el.shadowRoot) { roots.push(el.localName + ':' + el.shadowRoot.innerHTML.length); html += el.shadowRoot.innerHTML; } });
    var perf = performance.getEntries().filter(function (p) { return p.entryType !== 'navigation' && p.entryType !== 'paint' && p.entryType !== 'first-input' && p.entryType !== 'largest-contentful-paint' && p.entryType !== 'visibility-state'; }).map(function (p) { return p.entryType + ' ' + p.name; });
    var now = Object.getOwnPropertyNames(window);
    return { messages: seen.messages, keys: seen.keys, clipboard: seen.clipboard, mutations: seen.mutations, events: seen.events, chrome: seen.chrome, highlights: highlights, roots: roots,
      csp: seen.csp, errors: seen.errors, newGlobals: now.filter(function (n) { return names0.indexOf(n) < 0; }),
      extensionUrls: (html.match(/(chrome|moz)-extension:\\/\\/[^"' )]*/g) || []), perf: perf, counterpointElements: document.querySelectorAll('[data-counterpoint], counterpoint-badge, counterpoint-notes, counterpoint-mark').length };
  };
})();</script>`;
}

/** Names Musk, SpaceX, xAI and LeCun (the page gate opens) but carries no claim of the dataset. */
const NAMED_BODY = `<main><article>
<h1>Rocket launch delayed by high winds</h1>
<p>Elon Musk said on Tuesday that the next SpaceX launch from Florida would be delayed by two days because of high winds over the Atlantic.</p>
<p>The company, which merged with xAI earlier this year, gave no new time for the launch. Yann LeCun, who has no part in it, was in Paris for a robotics conference.</p>
<p>More than two thousand people had gathered at the viewing site when the delay was announced, and local hotels said most of them would stay for the new date.</p>
</article></main>`;

const page = (ids: string[], { title = TITLE, head = '', body = ARTICLE_BODY } = {}): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${spy(ids)}<title>${title}</title>${head}</head><body>${body}</body></html>`;

interface Seen {
  messages: string[];
  keys: string[];
  clipboard: string[];
  mutations: string[];
  events: string[];
  chrome: boolean;
  highlights: Record<string, string[]>;
  roots: string[];
  extensionUrls: string[];
  perf: string[];
  counterpointElements: number;
  /** `securitypolicyviolation` events, error and unhandled-rejection events the page heard. */
  csp: string[];
  errors: string[];
  /** Properties of `window` that were not there when the spy ran. */
  newGlobals: string[];
}

const readSeen = (p: E2EPage): Promise<Seen> => p.evaluate(() => (window as unknown as { __seen(): Seen }).__seen());
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));


interface StoredNote {
  id: string;
  url: string;
  body: string;
  anchorState: string;
  updatedAt: number;
}

/** Every stored note, read from an extension page (the judge of "did the database change?"). */
async function notesIn(ext: E2EPage): Promise<StoredNote[]> {
  const r = (await ext.evaluate(sendFromExtensionPage, { type: 'notes:list', search: '', filter: 'all', offset: 0, limit: 500 })) as { ok: boolean; notes: StoredNote[]; error?: string };
  if (!r.ok) throw new Error(`notes:list failed: ${r.error}`);
  return r.notes.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const HOSTILE_BUILD = process.env.HOSTILE_BUILD;

for (const target of browsers) {
  const extensionDir = HOSTILE_BUILD ? join(HOSTILE_BUILD, target.name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3') : undefined;
  describe.skipIf(!target.available || (extensionDir !== undefined && !existsSync(extensionDir)))(`hostile pages in ${target.name}`, () => {
    let victim: Server;
    let evil: Server;
    let session: ExtensionSession;
    let ext: E2EPage;
    let ids: string[] = [];
    let victimNoteId = '';
    const pages: Record<string, string> = {};
    // A dataset article (the overlay shows), on the attacker's site.
    const cnbc = (): string => readFileSync('tests/fixtures/pages/en-cnbc-lecun.html', 'utf8').replace(/<head>/i, `<head>${spy(ids)}`);

    beforeAll(async () => {
      const inline: Record<string, { type: string; body: string }> = {};
      const serve = (path: string) => ({ type: 'text/html; charset=utf-8', get body() { return pages[path] ?? 'missing'; } });
      for (const p of ['/story.html', '/plain.html', '/copy-canonical.html', '/copy-title.html', '/canonical-no-quote.html', '/probe.html', '/plant.html', '/own.html', '/article.html', '/open-extension.html', '/compromised.html', '/named.html', '/tricks.html']) {
        inline[p] = serve(p) as never;
      }
      victim = await startServer([], inline);
      evil = await startServer([], inline);
      session = await target.launch(extensionDir ? { extensionDir } : {});
      // WXT named its events after \`runtime.id\`: the extension id in Chromium, the gecko id in Firefox.
      ids = [target.name === 'firefox' ? GECKO_ID : session.extensionOrigin.replace('chrome-extension://', '')];
      const victimUrl = victim.url('/story.html');
      pages['/story.html'] = page(ids);
      pages['/plain.html'] = page(ids, { title: 'Weather', body: '<h1>Weather</h1><p>Sunny with a light breeze all afternoon, and a clear, cool evening.</p>' });
      pages['/copy-canonical.html'] = page(ids, { head: `<link rel="canonical" href="${victimUrl}">` });
      pages['/copy-title.html'] = page(ids);
      pages['/canonical-no-quote.html'] = page(ids, { head: `<link rel="canonical" href="${victimUrl}">`, body: '<article><h1>Other news</h1><p>Nothing of the victim article is on this page at all, only other words.</p></article>' });
      pages['/probe.html'] = page(ids, { title: 'Probe', head: '<link rel="canonical" href="/start">' });
      pages['/plant.html'] = page(ids);
      pages['/own.html'] = page(ids, { title: 'The attacker site own article' });
      pages['/article.html'] = cnbc();
      pages['/open-extension.html'] = page(ids, { title: 'Opener' });
      pages['/compromised.html'] = page(ids, { title: 'Compromised' });
      // An article naming the dataset's people (it passes the gate, so the second stage is injected)
      // with no claim of theirs, under a strict Content-Security-Policy the page listens to.
      pages['/named.html'] = page(ids, {
        title: 'Rocket launch delayed by high winds',
        head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"><meta property="og:type" content="article">`,
        body: NAMED_BODY,
      });
      pages['/tricks.html'] = page(ids, { title: 'Tide tables for the week', body: '<h1>Tide tables</h1><p>High water 06:12 and 18:40; low water 12:25. Small boats should stay in harbour on Thursday.</p>' });

      ext = await session.openExtensionPage('popup.html');
      // The reader's note on the victim site, with a secret in it; the victim page re-anchors it once.
      const added = (await ext.evaluate(sendFromExtensionPage, {
        type: 'notes:add',
        note: {
          url: victimUrl,
          sourceUrl: victimUrl,
          title: TITLE,
          body: SECRET,
          target: { quote: { exact: QUOTE, prefix: 'The city council said the ', suffix: ' after six weeks of repairs.' }, position: null },
          claimId: null,
        },
      })) as { ok: boolean; note: { id: string } };
      expect(added.ok).toBe(true);
      victimNoteId = added.note.id;
      const v = await session.openPage(victimUrl);
      await v.waitFor(() => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size ?? 0) > 0, undefined, 30_000);
      await v.close();
      await pollAnchored();
    }, 180_000);

    async function pollAnchored(): Promise<void> {
      for (let i = 0; i < 100; i++) {
        const n = (await notesIn(ext)).find((x) => x.id === victimNoteId);
        if (n?.anchorState === 'anchored') return;
        await sleep(100);
      }
      throw new Error('the victim note never anchored on its own page');
    }

    afterAll(async () => {
      await session?.close();
      await victim?.close();
      await evil?.close();
    });

    it('shows nothing page script can observe on a page where Counterpoint shows nothing, even when the reader selects text', async () => {
      const p = await session.openPage(evil.url('/plain.html'));
      await sleep(1500);
      // The reader selects text with real input: a double-click on a word.
      const at = await p.evaluate(() => {
        const r = document.querySelector('p')!.getBoundingClientRect();
        return { x: r.left + 20, y: r.top + r.height / 2 };
      });
      await p.click(at.x, at.y);
      await p.click(at.x, at.y);
      await p.evaluate(() => {
        const sel = document.getSelection()!;
        sel.selectAllChildren(document.querySelector('p')!);
      });
      await sleep(1200);
      const seen = await readSeen(p);
      expect.soft(seen.messages, 'window messages').toEqual([]);
      expect.soft(seen.events, 'WXT events').toEqual([]);
      expect.soft(seen.mutations, 'DOM changes').toEqual([]);
      expect.soft(seen.perf.filter((e) => /counterpoint|extension:/.test(e)), 'performance entries').toEqual([]);
      expect.soft(seen.highlights, 'CSS highlights').toEqual({});
      expect.soft(seen.counterpointElements, 'Counterpoint elements').toBe(0);
      expect.soft(seen.chrome, 'chrome.runtime for page script').toBe(false);
      await p.close();
    });

    /** The content script's own account of the page (`overlay:stats`), asked from an extension page. */
    async function statsOf(tabId: number): Promise<{ claimsFinds?: number; secondStageRuns?: number; firstLookAsked?: boolean }> {
      const r = (await ext.evaluate(askTabFromExtensionPage, { tabId, message: { type: 'overlay:stats' } })) as { ok: boolean; stats: { claimsFinds?: number; secondStageRuns?: number; firstLookAsked?: boolean } };
      return r.stats;
    }

    it('a page that names the story’s people has its text matched, never gets the views, and sees nothing of it: no DOM, global, resource, CSP report or error', async () => {
      const url = evil.url('/named.html');
      const p = await session.openPage(url);
      const tab = await tabIdOf(ext, url); // before the page moves its address
      await pollUntil(async () => ((await statsOf(tab)).claimsFinds ?? 0) > 0, 30_000, 'its text sent to be matched: the page passes the gate');
      expect((await statsOf(tab)).firstLookAsked, 'the first look asked for the first stage').toBe(true);
      // The page tries to have it loaded again: navigations, more names, forged messages and events.
      await p.evaluate(async () => {
        const w = window as unknown as { navigation?: EventTarget };
        for (let i = 0; i < 5; i++) {
          history.pushState({}, '', `${location.pathname}?round=${i}`);
          const para = document.createElement('p');
          para.textContent = `Update ${i}: Elon Musk and xAI said nothing more about the launch; LeCun did not comment.`;
          document.querySelector('article')!.append(para);
          for (const m of [{ type: 'content:second-stage' }, { type: 'claims:find', text: 'Elon Musk', language: 'en' }, { type: 'notes:redraw' }, { type: 'overlay:stats' }]) window.postMessage(m, '*');
          w.navigation?.dispatchEvent(new Event('navigate'));
          window.dispatchEvent(new PopStateEvent('popstate'));
          await new Promise((r) => setTimeout(r, 500));
        }
      });
      await sleep(2500); // past the re-run watcher's debounce after the last navigation
      const after = await statsOf(tab);
      // It carries no claim: the views (the second stage) are never loaded.
      expect(after.secondStageRuns ?? 0, 'evaluations of the second stage').toBe(0);
      const seen = await readSeen(p);
      // (The page's own five paragraphs are its own changes.)
      expect.soft(seen.mutations.filter((m) => m !== 'childList article +p -'), 'DOM changes').toEqual([]);
      expect.soft(seen.newGlobals, 'new globals').toEqual([]);
      expect.soft(seen.perf.filter((e) => /extension:|stage/.test(e)), 'performance entries').toEqual([]);
      // (The browser's own favicon request is refused by the page's policy: not the extension's.)
      expect.soft(seen.csp.filter((c) => !/favicon\.ico$/.test(c)), 'CSP violation reports').toEqual([]);
      expect.soft(seen.errors, 'error events').toEqual([]);
      expect.soft(seen.messages.filter((m) => !/content:second-stage|claims:find|notes:redraw|overlay:stats/.test(m)), 'window messages but its own').toEqual([]);
      expect.soft(seen.events, 'WXT events').toEqual([]);
      expect.soft(seen.highlights, 'CSS highlights').toEqual({});
      expect.soft(seen.counterpointElements, 'Counterpoint elements').toBe(0);
      expect.soft(seen.extensionUrls, 'extension URLs').toEqual([]);
      await p.close();
    });

    it('a page that is not an article cannot get the second stage: forged messages, events and navigations load nothing', async () => {
      const url = evil.url('/tricks.html');
      const p = await session.openPage(url);
      // (The tab is found after the tricks: asking it injects the first stage, as the popup would.)
      await sleep(800);
      await p.evaluate(async () => {
        for (let i = 0; i < 5; i++) {
          history.pushState({}, '', `${location.pathname}?round=${i}`);
          for (const m of [{ type: 'content:second-stage' }, { type: 'selection:capture', nonce: 'x' }, { type: 'notes:redraw' }]) window.postMessage(m, '*');
          (window as unknown as { navigation?: EventTarget }).navigation?.dispatchEvent(new Event('navigate'));
          document.dispatchEvent(new Event('selectionchange'));
          await new Promise((r) => setTimeout(r, 400));
        }
      });
      await sleep(1500);
      await p.evaluate(() => history.replaceState({}, '', location.pathname));
      const tab = await tabIdOf(ext, url);
      const stats = await statsOf(tab); // (asking injects the first stage, as the popup would: after the tricks)
      expect(stats.secondStageRuns ?? 0, 'evaluations of the second stage').toBe(0);
      expect(stats.claimsFinds ?? 0, 'texts sent to be matched').toBe(0);
      expect(stats.firstLookAsked, 'the first look asked for the first stage').toBe(false);
      const seen = await readSeen(p);
      expect.soft(seen.newGlobals, 'new globals').toEqual([]);
      expect.soft(seen.errors, 'error events').toEqual([]);
      expect.soft(seen.mutations, 'DOM changes').toEqual([]);
      await p.close();
    });

    it("a page naming another site's page as its canonical sees nothing of that site's note, and cannot change it", async () => {
      const before = await notesIn(ext);
      const p = await session.openPage(evil.url('/copy-canonical.html'));
      await sleep(4000); // past the orphan retry (2.5 s)
      const seen = await readSeen(p);
      expect.soft(seen.highlights, 'CSS highlights').toEqual({});
      expect.soft(seen.mutations, 'DOM changes').toEqual([]);
      expect.soft(seen.roots, 'open shadow roots').toEqual([]);
      expect.soft(JSON.stringify(seen), 'the victim URL').not.toContain(victim.origin);
      await p.close();
      // Without the quote on the page: the victim's note must not become an orphan.
      const q = await session.openPage(evil.url('/canonical-no-quote.html'));
      await sleep(4000);
      expect.soft((await readSeen(q)).mutations, 'DOM changes').toEqual([]);
      await q.close();
      expect.soft((await notesIn(ext)).map((n) => n.anchorState), 'anchor states').toEqual(before.map((n) => n.anchorState));
      expect(await notesIn(ext)).toEqual(before);
    });

    it("a page copying another site's title (and text) sees nothing of its note", async () => {
      const before = await notesIn(ext);
      const p = await session.openPage(evil.url('/copy-title.html'));
      await sleep(4000);
      const seen = await readSeen(p);
      expect.soft(seen.highlights, 'CSS highlights').toEqual({});
      expect.soft(seen.mutations, 'DOM changes').toEqual([]);
      expect.soft(seen.roots, 'open shadow roots').toEqual([]);
      await p.close();
      expect(await notesIn(ext)).toEqual(before);
    });

    it('a page probing URLs with canonical links and pushState finds no note', async () => {
      const p = await session.openPage(evil.url('/probe.html'));
      const candidates = ['/a', '/b', victim.url('/story.html'), '/c', victim.url('/other.html'), '/d'];
      const found = await p.evaluate(async (urls) => {
        const hits: string[] = [];
        const link = document.querySelector('link[rel=canonical]')!;
        for (const u of urls) {
          link.setAttribute('href', u);
          history.pushState({}, '', `/probe/${encodeURIComponent(u)}`);
          await new Promise((r) => setTimeout(r, 1500));
          const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
          if ((reg?.size ?? 0) > 0 || document.querySelector('[data-counterpoint], counterpoint-notes')) hits.push(u);
        }
        return hits;
      }, candidates);
      expect(found).toEqual([]);
      expect((await readSeen(p)).events).toEqual([]);
      await p.close();
    });

    it('a page cannot create, change or delete notes: script clicks, synthetic shortcuts, messages', async () => {
      const before = await notesIn(ext);
      const p = await session.openPage(evil.url('/plant.html'));
      await sleep(1000);
      const tried = await p.evaluate(async () => {
        const log: string[] = [];
        const find = (): ShadowRoot[] => Array.from(document.querySelectorAll('*')).map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r);
        for (let round = 0; round < 5; round++) {
          // Select text and press the shortcut, the way a reader would, but from script.
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if ((n.nodeValue ?? '').length < 20) continue;
            const r = document.createRange();
            r.setStart(n, 0);
            r.setEnd(n, 15);
            document.getSelection()!.removeAllRanges();
            document.getSelection()!.addRange(r);
            break;
          }
          for (const t of [document, document.body, window] as EventTarget[]) {
            t.dispatchEvent(new KeyboardEvent('keydown', { key: 'H', code: 'KeyH', altKey: true, shiftKey: true, bubbles: true }));
          }
          document.dispatchEvent(new Event('selectionchange'));
          await new Promise((res) => setTimeout(res, 400));
          for (const root of find()) {
            const area = root.querySelector('textarea');
            const buttons = Array.from(root.querySelectorAll('button')) as HTMLElement[];
            if (area) {
              // An editor is open: write the planted note and save it.
              area.value = `planted ${round}`;
              area.dispatchEvent(new Event('input', { bubbles: true }));
              log.push('found a textarea');
              for (const b of buttons) if (/save|保存/i.test(b.textContent ?? '')) b.click();
            } else {
              // Otherwise press whatever opens one (never "cancel").
              for (const b of buttons) if (!/cancel|キャンセル|close|×/i.test(b.textContent ?? '')) b.click();
            }
          }
          for (const m of [
            { type: 'notes:add', note: { url: location.href, sourceUrl: location.href, title: 'x', body: 'planted', target: null, claimId: null } },
            { type: 'notes:delete', id: 'x' },
            { type: 'selection:capture', nonce: 'x' },
          ]) {
            window.postMessage(m, '*');
          }
          await new Promise((res) => setTimeout(res, 400));
        }
        const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
        log.push(`runtime:${typeof g.chrome?.runtime?.sendMessage}:${typeof g.browser}`);
        return log;
      });
      await sleep(1500);
      expect.soft(tried.filter((l) => l === 'found a textarea'), 'a note editor page script reached').toEqual([]);
      expect.soft(tried, 'chrome.runtime / browser for page script').toContain('runtime:undefined:undefined');
      expect.soft((await notesIn(ext)).map((n) => n.body), 'notes after the attack').toEqual(before.map((n) => n.body));
      expect(await notesIn(ext)).toEqual(before);
      await p.close();
    });

    it("nothing the reader types into a note is visible to the page's script", async () => {
      const url = evil.url('/own.html');
      const p = await session.openPage(url);
      await sleep(800);
      // The page watches every key and polls every text field it can reach.
      await p.evaluate(() => {
        const w = window as unknown as { __typed: string[] };
        w.__typed = [];
        setInterval(() => {
          const fields = [document, ...Array.from(document.querySelectorAll('*')).map((e) => e.shadowRoot).filter(Boolean)] as ParentNode[];
          for (const f of fields) for (const t of Array.from(f.querySelectorAll('textarea, input'))) if ((t as HTMLTextAreaElement).value) w.__typed.push((t as HTMLTextAreaElement).value);
        }, 50);
      });
      expect(await p.evaluate(selectText, 'forty steel cables')).toBe(true);
      const manifest = (await ext.evaluate(() => {
        const g = globalThis as unknown as { browser?: { runtime: { getManifest(): object } }; chrome: { runtime: { getManifest(): object } } };
        return (g.browser ?? g.chrome).runtime.getManifest();
      })) as { side_panel?: object; sidebar_action?: object };
      if (manifest.side_panel || manifest.sidebar_action) {
        const tabId = await tabIdOf(ext, url);
        const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
        await panel.bringToFront();
        await panel.waitFor(() => document.querySelector('[data-testid="panel-capture"]'), undefined, 30_000);
        await clickInPage(panel, '[data-testid="panel-capture"]');
        await panel.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'panel-textarea', undefined, 30_000);
        await panel.type(SECRET);
        await panel.press('Control+Enter');
        await panel.waitFor(() => !document.querySelector('[data-testid="panel-composer"]'), undefined, 30_000);
        await panel.close();
      } else {
        // A build without a side panel (before #13): the reader uses its in-page editor, as offered.
        await p.waitForShadow('counterpoint-notes', (root) => root?.querySelector('[data-testid="cpn-button"]'), undefined, 15_000);
        const at = await p.shadow('counterpoint-notes', (root) => {
          const r = root!.querySelector('[data-testid="cpn-button"]')!.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        });
        await p.click(at.x, at.y);
        await p.waitForShadow('counterpoint-notes', (root) => root?.activeElement?.getAttribute('data-testid') === 'cpn-textarea', undefined, 15_000);
        await p.type(SECRET);
        await p.press('Control+Enter');
        await sleep(1500);
      }
      await p.bringToFront();
      await sleep(500);
      const seen = await readSeen(p);
      const typed = await p.evaluate(() => (window as unknown as { __typed: string[] }).__typed);
      expect.soft(seen.keys, 'key events page script heard').toEqual([]);
      expect.soft(typed.filter((t) => t.includes('4921')), 'text page script read').toEqual([]);
      expect.soft(JSON.stringify(seen), 'anything page script saw').not.toContain('4921');
      // The note was saved (on the attacker's own page: notes of a site are allowed there).
      expect((await notesIn(ext)).some((n) => n.body === SECRET && n.url === url)).toBe(true);
      // Control: the page's spy does hear the reader's keys when they are typed into the page.
      await p.press('q');
      expect((await readSeen(p)).keys).toContain('keydown:q');
      await p.close();
    });

    it('leaks no extension URL and no probeable resource (the install cannot be fingerprinted)', async () => {
      const p = await session.openPage(evil.url('/article.html'));
      await p.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-badge"]'), undefined, 30_000);
      // The reader opens a card (real keys), so its source link is rendered.
      await p.shadow(OVERLAY_HOST, (root) => root?.querySelector<HTMLElement>('[data-testid="cp-proxy"]')?.focus());
      await p.press('Enter');
      await p.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-source-link"]'));
      const seen = await readSeen(p);
      expect.soft(seen.extensionUrls, 'extension URLs in the page DOM').toEqual([]);
      expect.soft(seen.perf.filter((e) => /extension:/.test(e)), 'extension resources in resource timing').toEqual([]);
      // Not even inside the closed shadow root (which only the automation protocol can read).
      expect.soft(await p.shadow(OVERLAY_HOST, (root) => (root?.innerHTML.match(/(chrome|moz)-extension:\/\/[^"' )]*/g) ?? [])), 'extension URLs in the shadow root').toEqual([]);
      // A page that knows (or guessed) the extension's origin can fetch nothing from it.
      const fetched = await p.evaluate(async (origin) => {
        const out: string[] = [];
        for (const path of ['/content-scripts/content.css', '/content-script.js', '/content-first-stage.js', '/content-stage-two.js', '/manifest.json', '/popup.html', '/sidepanel.html', '/source.html']) {
          try {
            const r = await fetch(origin + path);
            out.push(`${path}:${r.status}`);
          } catch {
            /* refused: as it should be */
          }
        }
        return out;
      }, session.extensionOrigin);
      expect.soft(fetched, 'extension files page script could fetch').toEqual([]);
      await p.close();
    });

    it('a page cannot switch the overlay off, rewrite the card, or act for the reader', async () => {
      const tabsBefore = (await session.tabUrls()).length;
      const p = await session.openPage(evil.url('/article.html'));
      await p.waitForShadow(OVERLAY_HOST, (root) => Number(root?.querySelector('[data-testid="cp-badge"]')?.getAttribute('data-claims')) > 0, undefined, 30_000);
      const attack = await p.evaluate(async (ids) => {
        const log: string[] = [];
        const host = document.querySelector('counterpoint-badge') as HTMLElement | null;
        log.push(`shadowRoot:${host?.shadowRoot === null ? 'null' : typeof host?.shadowRoot}`);
        for (let i = 0; i < 6; i++) {
          for (const id of ids) {
            document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: `evil-${i}` } }));
            window.postMessage({ type: `${id}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: `evil-${i}` }, '*');
            window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
          }
          // Take the overlay out of the page, again and again.
          document.querySelector('counterpoint-badge')?.remove();
          await new Promise((r) => setTimeout(r, 150));
        }
        // Rewrite the card wherever the page can reach it.
        for (const el of Array.from(document.querySelectorAll('*'))) {
          const root = el.shadowRoot;
          if (!root) continue;
          for (const t of Array.from(root.querySelectorAll('[data-testid="cp-card-text"], [data-testid="cp-badge"]'))) t.textContent = 'Supported by all coverage';
        }
        // Untrusted pointer and keys on a highlight, and on the overlay.
        const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        const first = reg ? [...(reg.values() as Iterable<Set<Range>>)].flatMap((h) => [...h])[0] : undefined;
        const rect = first?.getClientRects()[0];
        if (rect) {
          const x = rect.left + 5;
          const y = rect.top + rect.height / 2;
          const at = document.elementFromPoint(x, y) ?? document.body;
          for (const type of ['mousemove', 'mousedown', 'mouseup', 'click']) at.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true, view: window }));
        }
        const again = document.querySelector('counterpoint-badge') as HTMLElement | null;
        again?.click();
        again?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        await new Promise((r) => setTimeout(r, 800));
        return log;
      }, ids);
      await sleep(1500);
      expect.soft(attack, 'page script reached the shadow root').toContain('shadowRoot:null');
      // Still there, still working, untouched, and no card opened by the page's events.
      expect.soft(await p.evaluate(() => !!document.querySelector('counterpoint-badge')), 'the overlay is still on the page').toBe(true);
      const ui = await p.shadow(OVERLAY_HOST, (root) => ({
        claims: Number(root?.querySelector('[data-testid="cp-badge"]')?.getAttribute('data-claims')),
        text: root?.textContent ?? '',
        card: !!root?.querySelector('[data-testid="cp-card"]'),
      }));
      expect.soft(ui.claims, 'claims on the badge').toBeGreaterThan(0);
      expect.soft(ui.text, 'the card as Counterpoint wrote it').not.toContain('Supported by all coverage');
      expect.soft(ui.card, 'a card opened by untrusted events').toBe(false);
      expect.soft(Object.keys((await readSeen(p)).highlights).length, 'highlights still painted').toBeGreaterThan(0);
      // The reader can still open a card, with real keys.
      await p.shadow(OVERLAY_HOST, (root) => root?.querySelector<HTMLElement>('[data-testid="cp-proxy"]')?.focus());
      await p.press('Enter');
      await p.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-card"]'));
      // The page could not open tabs (no source view opened by its clicks).
      expect((await session.tabUrls()).length).toBe(tabsBefore + 1);
      await p.close();
    });

    it("a page cannot open a highlight's menu, copy its link or ask for the side panel; the reader's copy shows it nothing", async () => {
      const url = victim.url('/story.html');
      const p = await session.openPage(url);
      await p.waitFor(() => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('counterpoint-note')?.size ?? 0) > 0, undefined, 30_000);
      const tabId = await tabIdOf(ext, url);
      const focusOf = async (): Promise<unknown> => ((await ext.evaluate(sendFromExtensionPage, { type: 'notes:focus', tabId })) as { focus?: unknown }).focus;
      const at = await p.evaluate(() => {
        const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-note')!][0]!;
        const r = range.getClientRects()[0]!;
        return { x: r.left + 10, y: r.top + r.height / 2 };
      });
      // Page script clicks the highlight: nothing opens.
      await p.evaluate(async ({ x, y }) => {
        const el = document.elementFromPoint(x, y) ?? document.body;
        for (const type of ['mousedown', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true, view: window }));
        document.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
        await new Promise((r) => setTimeout(r, 800));
      }, at);
      expect.soft(await p.evaluate(() => document.querySelectorAll('counterpoint-note-menu').length), 'a menu opened by page script').toBe(0);
      // The reader clicks it: the menu opens (its host is all the page sees).
      await p.bringToFront();
      await p.click(at.x, at.y);
      await p.waitForShadow('counterpoint-note-menu', (root) => !!root?.querySelector('[data-testid="cp-note-menu"]'));
      // Page script tries the menu's buttons wherever it can reach.
      const tried = await p.evaluate(async () => {
        const host = document.querySelector('counterpoint-note-menu') as HTMLElement | null;
        const out = [`shadowRoot:${host?.shadowRoot === null ? 'null' : typeof host?.shadowRoot}`];
        host?.click();
        for (let y = 0; y < innerHeight; y += 8) {
          for (let x = 0; x < innerWidth; x += 16) {
            const el = document.elementFromPoint(x, y);
            if (!el || el !== host) continue;
            for (const type of ['mousedown', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true, view: window }));
          }
        }
        await new Promise((r) => setTimeout(r, 800));
        return out;
      });
      expect.soft(tried, 'page script reached the shadow root').toContain('shadowRoot:null');
      const state = () => p.shadow('counterpoint-note-menu', (root) => ({
        copied: root?.querySelector('[data-testid="cp-link-status"]')?.getAttribute('data-state') ?? null,
        shown: root?.querySelector('[data-testid="cp-note-shown"]')?.getAttribute('data-state') ?? null,
      }));
      expect.soft(await state(), 'a copy or Show note done by page script').toEqual({ copied: null, shown: null });
      expect.soft(await focusOf(), 'a note the page asked the side panel for').toBeNull();
      // The reader copies the link: the page hears no copy event and sees no link, note or extension URL.
      await p.bringToFront();
      await clickInShadow(p, 'counterpoint-note-menu', '[data-testid="cp-note-copy-link"]');
      await p.waitForShadow('counterpoint-note-menu', (root) => root?.querySelector('[data-testid="cp-link-status"]'));
      expect.soft((await state()).copied, 'copied').toBe('copied');
      const seen = await readSeen(p);
      expect.soft(seen.clipboard, 'clipboard events page script heard').toEqual([]);
      expect.soft(seen.extensionUrls, 'extension URLs in the page DOM').toEqual([]);
      expect.soft(JSON.stringify(seen), 'the note or its link in what page script saw').not.toMatch(/4921|:~:text/);
      await p.close();
    });

    it("a link to another site's note, opened on a page copying its text and title, opens nothing of it", async () => {
      const url = evil.url('/copy-title.html');
      const p = await session.openPage(`${url}#:~:text=${encodeURIComponent(QUOTE)}`);
      await sleep(4000);
      const tabId = await tabIdOf(ext, url);
      expect.soft(((await ext.evaluate(sendFromExtensionPage, { type: 'notes:focus', tabId })) as { focus?: unknown }).focus, 'the victim note kept for this tab').toBeNull();
      const badge = await ext.evaluate((id) => {
        const g = globalThis as unknown as { browser?: { action: { getBadgeText(d: object): Promise<string> } }; chrome: { action: { getBadgeText(d: object): Promise<string> } } };
        return (g.browser ?? g.chrome).action.getBadgeText({ tabId: id });
      }, tabId);
      expect.soft(badge, 'the toolbar button marked').toBe('');
      const seen = await readSeen(p);
      expect.soft(seen.highlights, 'CSS highlights').toEqual({});
      expect.soft(seen.mutations, 'DOM changes').toEqual([]);
      await p.close();
    });

    it('a page cannot open or frame extension pages', async () => {
      /** The extension's pages that actually loaded in tabs or frames (seen from the extension itself). */
      const views = (): Promise<string[]> =>
        ext.evaluate(() => {
          type Api = { extension?: { getViews?(o: object): Window[] } };
          const g = globalThis as unknown as { browser?: Api; chrome?: Api };
          const api = (g.browser ?? g.chrome)!;
          return (api.extension?.getViews?.({}) ?? []).map((w) => w.location.pathname);
        });
      const before = await views();
      expect(before, 'the probe sees the extension page it runs in').toContain('/popup.html');
      const p = await session.openPage(evil.url('/open-extension.html'));
      const refused = await p.evaluate((origin) => {
        const out: string[] = [];
        const attempt = (what: string, f: () => void): void => {
          try {
            f();
          } catch (e) {
            out.push(`${what}: ${String(e).slice(0, 80)}`); // Firefox refuses some at once
          }
        };
        attempt('window.open', () => void window.open(`${origin}/sidepanel.html?tab=1`));
        attempt('iframe', () => {
          const f = document.createElement('iframe');
          f.src = `${origin}/popup.html`;
          document.body.append(f);
        });
        attempt('link', () => {
          const a = document.createElement('a');
          a.href = `${origin}/source.html?claim=x`;
          a.target = '_blank';
          document.body.append(a);
          a.click();
        });
        return out;
      }, session.extensionOrigin);
      console.log(`[hostile] ${target.name}: refused at once: ${JSON.stringify(refused)}`);
      await sleep(2500);
      expect((await views()).sort()).toEqual(before.sort());
      await p.close();
    });

    it.skipIf(target.name !== 'chromium')('a compromised content script gets only its own page: the background authorises by sender (Chromium: CDP reaches the content-script world)', async () => {
      const before = await notesIn(ext);
      const p = await session.openPage(evil.url('/compromised.html'));
      await sleep(1000);
      const victimUrl = victim.url('/story.html');
      const replies = await session.inContentScript!(
        p,
        async ({ victimUrl, id }) => {
          const send = (m: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m).catch((e: unknown) => ({ thrown: String(e) }));
          const out: Record<string, unknown> = {};
          out.list = await send({ type: 'notes:list', search: '', filter: 'all', offset: 0, limit: 500 });
          out.exportJson = await send({ type: 'notes:export', format: 'jsonld' });
          out.exportMd = await send({ type: 'notes:export', format: 'markdown' });
          out.page = await send({ type: 'notes:page', page: { url: victimUrl, sourceUrl: victimUrl, title: 'x' } });
          out.update = await send({ type: 'notes:update', id, body: 'changed' });
          out.delete = await send({ type: 'notes:delete', id });
          out.add = await send({ type: 'notes:add', note: { url: victimUrl, sourceUrl: victimUrl, title: 'x', body: 'planted', target: null, claimId: null } });
          out.import = await send({ type: 'notes:import', content: '{"type":"AnnotationCollection","first":{"items":[]}}' });
          out.anchors = await send({ type: 'notes:anchors', hints: { canonical: victimUrl, title: 'x' }, anchored: [], orphaned: [id] });
          out.highlights = await send({ type: 'notes:highlights', hints: { canonical: victimUrl, title: 'Harbour bridge reopens after six weeks of repairs' } });
          out.draft = await send({ type: 'notes:draft', nonce: 'guess', hints: { canonical: null, title: '' }, target: { quote: { exact: 'x' } }, claimId: null });
          out.huge = await send({ type: 'notes:highlights', hints: { canonical: 'x'.repeat(1_000_000), title: '' } });
          return out;
        },
        { victimUrl, id: victimNoteId },
      );
      for (const k of ['list', 'exportJson', 'exportMd', 'page', 'update', 'delete', 'add', 'import', 'draft']) {
        expect.soft(replies[k], k).toMatchObject({ ok: false });
      }
      expect.soft(replies.huge, 'an oversized message').toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
      // Its own page only: nothing of the victim's note.
      expect(JSON.stringify(replies)).not.toContain(SECRET);
      expect(JSON.stringify(replies.highlights)).not.toContain(victimNoteId);
      expect(await notesIn(ext)).toEqual(before);
      await p.close();
    });

    it('shows a note whose text is HTML as text in the popup and the side panel, and loads nothing', async () => {
      const url = evil.url('/own.html');
      const html = '<img src="http://198.51.100.7/x.png" onerror="window.__pwned=1"><b>bold</b>';
      const added = (await ext.evaluate(sendFromExtensionPage, {
        type: 'notes:add',
        note: { url, sourceUrl: url, title: 'The attacker site own article', body: html, target: { quote: { exact: 'forty steel cables' }, position: null }, claimId: null },
      })) as { ok: boolean };
      expect(added.ok).toBe(true);
      const p = await session.openPage(url);
      const manifest = (await ext.evaluate(() => {
        const g = globalThis as unknown as { browser?: { runtime: { getManifest(): object } }; chrome: { runtime: { getManifest(): object } } };
        return (g.browser ?? g.chrome).runtime.getManifest();
      })) as { side_panel?: object; sidebar_action?: object };
      // The popup shows it as text …
      const popup = await session.openExtensionPage('popup.html');
      await popup.waitFor((h) => Array.from(document.querySelectorAll('[data-testid="note-body"]')).some((e) => e.textContent === h), html, 30_000);
      expect(await popup.evaluate(() => [document.querySelectorAll('img, b').length, (window as unknown as { __pwned?: number }).__pwned ?? 0])).toEqual([0, 0]);
      await popup.close();
      // … and so does the side panel.
      if (manifest.side_panel || manifest.sidebar_action) {
        const panel = await session.openExtensionPage(`sidepanel.html?tab=${await tabIdOf(ext, url)}`);
        await panel.waitFor((h) => Array.from(document.querySelectorAll('[data-testid="panel-note-body"]')).some((e) => e.textContent === h), html, 30_000);
        expect(await panel.evaluate(() => [document.querySelectorAll('img, b').length, (window as unknown as { __pwned?: number }).__pwned ?? 0])).toEqual([0, 0]);
        await panel.close();
      }
      await p.close();
    });

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });
}
