/**
 * Restatements and stories (issue #11) in the built extension, in real Chromium and Firefox: on an
 * independent report of the LeCun interview (tests/fixtures/pages/restate-en-independent-lecun.html,
 * no sentence copied) the second tier's passages are highlighted in their own style, the card says
 * the passage is a reworded account and shows the dataset's original words, speaker, outlet and what
 * made the match, with the other coverage "about the original statement"; low-confidence matches
 * are only listed as "possibly related"; the badge's list names the story; the reader can dismiss a
 * match for the page. The tier runs in the background (`restate:find`); no request leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { annotateTiers } from '../../lib/restate/annotate';
import { browsers, clickInShadow, OVERLAY_HOST, startServer, type ExtensionSession } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;
const PAGES_DIR = 'tests/fixtures/pages';
const FILE = 'restate-en-independent-lecun.html';

/** Both tiers in this process (jsdom): the browser must show the same. */
function expected(): { high: { claimId: string; passage: string }[]; low: string[]; stories: string[] } {
  const doc = new JSDOM(readFileSync(`${PAGES_DIR}/${FILE}`, 'utf8')).window.document;
  const r = annotateTiers(doc, bundledIndex());
  return {
    high: r.restatements.filter((x) => x.confidence === 'high').map((x) => ({ claimId: x.claimId, passage: x.passage })),
    low: r.restatements.filter((x) => x.confidence === 'low').map((x) => x.claimId),
    stories: r.stories.map((s) => s.storyId),
  };
}

interface Shown {
  claims: number;
  possible: number;
  proxies: { claim: string; kind: string }[];
  restatedPainted: string[];
  quotePainted: number;
}

const readShown = (root: ShadowRoot | null): Omit<Shown, 'restatedPainted' | 'quotePainted'> | null => {
  const badge = root?.querySelector('[data-testid="cp-badge"]');
  if (!root || !badge) return null;
  return {
    claims: Number(badge.getAttribute('data-claims')),
    possible: Number(badge.getAttribute('data-possible')),
    proxies: Array.from(root.querySelectorAll('[data-testid="cp-proxy"]')).map((b) => ({ claim: b.getAttribute('data-claim') ?? '', kind: b.getAttribute('data-kind') ?? '' })),
  };
};

const painted = (): { restated: string[]; quote: number } => {
  const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const restated: string[] = [];
  let quote = 0;
  // Strong and subtle marks alike (the reader's highlight density decides which).
  for (const s of ['contested', 'other-view', 'supported', 'neutral']) {
    for (const suffix of ['', '-subtle']) {
      for (const r of reg?.get(`counterpoint-restated-${s}${suffix}`) ?? []) restated.push(r.toString());
      quote += reg?.get(`counterpoint-${s}${suffix}`)?.size ?? 0;
    }
  }
  // Without the highlight API (wrapping), the marks say it.
  if (!reg) for (const m of Array.from(document.querySelectorAll('counterpoint-mark[data-restated]'))) restated.push(m.textContent ?? '');
  return { restated, quote };
};

const restatedReady = (root: ShadowRoot | null): boolean => !!root?.querySelector('[data-testid="cp-proxy"][data-kind="restated"]');

const readCard = (root: ShadowRoot | null) => {
  const card = root?.querySelector('[data-testid="cp-card"]');
  if (!card) return null;
  const q = (s: string): string => card.querySelector(s)?.textContent ?? '';
  return {
    claim: card.getAttribute('data-claim'),
    kind: card.getAttribute('data-kind'),
    chip: q('[data-testid="cp-card-restated"]'),
    banner: q('[data-testid="cp-restated-banner"]'),
    passage: q('[data-testid="cp-restated-passage"]'),
    reasons: q('[data-testid="cp-restated-reasons"]'),
    original: q('[data-testid="cp-card-text"]'),
    who: q('[data-testid="cp-card-who"]'),
    where: q('[data-testid="cp-card-where"]'),
    otherTitle: q('[data-testid="cp-other-title"]'),
    dismiss: !!card.querySelector('[data-testid="cp-dismiss-match"]'),
  };
};

const dataset = JSON.parse(readFileSync('data/claims.json', 'utf8')) as { claims: { id: string; text: { ja: string; en: string } }[] };
const textOf = (id: string, lang: 'ja' | 'en'): string => dataset.claims.find((c) => c.id === id)!.text[lang];

