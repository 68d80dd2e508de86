import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, badgeShown, browsers, OVERLAY_HOST, readBadge, startServer, type ExtensionSession } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;

// Records every DOM mutation from the very start of the page, so "nothing changed" is observable.
// Counting starts once the parser is done (DOMContentLoaded); the content script runs after that.
// Counts DOM mutations after DOMContentLoaded. The parser's own records can still be queued then (an
// observer hears of them in a later microtask), so they are taken out of the queue before counting
// starts; without that the spy sometimes counted the page's last parsed nodes.
const MUTATION_SPY = `<script>window.__cpMutations=-1;var __cpObs=new MutationObserver(function(r){if(window.__cpMutations>=0)window.__cpMutations+=r.length});__cpObs.observe(document,{subtree:true,childList:true,attributes:true,characterData:true});document.addEventListener('DOMContentLoaded',function(){__cpObs.takeRecords();window.__cpMutations=0});</script>`;
const readMutations = () => (window as unknown as { __cpMutations: number }).__cpMutations;

// A seed article in news-site markup (tests/fixtures): an article the dataset's claims are found in.
const CNBC = readFileSync('tests/fixtures/pages/en-cnbc-lecun.html', 'utf8');
const inHead = (html: string, extra: string): string => html.replace(/<head>/i, `<head>${extra}`);
const HOSTILE = `<script>
  // A page that breaks built-ins and throws in its own scripts must not break the content script.
  Array.prototype.map = function () { throw new Error('page broke Array.prototype.map'); };
  Array.prototype.forEach = function () { throw new Error('page broke Array.prototype.forEach'); };
  window.addEventListener('load', function () { throw new Error('page script error on load'); });
  throw new Error('page script error at parse time');
</script>`;

const inline = {
  '/cnbc.html': { type: 'text/html; charset=utf-8', body: CNBC },
  '/hostile-cnbc.html': { type: 'text/html; charset=utf-8', body: inHead(CNBC, HOSTILE) },
  // Control for the spy: on a matched article the spy must record the overlay's insertions.
  '/spied-article.html': { type: 'text/html; charset=utf-8', body: inHead(CNBC, MUTATION_SPY) },
  // An article with no claim of the dataset: left untouched like any other page (issue #5).
  '/spied-unmatched-article.html': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>Story</title><meta property="og:type" content="article">${MUTATION_SPY}</head><body><article><h1>Harbour bridge reopens</h1><p>The harbour bridge will reopen to traffic on Monday after two years of repairs, the city said.</p></article></body></html>`,
  },
  '/spied-not-article.html': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>List</title>${MUTATION_SPY}</head><body><h1>Weather</h1><p>Sun.</p></body></html>`,
  },
  // An article-signalled document with no <body> at all (XHTML keeps the tree as written).
  '/no-body.xhtml': {
    type: 'application/xhtml+xml',
    body: `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>No body</title><meta property="og:type" content="article"/></head></html>`,
  },
  '/plain.txt': { type: 'text/plain; charset=utf-8', body: 'Just text. <article> is not markup here.' },
};

for (const target of browsers) {
  describe.skipIf(!target.available)(`foundation in ${target.name}`, () => {
    let server: Server;
    let session: ExtensionSession;

    beforeAll(async () => {
      server = await startServer([], inline);
      session = await target.launch();
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('shows the badge inside a shadow root on an article page', async () => {
      const page = await session.openPage(server.url('/cnbc.html'));
      await page.waitForShadow(OVERLAY_HOST, badgeShown);
      expect(await page.shadow(OVERLAY_HOST, readBadge)).toContain('Counterpoint');
      // The badge lives in a closed shadow root: nothing of it is reachable from page script.
      expect(await page.evaluate(() => document.querySelectorAll('[data-testid="cp-badge"]').length)).toBe(0);
      expect(await page.evaluate(() => document.querySelector('counterpoint-badge')?.shadowRoot ?? null)).toBeNull();
      await page.screenshot(artifactPath(`${target.name}-article.png`));
      await page.close();
    });

    it('leaves a non-article page untouched', async () => {
      const page = await session.openPage(server.url('/spied-not-article.html'));
      // Give the content script (document_idle) time to run and decide.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await page.evaluate(() => document.querySelector('counterpoint-badge'))).toBeNull();
      expect(await page.evaluate(readMutations)).toBe(0);
      await page.close();
      // An article without any claim of the dataset is left alone too.
      const unmatched = await session.openPage(server.url('/spied-unmatched-article.html'));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await unmatched.evaluate(() => document.querySelector('counterpoint-badge'))).toBeNull();
      expect(await unmatched.evaluate(readMutations)).toBe(0);
      await unmatched.close();
      // The spy does see the content script's work when there is some.
      const control = await session.openPage(server.url('/spied-article.html'));
      await control.waitFor(() => document.querySelector('counterpoint-badge'));
      expect(await control.evaluate(readMutations)).toBeGreaterThan(0);
      await control.close();
    });

    it('still works on a page that throws and redefines Array.prototype.map', async () => {
      const page = await session.openPage(server.url('/hostile-cnbc.html'));
      await page.waitForShadow(OVERLAY_HOST, badgeShown);
      expect(await page.shadow(OVERLAY_HOST, readBadge)).toContain('Counterpoint');
      await page.close();
    });

    it('does not break on a page with no <body> or a text/plain page', async () => {
      const noBody = await session.openPage(server.url('/no-body.xhtml'));
      await new Promise((r) => setTimeout(r, 1000));
      expect(await noBody.evaluate(() => [document.body === null, document.querySelector('counterpoint-badge')])).toEqual([true, null]);
      await noBody.close();
      const plain = await session.openPage(server.url('/plain.txt'));
      await new Promise((r) => setTimeout(r, 1000));
      expect(await plain.evaluate(() => document.querySelector('counterpoint-badge'))).toBeNull();
      await plain.close();
      // The content script is still alive in this browser: an article right after still gets its badge.
      const article = await session.openPage(server.url('/cnbc.html'));
      await article.waitForShadow(OVERLAY_HOST, badgeShown);
      await article.close();
    });

    it("opens the popup and shows the background's answer", async () => {
      const popup = await session.openExtensionPage('popup.html');
      await popup.waitFor(() => document.querySelector('[data-testid="note-count"], [data-testid="popup-error"]'));
      const shown = await popup.evaluate(() => {
        const el = document.querySelector('[data-testid="note-count"]');
        return el ? { count: el.getAttribute('data-count'), text: el.textContent } : { error: document.body.textContent };
      });
      expect(shown).toEqual({ count: '0', text: expect.stringContaining('0') });
      await popup.screenshot(artifactPath(`${target.name}-popup.png`));
      await popup.close();
    });

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });
}
