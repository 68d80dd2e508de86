// @vitest-environment jsdom
/**
 * The second tier in the extension's pieces: the `restate:find` request (validated, answered by the
 * background's handler from text alone), the page side's round trip (texts out, offsets back,
 * ranges over the page), and the overlay's display of restatements and stories (their own kind of
 * highlight entry, the card's wording in both languages, "possibly related" only in the list, the
 * story in the list, "not this passage"), page text always as text.
 */

import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nContext } from '../../components/i18n';
import { OverlayApp, type OverlayEntry } from '../../components/overlay/OverlayApp';
import { bundledIndex } from '../../lib/annotate';
import { handleMessage } from '../../lib/messages/handle';
import { ALLOWED, parseRequest, type RequestSender } from '../../lib/messages/protocol';
import { buildCardModel } from '../../lib/overlay/card-model';
import { emptyCatalog } from '../../lib/overlay/catalog';
import { annotatorFor } from '../../lib/overlay/index-annotator';
import { restatedView, type StoryView } from '../../lib/overlay/restated-model';
import type { OverlayApi, OverlayHost, OverlayRestatement } from '../../lib/overlay/types';
import { annotateTiers } from '../../lib/restate/annotate';
import { findRestatements } from '../../lib/restate/remote';
import type { CounterpointDb } from '../../lib/storage/db';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { readRestatePage, RESTATE_PAGES } from '../fixtures/restate/expectations';
import { translator, type Messages } from '../helpers/locale';

const index = bundledIndex();
const contentScript: RequestSender = { kind: 'content-script', tabId: 1, tabIndex: 0, url: 'https://news.example/a' };

describe('restate:find', () => {
  it('is validated: texts and hits within limits, hits inside their text, a date or null', () => {
    const ok = parseRequest({ type: 'restate:find', parts: [{ text: 'abc', hits: [[0, 2, 5]] }], date: '2026-05-20' });
    expect(ok).toEqual({ type: 'restate:find', parts: [{ text: 'abc', hits: [[0, 2, 5]] }], date: '2026-05-20' });
    for (const bad of [
      { type: 'restate:find', parts: 'x', date: null },
      { type: 'restate:find', parts: [{ text: 1, hits: [] }], date: null },
      { type: 'restate:find', parts: [{ text: 'abc', hits: [[0, 9, 1]] }], date: null },
      { type: 'restate:find', parts: [{ text: 'abc', hits: [[2, 1, 1]] }], date: null },
      { type: 'restate:find', parts: [], date: 'yesterday' },
      { type: 'restate:find', parts: [{ text: 'x'.repeat(4_000_001), hits: [] }], date: null },
    ]) {
      expect(parseRequest(bad), JSON.stringify(bad).slice(0, 80)).toHaveProperty('invalid');
    }
  });

  it('a content script may ask it (about its own page’s text); the handler answers from text alone', async () => {
    expect(ALLOWED['restate:find']).toContain('content-script');
    const page = RESTATE_PAGES.find((p) => p.file === 'restate-en-independent-lecun.html')!;
    const text = new JSDOM(readRestatePage(page)).window.document.body.textContent ?? '';
    const reply = await handleMessage(
      { db: {} as CounterpointDb, restate: (parts, date) => findRestatements(index, parts, date) },
      { type: 'restate:find', parts: [{ text, hits: [] }], date: '2026-05-20' },
      contentScript,
    );
    expect(reply.ok).toBe(true);
    const r = reply as { found: { claimId: string; start: number; end: number; reasons: { terms: string[] } }[]; stories: { storyId: string }[] };
    expect(r.stories.map((s) => s.storyId)).toEqual(['story-lecun-xai-failure']);
    expect(r.found.length).toBeGreaterThan(3);
    for (const f of r.found) {
      expect(f.end).toBeGreaterThan(f.start);
      expect(Array.isArray(f.reasons.terms)).toBe(true); // plain data, ready for the message
    }
  });
});

