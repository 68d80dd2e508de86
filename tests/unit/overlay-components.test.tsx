// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nContext, type Translate } from '../../components/i18n';
import { OverlayApp, type OverlayEntry, type OverlayPassage } from '../../components/overlay/OverlayApp';
import type { OverlayApi, OverlayHost } from '../../lib/overlay/types';
import { buildCardModel } from '../../lib/overlay/card-model';
import { emptyCatalog } from '../../lib/overlay/catalog';
import type { OverlayAnnotation } from '../../lib/overlay/types';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { translator, type Messages } from '../helpers/locale';

const EVIL = '<img src=x onerror="window.__xss=1">';
function entry(i: number, contested: boolean, quote = `Quote number ${i}`): OverlayEntry {
  const ann: OverlayAnnotation = {
    claimId: `c${i}`,
    range: {} as Range,
    quote,
    sourceId: 's',
    speaker: { id: 'p', name: { ja: '話者', en: 'Speaker' } },
    saidOn: { date: '2026-02-10', precision: 'day' },
    relations: contested
      ? [{ type: 'contradicts', claimId: 'x', speaker: { id: 'q', name: { ja: '他', en: 'Other' } }, text: { ja: `反論 ${EVIL}`, en: `Counter ${EVIL}` }, sourceId: 's2', why: { ja: '理由', en: 'because' } }]
      : [],
  };
  const card = buildCardModel(ann, emptyCatalog, { ui: 'en' });
  return { status: contested ? 'contested' : 'neutral', speaker: 'Speaker', quote, card };
}

let root: HTMLElement;
let api: OverlayApi | null;
let hides = 0;
const picks: [number, string][] = [];
const active: (number | null)[] = [];
const host: OverlayHost = {
  rects: () => [{ left: 100, top: 100, right: 300, bottom: 120, width: 200, height: 20, x: 100, y: 100 } as DOMRect],
  reveal: () => undefined,
  setActive: (i) => active.push(i),
};

beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  api = null;
  active.length = 0;
  hides = 0;
  picks.length = 0;
});
afterEach(() => {
  render(null, root);
  root.remove();
  delete (window as unknown as { __xss?: unknown }).__xss;
});

function mount(entries: OverlayEntry[], messages: Messages = en as Messages, passages?: OverlayPassage[]): void {
  act(() => {
    render(
      <I18nContext.Provider value={translator(messages)}>
        <OverlayApp
          entries={entries}
          passages={passages}
          ui="en"
          host={host}
          bind={(a) => (api = a)}
          onHide={() => hides++}
          onPick={(p, c) => picks.push([p, c])}
        />
      </I18nContext.Provider>,
      root,
    );
  });
}

