// @vitest-environment jsdom
/**
 * The content script's annotator (`remoteAnnotator`): both tiers run in the background, the page
 * sends each part's text (`claims:find`, then `restate:find`) and makes ranges of the offsets that
 * come back. Checked against the same tiers run in one process (`annotatorFor`, the reference) on
 * the fixture pages, the 2 MB page (several parts) included, and for what it sends and when.
 */

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { claimsFinder } from '../../lib/match/find-claims';
import { annotateInSlices } from '../../lib/overlay/annotate-in-slices';
import { gatedArticle } from '../../lib/overlay/page-check';
import { annotatorFor } from '../../lib/overlay/index-annotator';
import { remoteAnnotator, type ClaimsSource, type PageAnnotator, type RestateSource } from '../../lib/overlay/page-annotator';
import type { OverlayEngineResult } from '../../lib/overlay/types';
import { findRestatements } from '../../lib/restate/remote';
import { PAGES, readPage } from '../fixtures/expectations';
import { largePage } from '../fixtures/large-page';
import { readRestatePage, RESTATE_PAGES } from '../fixtures/restate/expectations';

const index = bundledIndex();
const background = claimsFinder(index);
const restateHere: RestateSource = (parts, date) => findRestatements(index, parts, date);

/** The background's sources, through a structured clone (what crosses the message channel), with a log of what the page sent. */
function sources(): { claims: ClaimsSource; restate: RestateSource; texts: string[]; readonly restated: number } {
  const texts: string[] = [];
  let restated = 0;
  return {
    texts,
    get restated() {
      return restated;
    },
    claims: async (text, language) => {
      texts.push(text);
      return structuredClone(await background(text, language ?? null));
    },
    restate: async (parts, date) => {
      restated++;
      return structuredClone(await restateHere(parts, date));
    },
  };
}

async function both(annotator: PageAnnotator, doc: Document): Promise<OverlayEngineResult | null> {
  const first = await annotateInSlices(annotator, doc);
  if (!first) return null;
  const second = await annotator.restate!(doc);
  return second ? { ...first, ...second } : first;
}

const key = (x: { claimId: string; quote: string; method?: string; score?: number; confidence?: string }): string =>
  `${x.claimId}|${x.method}|${x.confidence ?? ''}|${x.score}|${x.quote.replace(/\s+/g, ' ')}`;

const pages: [string, string][] = [
  ...PAGES.map((p): [string, string] => [p.file, readPage(p.file)]),
  ...RESTATE_PAGES.filter((_, i) => i % 3 === 0).map((p): [string, string] => [p.file, readRestatePage(p)]),
];