describe('the page side: texts to the background, offsets back, ranges over the page', () => {
  it('gives the same restatements and stories as the tier in one process', async () => {
    const page = RESTATE_PAGES.find((p) => p.file === 'restate-ja-translation-cnbc.html')!;
    const doc = new JSDOM(readRestatePage(page)).window.document;
    let sent = 0;
    // (The second stage's annotator: the first stage has let the page through.)
    const annotator = annotatorFor(index, async (parts, date) => {
      sent += parts.reduce((n, p) => n + p.text.length, 0);
      return findRestatements(index, parts, date);
    });
    const steps = annotator.annotateDocumentSteps!(doc);
    while (!steps.next().done);
    const second = (await annotator.restate!(doc))!;
    expect(sent).toBeGreaterThan(1000);
    expect(second.stories!.map((s) => s.storyId)).toEqual(['story-lecun-xai-failure']);
    const high = second.restatements!.filter((x) => x.confidence === 'high');
    expect(high.length).toBeGreaterThan(15);
    for (const x of high) expect(x.range.toString().replace(/\s+/g, ' ')).toBe(x.quote.replace(/\s+/g, ' '));
    const here = annotateTiers(new JSDOM(readRestatePage(page)).window.document, index);
    const key = (x: { claimId: string; confidence: string; quote?: string; passage?: string }): string => `${x.claimId}|${x.confidence}|${x.quote ?? x.passage}`;
    expect(second.restatements!.map(key)).toEqual(here.restatements.map(key));
    expect(second.stories!.map((s) => s.storyId)).toEqual(here.stories.map((s) => s.storyId));
  });

  it('sends nothing for a page that names no story’s people', async () => {
    const page = RESTATE_PAGES.find((p) => p.file === 'restate-neg-en-xai-q2.html')!;
    const doc = new JSDOM(readRestatePage(page)).window.document;
    let asked = false;
    const annotator = annotatorFor(index, async () => {
      asked = true;
      return null;
    });
    const steps = annotator.annotateDocumentSteps!(doc);
    while (!steps.next().done);
    expect(await annotator.restate!(doc)).toBeNull();
    expect(asked).toBe(false);
  });
});

// ---- the overlay's display -------------------------------------------------------------------

const EVIL = '<img src=x onerror="window.__xss=1">';
function restatedEntry(i: number, confidence: 'high' | 'low', passage = `The page's own words ${i}`): OverlayEntry {
  const ann: OverlayRestatement = {
    claimId: `c${i}`,
    method: 'restatement',
    confidence,
    range: {} as Range,
    quote: passage,
    reasons: { names: ['yann-lecun'], numbers: ['$2.5 billion'], terms: ['bubble', 'explosion'] },
    sourceId: 's',
    speaker: { id: 'p', name: { ja: '話者', en: 'Speaker' } },
    saidOn: { date: null, precision: 'unknown' },
    relations: [{ type: 'differs', claimId: 'x', speaker: { id: 'q', name: { ja: '他', en: 'Other' } }, text: { ja: '別の見方', en: 'Another view' }, sourceId: 's2' }],
  };
  const card = buildCardModel(ann, emptyCatalog, { ui: 'en' });
  return { status: 'other-view', speaker: 'Speaker', quote: passage, card, restated: restatedView(ann, emptyCatalog, 'en'), ...(confidence === 'low' ? { possible: true } : {}) };
}
const story: StoryView = {
  storyId: 'story-x',
  title: 'Yann LeCun calls xAI a failure',
  where: 'CNBC · date not stated',
  claimsOnPage: 3,
  counter: [{ claimId: 'k', speaker: 'GeekPark', text: `Reasoning is the bridge ${EVIL}`, about: 'Agents need world models' }],
};

let root: HTMLElement;
let api: OverlayApi | null;
const host: OverlayHost = {
  rects: (i) => (i < 1 ? [{ left: 100, top: 100, right: 300, bottom: 120, width: 200, height: 20, x: 100, y: 100 } as DOMRect] : []),
  reveal: () => undefined,
  setActive: () => undefined,
};
let dismissed: string[] = [];
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  api = null;
  dismissed = [];
});
afterEach(() => {
  render(null, root);
  root.remove();
});
function mount(entries: OverlayEntry[], stories: StoryView[], messages: Messages = en as Messages): void {
  act(() => {
    render(
      <I18nContext.Provider value={translator(messages)}>
        <OverlayApp entries={entries} stories={stories} ui="en" host={host} bind={(a) => (api = a)} onDismissMatch={(k) => dismissed.push(k)} />
      </I18nContext.Provider>,
      root,
    );
  });
}