for (const target of browsers) {
  for (const locale of ['en-US', 'ja'] as const) {
    describe.skipIf(!target.available)(`restatements in ${target.name}, UI ${locale}`, () => {
      let server: Server;
      let session: ExtensionSession;
      const want = expected();
      // Debian's Firefox ESR ships no Japanese UI pack: only Chromium switches to Japanese here.
      const uiJa = locale === 'ja' && target.name === 'chromium';

      beforeAll(async () => {
        server = await startServer([PAGES_DIR]);
        session = await target.launch({ colorScheme: 'light', locale });
      });
      afterAll(async () => {
        await session?.close();
        await server?.close();
      });

      it('highlights the restated passages in their own style, lists the low ones as possibly related only', async () => {
        expect(want.high.length).toBeGreaterThan(3);
        expect(want.low.length).toBeGreaterThan(0);
        const page = await session.openPage(server.url(`/${FILE}`));
        await page.waitForShadow(OVERLAY_HOST, restatedReady, undefined, 30_000);
        const shown = (await page.shadow(OVERLAY_HOST, readShown))!;
        expect(shown.proxies.map((p) => p.claim).sort()).toEqual(want.high.map((h) => h.claimId).sort());
        expect(shown.proxies.every((p) => p.kind === 'restated')).toBe(true);
        expect(shown.claims).toBe(want.high.length);
        expect(shown.possible).toBe(want.low.length);
        const onPage = await page.evaluate(painted);
        expect(onPage.quote).toBe(0);
        const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
        expect(onPage.restated.map(squash).sort()).toEqual(want.high.map((h) => squash(h.passage)).sort());
        expect(session.foreignRequests()).toEqual([]);
        await page.close();
      });

      it('the card says the passage is a reworded account, beside the original words, speaker, outlet and what matched', async () => {
        const page = await session.openPage(server.url(`/${FILE}`));
        await page.waitForShadow(OVERLAY_HOST, restatedReady, undefined, 30_000);
        const index = await page.shadow(OVERLAY_HOST, (root) =>
          Array.from(root?.querySelectorAll('[data-testid="cp-proxy"]') ?? []).findIndex((b) => b.getAttribute('data-claim') === 's003-lecun-bubble'),
        );
        expect(index).toBeGreaterThanOrEqual(0);
        // From the badge's list (the same entries, in the same order as the highlights).
        await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-badge-toggle"]');
        await page.waitForShadow(OVERLAY_HOST, (root) => !!root?.querySelector('[data-testid="cp-list-item"]'));
        await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-list-item"]', index);
        await page.waitForShadow(OVERLAY_HOST, (root) => !!root?.querySelector('[data-testid="cp-card"]'));
        const card = (await page.shadow(OVERLAY_HOST, readCard))!;
        expect(card.claim).toBe('s003-lecun-bubble');
        expect(card.kind).toBe('restated');
        expect(card.passage).toContain('LeCun warned that AI labs such as OpenAI and Anthropic');
        // The dataset's words, not the page's, as the statement.
        expect([textOf('s003-lecun-bubble', 'en'), textOf('s003-lecun-bubble', 'ja')]).toContain(card.original);
        expect(card.original).not.toBe(card.passage);
        expect(card.who).toMatch(/LeCun|ルカン/);
        expect(card.where).toContain('CNBC');
        expect(card.reasons).toMatch(/OpenAI/);
        expect(card.dismiss).toBe(true);
        if (uiJa) {
          expect(card.chip).toContain('言い換え');
          expect(card.banner).toContain('発言者本人の言葉ではありません');
          expect(card.otherTitle).toContain('元の発言・記述');
        } else {
          expect(card.chip).toContain('Reworded or translated');
          expect(card.banner).toContain("not the speaker's words");
          expect(card.otherTitle).toContain('about the original statement');
        }
        await page.close();
      });

      it('the badge’s list names the story and the possibly related passages; a dismissed match goes for the page', async () => {
        const page = await session.openPage(server.url(`/${FILE}`));
        await page.waitForShadow(OVERLAY_HOST, restatedReady, undefined, 30_000);
        await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-badge-toggle"]');
        await page.waitForShadow(OVERLAY_HOST, (root) => !!root?.querySelector('[data-testid="cp-list"]'));
        const list = await page.shadow(OVERLAY_HOST, (root) => ({
          stories: Array.from(root?.querySelectorAll('[data-testid="cp-story"]') ?? []).map((s) => s.getAttribute('data-story')),
          title: root?.querySelector('[data-testid="cp-story-title"]')?.textContent ?? '',
          possible: Array.from(root?.querySelectorAll('[data-testid="cp-possible-item"]') ?? []).map((b) => b.getAttribute('data-claim')),
        }));
        expect(list.stories).toEqual(want.stories);
        expect(list.title).toMatch(uiJa ? /ルカン/ : /LeCun/);
        expect(list.title).toContain('CNBC');
        expect(list.possible.sort()).toEqual([...want.low].sort());

        // Open a highlighted match from the list and say it is not this passage.
        const before = (await page.shadow(OVERLAY_HOST, readShown))!.proxies.length;
        await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-list-item"]', 0);
        await page.waitForShadow(OVERLAY_HOST, (root) => !!root?.querySelector('[data-testid="cp-dismiss-match"]'));
        const dismissed = await page.shadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-card"]')?.getAttribute('data-claim') ?? null);
        await clickInShadow(page, OVERLAY_HOST, '[data-testid="cp-dismiss-match"]');
        await page.waitForShadow(
          OVERLAY_HOST,
          (root, n) => (root?.querySelectorAll('[data-testid="cp-proxy"]').length ?? 0) === n,
          before - 1,
          30_000,
        );
        const after = (await page.shadow(OVERLAY_HOST, readShown))!;
        expect(after.proxies.map((p) => p.claim)).not.toContain(dismissed);
        expect(session.foreignRequests()).toEqual([]);
        await page.close();
      });
    });
  }
}