describe('remoteAnnotator: the tiers in the background, the ranges on the page', () => {
  it.each(pages)('%s: the same matches, speakers and ranges as both tiers in one process', async (_file, html) => {
    const s = sources();
    const remote = await both(remoteAnnotator(s.claims, s.restate), new JSDOM(html).window.document);
    const here = await both(annotatorFor(index, restateHere), new JSDOM(html).window.document);
    expect(remote?.isArticle).toBe(here?.isArticle);
    expect(remote!.annotations.map(key)).toEqual(here!.annotations.map(key));
    expect(remote!.annotations.map((a) => [a.speaker, a.saidOn, a.sourceId, a.relations])).toEqual(here!.annotations.map((a) => [a.speaker, a.saidOn, a.sourceId, a.relations]));
    for (const a of remote!.annotations) expect(a.range.toString()).toBe(a.quote);
    expect((remote!.restatements ?? []).map(key)).toEqual((here!.restatements ?? []).map(key));
    expect((remote!.stories ?? []).map((x) => x.storyId)).toEqual((here!.stories ?? []).map((x) => x.storyId));
    // Only articles that pass the gate send anything; restatements only where a story's people are named.
    if (s.texts.length === 0) expect(remote!.annotations).toEqual([]);
    if (s.restated > 0) expect(here!.restatements).toBeDefined();
  });

  it('sends nothing for a page that is not an article or names nothing of the dataset', async () => {
    for (const file of ['neg-index.html', 'neg-en-unrelated.html', 'neg-ja-unrelated.html']) {
      const s = sources();
      const result = await both(remoteAnnotator(s.claims, s.restate), new JSDOM(readPage(file)).window.document);
      expect(result!.annotations).toEqual([]);
      expect(s.texts).toEqual([]);
      expect(s.restated).toBe(0);
    }
  });

  it('on a page naming the people without the story: one text for the first tier, restatements asked, nothing found', async () => {
    const s = sources();
    const result = await both(remoteAnnotator(s.claims, s.restate), new JSDOM(readPage('neg-en-same-entities.html')).window.document);
    expect(s.texts).toHaveLength(1);
    expect(result!.annotations).toEqual([]);
    expect(result!.restatements ?? []).toEqual([]);
  });

  it('the 2 MB page: one request per part (none over the part size by much), the same matches as in one process', async () => {
    const html = largePage();
    const s = sources();
    const remote = await annotateInSlices(remoteAnnotator(s.claims, s.restate), new JSDOM(html).window.document);
    const here = await annotateInSlices(annotatorFor(index), new JSDOM(html).window.document);
    expect(s.texts.length).toBeGreaterThan(30);
    expect(Math.max(...s.texts.map((t) => t.length))).toBeLessThan(100_000);
    expect(remote!.annotations.length).toBeGreaterThan(3);
    expect(remote!.annotations.map(key)).toEqual(here!.annotations.map(key));
  }, 60_000);

  it('the 2 MB page: the parts are sent as their text models are built, without waiting for each answer', async () => {
    let inFlight = 0;
    let most = 0;
    const claims: ClaimsSource = async (text, language) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return background(text, language ?? null);
    };
    const result = await annotateInSlices(remoteAnnotator(claims, async () => null), new JSDOM(largePage()).window.document);
    expect(result!.annotations.length).toBeGreaterThan(3);
    expect(most).toBeGreaterThan(10);
  }, 60_000);

  it('a background that cannot answer: no matches, no throw, and the next run asks again', async () => {
    let calls = 0;
    const claims: ClaimsSource = async () => (calls++, null);
    const annotator = remoteAnnotator(claims, async () => null);
    const doc = new JSDOM(readPage('en-cnbc-lecun.html')).window.document;
    expect((await both(annotator, doc))!.annotations).toEqual([]);
    expect((await both(annotator, doc))!.annotations).toEqual([]);
    expect(calls).toBe(2);
  });

  it('a page that replaced its article while the background worked gets no ranges from stale offsets', async () => {
    const doc = new JSDOM(readPage('en-cnbc-lecun.html')).window.document;
    const claims: ClaimsSource = async (text, language) => {
      const reply = await background(text, language ?? null);
      doc.querySelector('.article-body')!.replaceChildren(doc.createTextNode('Something else entirely.'));
      return reply;
    };
    const result = await annotateInSlices(remoteAnnotator(claims, async () => null), doc);
    expect(result!.annotations).toEqual([]);
  });

  it("the background's finder: texts asked at once (two tabs) get the same answers as one after another, and says which texts name a story's people", async () => {
    const texts = ['en-cnbc-lecun.html', 'ja-geekpark-wu.html', 'neg-en-same-entities.html', 'neg-en-unrelated.html'].map((f) => new JSDOM(readPage(f)).window.document.body.textContent ?? '');
    const finder = claimsFinder(index, 0); // every step its own slice: the texts interleave step by step
    const alone = [];
    for (const t of texts) alone.push(await finder(t, null));
    const together = await Promise.all(texts.map((t) => finder(t, null)));
    expect(together).toEqual(alone);
    expect(alone.map((r) => r.found.length > 0)).toEqual([true, true, false, false]);
    expect(alone.map((r) => r.namesStoryPeople)).toEqual([true, true, true, false]);
  });

  it("starts from the article the first stage let through, while it is in the page; detects again once it is gone", async () => {
    const doc = new JSDOM(readPage('en-cnbc-lecun.html')).window.document;
    const gated = (await gatedArticle(doc, async () => undefined))!;
    expect(gated).not.toBeNull();
    const s1 = sources();
    const withIt = await annotateInSlices(remoteAnnotator(s1.claims, s1.restate), doc, { gated });
    const s2 = sources();
    const without = await annotateInSlices(remoteAnnotator(s2.claims, s2.restate), doc);
    expect(withIt!.annotations.map(key)).toEqual(without!.annotations.map(key));
    expect(withIt!.annotations.length).toBeGreaterThan(3);
    // Given, it is not detected again: a page detection calls no article is matched as given.
    const index = new JSDOM(readPage('neg-index.html')).window.document;
    const body = index.body;
    const s3 = sources();
    await annotateInSlices(remoteAnnotator(s3.claims, s3.restate), index, { gated: { isArticle: true, root: body, rootText: body.textContent ?? '', signals: [] } });
    expect(s3.texts).toHaveLength(1);
    // Gone from the page: detected again (this page is no article, so nothing is sent).
    const s4 = sources();
    const detached = index.createElement('article');
    await annotateInSlices(remoteAnnotator(s4.claims, s4.restate), index, { gated: { isArticle: true, root: detached, rootText: 'Elon Musk xAI', signals: [] } });
    expect(s4.texts).toEqual([]);
  });
});