describe('overlay components', () => {
  it('shows the plain badge when there is no claim', () => {
    mount([]);
    expect(root.querySelector('[data-testid="cp-badge"]')!.textContent).toContain('Counterpoint');
    expect(root.querySelector('[data-testid="cp-proxy"]')).toBeNull();
  });

  it('summarises claims on the badge in both languages', () => {
    mount([entry(0, true), entry(1, false), entry(2, true)]);
    expect(root.querySelector('[data-testid="cp-badge"]')!.textContent).toContain('3 claims · 2 contested');
    render(null, root);
    mount([entry(0, true), entry(1, false), entry(2, true)], ja as Messages);
    expect(root.querySelector('[data-testid="cp-badge"]')!.textContent).toContain('主張 3 件 · 矛盾 2 件');
    render(null, root);
    // No "0 contested" when nothing is contradicted: another view is counted on its own, never as contested.
    const other = (i: number): OverlayEntry => ({ ...entry(i, false), status: 'other-view' });
    mount([other(0), entry(1, false)]);
    expect(root.querySelector('[data-testid="cp-badge"]')!.textContent).toContain('2 claims · 1 with another view');
    expect(root.querySelector('[data-testid="cp-badge"]')!.textContent).not.toContain('contested');
  });

  it('renders page and dataset text as text, never as markup', () => {
    mount([entry(0, true, `He said ${EVIL} today`)]);
    act(() => api!.open(0, 'click'));
    act(() => (root.querySelector('[data-testid="cp-badge-toggle"]') as HTMLElement).click());
    expect(root.querySelectorAll('img').length).toBe(0);
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
    expect(root.querySelector('[data-testid="cp-list-item"]')!.textContent).toContain(EVIL);
    expect(root.querySelector('[data-testid="cp-proxy"]')!.getAttribute('aria-label')).toContain(EVIL);
    expect(root.querySelector('[data-testid="cp-related"] blockquote')!.textContent).toBe(`Counter ${EVIL}`);
  });

  it('opens a card with ARIA dialog semantics, focuses it for keyboard use, and returns focus on Escape', () => {
    mount([entry(0, true), entry(1, false)]);
    const proxy = root.querySelectorAll<HTMLButtonElement>('[data-testid="cp-proxy"]')[1]!;
    proxy.focus();
    act(() => proxy.click());
    const card = root.querySelector('[data-testid="cp-card"]')!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('data-claim')).toBe('c1');
    expect(document.activeElement).toBe(card);
    expect(proxy.getAttribute('aria-expanded')).toBe('true');
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[data-testid="cp-card"]')).toBeNull();
    expect(document.activeElement).toBe(proxy);
  });

  it('a hover card closes when the pointer leaves; a pinned one stays', async () => {
    mount([entry(0, true)]);
    act(() => api!.open(0, 'hover'));
    expect(root.querySelector('[data-testid="cp-card"]')).not.toBeNull();
    act(() => api!.hoverEnd());
    await act(() => new Promise((r) => setTimeout(r, 450)));
    expect(root.querySelector('[data-testid="cp-card"]')).toBeNull();
    act(() => api!.open(0, 'click'));
    act(() => api!.hoverEnd());
    await act(() => new Promise((r) => setTimeout(r, 450)));
    expect(root.querySelector('[data-testid="cp-card"]')).not.toBeNull();
  });

  it('toggles the claim text to the other language', () => {
    mount([entry(0, true)]);
    act(() => api!.open(0, 'click'));
    const text = (): string => root.querySelector('[data-testid="cp-card-text"]')!.getAttribute('lang')!;
    expect(text()).toBe('en');
    act(() => (root.querySelector('[data-testid="cp-lang-toggle"]') as HTMLElement).click());
    expect(text()).toBe('ja');
  });

  it('the badge list opens a card for the chosen claim; "Hide for this page" asks the session to take everything away', () => {
    mount([entry(0, true), entry(1, false), entry(2, false)]);
    act(() => (root.querySelector('[data-testid="cp-badge-toggle"]') as HTMLElement).click());
    const items = root.querySelectorAll<HTMLElement>('[data-testid="cp-list-item"]');
    expect(items.length).toBe(3);
    act(() => items[2]!.click());
    expect(root.querySelector('[data-testid="cp-card"]')!.getAttribute('data-claim')).toBe('c2');
    expect(root.querySelector('[data-testid="cp-list"]')).toBeNull();
    act(() => (root.querySelector('[data-testid="cp-badge-dismiss"]') as HTMLElement).click());
    expect(hides).toBe(1);
    expect(root.querySelector('[data-testid="cp-card"]')).toBeNull();
  });

  it('one passage, one card: several claims on it are listed, each reachable, none hidden behind another', () => {
    const a = entry(0, false);
    const b = { ...entry(1, true), speaker: 'Other speaker' };
    b.card = { ...b.card, who: { ...b.card.who, name: 'Other speaker' } };
    mount([a, b, entry(2, false)], en as Messages, [{ members: [1, 0] }, { members: [2] }]);
    // One keyboard stop per passage, not per claim.
    expect(root.querySelectorAll('[data-testid="cp-proxy"]').length).toBe(2);
    act(() => api!.open(0, 'click'));
    const card = () => root.querySelector('[data-testid="cp-card"]')!;
    expect(root.querySelectorAll('[data-testid="cp-card"]').length).toBe(1);
    expect(card().getAttribute('data-claims')).toBe('2');
    const tabs = root.querySelectorAll<HTMLElement>('[data-testid="cp-card-claim-tab"]');
    expect([...tabs].map((x) => x.getAttribute('data-claim'))).toEqual(['c1', 'c0']);
    expect(root.querySelector('[data-testid="cp-card-claims"]')!.textContent).toContain('2 claims on this passage');
    expect(card().getAttribute('data-claim')).toBe('c1'); // the contested one first
    act(() => tabs[1]!.click());
    expect(card().getAttribute('data-claim')).toBe('c0');
    // Opening by claim id (the side panel, the badge list) shows that claim of the passage.
    act(() => api!.open(0, 'click', 'c0'));
    expect(card().getAttribute('data-claim')).toBe('c0');
    // A single-claim passage has no tabs.
    act(() => api!.open(1, 'click'));
    expect(root.querySelector('[data-testid="cp-card-claims"]')).toBeNull();
  });

  it("says when the page's words are not the claim's (a headline restating it), and shows both", () => {
    const e = entry(0, false, 'Page headline words');
    e.card = { ...e.card, passage: { text: 'Page headline words', lang: 'en', match: 'headline' }, text: { en: 'The claim itself', ja: '主張そのもの' } };
    const same = entry(1, false);
    mount([e, same]);
    act(() => api!.open(0, 'click'));
    expect(root.querySelector('[data-testid="cp-card-passage"]')!.getAttribute('data-match')).toBe('headline');
    expect(root.querySelector('[data-testid="cp-card-passage-text"]')!.textContent).toBe('Page headline words');
    expect(root.querySelector('[data-testid="cp-card-passage-why"]')!.textContent).toMatch(/headline/);
    expect(root.querySelector('[data-testid="cp-card-text"]')!.textContent).toBe('The claim itself');
    act(() => api!.open(1, 'click'));
    expect(root.querySelector('[data-testid="cp-card-passage"]')).toBeNull();
  });

  it('one Tab stop for the claims; arrow keys and the next-claim key move between passages', () => {
    mount([entry(0, false), entry(1, false), entry(2, false)]);
    const proxies = () => [...root.querySelectorAll<HTMLElement>('[data-testid="cp-proxy"]')];
    expect(proxies().map((p) => p.tabIndex)).toEqual([0, -1, -1]);
    proxies()[0]!.focus();
    act(() => {
      proxies()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    // jsdom events are untrusted: the overlay acts only on the reader's own keys.
    expect(document.activeElement).toBe(proxies()[0]);
    act(() => api!.step(1));
    expect(document.activeElement).toBe(proxies()[1]);
    expect(proxies().map((p) => p.tabIndex)).toEqual([-1, 0, -1]);
    act(() => api!.step(-1));
    act(() => api!.step(-1));
    expect(document.activeElement).toBe(proxies()[2]); // wraps around
    // With a card open, the next-claim key opens the next passage's card.
    act(() => api!.open(0, 'click'));
    act(() => api!.step(1));
    expect(root.querySelector('[data-testid="cp-card"]')!.getAttribute('data-claim')).toBe('c1');
  });

  it('draws one focus ring per passage, around all its lines', () => {
    mount([entry(0, false)]);
    act(() => root.querySelector<HTMLElement>('[data-testid="cp-proxy"]')!.focus());
    const rings = root.querySelectorAll('[data-testid="cp-ring"]');
    expect(rings.length).toBe(1);
    expect(rings[0]!.getAttribute('data-outlines')).toBe('1');
  });

  it('tells the side panel about cards the reader asked for, not about hovers', () => {
    mount([entry(0, false), entry(1, false)]);
    act(() => api!.open(0, 'hover'));
    expect(picks).toEqual([]);
    act(() => api!.open(1, 'click'));
    expect(picks).toEqual([[1, 'c1']]);
  });

  it('every overlay string exists in both locales', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('ov'));
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(ja, k).toHaveProperty(k);
  });
});