describe('the overlay with restatements and stories', () => {
  it('highlights only high-confidence restatements, marked as restated; the badge counts the possibly related apart', () => {
    mount([restatedEntry(0, 'high'), restatedEntry(1, 'low')], [story]);
    const proxies = root.querySelectorAll('[data-testid="cp-proxy"]');
    expect(proxies.length).toBe(1);
    expect(proxies[0]!.getAttribute('data-kind')).toBe('restated');
    expect(proxies[0]!.getAttribute('aria-label')).toContain('Reworded account');
    const badge = root.querySelector('[data-testid="cp-badge"]')!;
    expect(badge.getAttribute('data-possible')).toBe('1');
    expect(badge.textContent).toContain('1 possibly related');
  });

  it('the card: reworded account, the page’s passage as text, the original statement, what matched, other coverage about the original', () => {
    mount([restatedEntry(0, 'high', `LeCun warned of ${EVIL} a bubble`)], []);
    act(() => api!.open(0, 'click'));
    const card = root.querySelector('[data-testid="cp-card"]')!;
    expect(card.getAttribute('data-kind')).toBe('restated');
    expect(card.querySelector('[data-testid="cp-card-restated"]')!.textContent).toBe('Reworded or translated account');
    expect(card.querySelector('[data-testid="cp-restated-passage"]')!.textContent).toBe(`LeCun warned of ${EVIL} a bubble`);
    expect(root.querySelectorAll('img').length).toBe(0);
    expect(card.querySelector('[data-testid="cp-restated-banner"]')!.textContent).toContain("not the speaker's words");
    expect(card.querySelector('[data-testid="cp-restated-reasons"]')!.textContent).toBe('Matched on: names: yann-lecun · figures: $2.5 billion · words: bubble, explosion');
    expect(card.querySelector('[data-testid="cp-other-title"]')!.textContent).toBe('What other coverage says about the original statement');
    act(() => (card.querySelector('[data-testid="cp-dismiss-match"]') as HTMLElement).click());
    expect(dismissed.length).toBe(1);
    expect(root.querySelector('[data-testid="cp-card"]')).toBeNull();
  });

  it('in Japanese', () => {
    mount([restatedEntry(0, 'high')], [story], ja as Messages);
    act(() => api!.open(0, 'click'));
    const card = root.querySelector('[data-testid="cp-card"]')!;
    expect(card.querySelector('[data-testid="cp-card-restated"]')!.textContent).toBe('言い換え・翻訳された記述');
    expect(card.querySelector('[data-testid="cp-restated-banner"]')!.textContent).toContain('発言者本人の言葉ではありません');
    expect(card.querySelector('[data-testid="cp-other-title"]')!.textContent).toBe('元の発言・記述について、他の報道は');
  });

  it('the list: the story first with its counter-claims (as text), then the highlighted, then the possibly related, which open a card', () => {
    mount([restatedEntry(0, 'high'), restatedEntry(1, 'low')], [story]);
    act(() => (root.querySelector('[data-testid="cp-badge-toggle"]') as HTMLElement).click());
    const list = root.querySelector('[data-testid="cp-list"]')!;
    const order = Array.from(list.querySelectorAll('[data-testid="cp-story"], [data-testid="cp-list-item"], [data-testid="cp-possible-item"]')).map((e) => e.getAttribute('data-testid'));
    expect(order).toEqual(['cp-story', 'cp-list-item', 'cp-possible-item']);
    expect(list.querySelector('[data-testid="cp-story-title"]')!.textContent).toContain('Yann LeCun calls xAI a failure');
    expect(list.querySelector('[data-testid="cp-story-counter"] blockquote')!.textContent).toBe(`Reasoning is the bridge ${EVIL}`);
    expect(root.querySelectorAll('img').length).toBe(0);
    act(() => (list.querySelector('[data-testid="cp-possible-item"]') as HTMLElement).click());
    expect(root.querySelector('[data-testid="cp-card"]')!.getAttribute('data-claim')).toBe('c1');
  });

  it('a page with a story and nothing highlighted still gets the badge, which says so', () => {
    mount([], [story]);
    expect(root.querySelector('[data-testid="cp-badge"]')!.textContent).toContain('reports a known story');
    expect(root.querySelector('[data-testid="cp-proxy"]')).toBeNull();
  });
});
