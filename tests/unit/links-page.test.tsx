// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { MountShadowUi } from '../../components/shadow-ui';
import { OverlaySession } from '../../components/overlay/overlay-session';
import { parseTextFragment } from '../../lib/links/text-fragment';
import type { BackgroundRequest, Reply } from '../../lib/messages/protocol';
import { PageNotes } from '../../lib/notes/page-notes';
import type { OverlayAnnotation, OverlayRestatement } from '../../lib/overlay/types';
import en from '../../public/_locales/en/messages.json';
import { translator, type Messages } from '../helpers/locale';

/**
 * The content script's side of links, in a page (jsdom): a note's link and a claim's link are made
 * with the page's text; a claim's card opens when the page was opened at its passage's link.
 */

// jsdom lays nothing out: ranges have no boxes (the overlay reads them to place cards and rings).
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => ({ left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0 }) as DOMRect;
Element.prototype.scrollIntoView ??= () => undefined;
window.scrollBy = () => undefined;

const URL_ = 'https://news.example/bridge';
const HTML = `<article><h1>Bridge</h1><p id="a">Engineers ordered forty steel cables last year.</p><p id="b">The council said the bridge will reopen on Monday.</p><p id="c">Engineers replaced forty steel cables and repainted the span.</p></article>`;

function rangeOf(id: string, text: string): Range {
  const node = document.getElementById(id)!.firstChild as Text;
  const at = node.data.indexOf(text);
  const r = document.createRange();
  r.setStart(node, at);
  r.setEnd(node, at + text.length);
  return r;
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await act(() => new Promise<void>((r) => setTimeout(r, 1)));
};

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe("PageNotes.linkFor: a note's link made on its page", () => {
  it('is short for a unique passage, carries context for a repeated one, and is null for a note not drawn here', async () => {
    history.replaceState(null, '', URL_.replace('https://news.example', ''));
    document.body.innerHTML = HTML;
    const quote = (prefix: string, exact: string, suffix: string) => ({ type: 'TextQuoteSelector' as const, prefix, exact, suffix });
    const notes = [
      { id: 'unique', url: URL_, target: { quote: quote('The council said ', 'the bridge will reopen', ' on Monday.'), position: null } },
      { id: 'repeated', url: URL_, target: { quote: quote('Engineers replaced ', 'forty steel cables', ' and repainted the span.'), position: null } },
      { id: 'gone', url: URL_, target: { quote: quote('', 'words the page does not have', ''), position: null } },
    ];
    const request = async <R extends BackgroundRequest>(r: R): Promise<Reply<R['type']>> => {
      if (r.type === 'notes:highlights') return { ok: true, page: { url: URL_, sourceUrl: URL_, title: '' }, notes, candidates: [] } as unknown as Reply<R['type']>;
      return { ok: true, updated: 0 } as unknown as Reply<R['type']>;
    };
    const page = new PageNotes(document, { request, mayHaveNotes: async () => true, claimsOnPage: async () => [], isOurs: (el) => el.localName.startsWith('counterpoint-') });
    await flush();
    expect(page.highlightState().placed.sort()).toEqual(['repeated', 'unique']);
    // jsdom's location is http://localhost…; the note's own address is what the link opens.
    expect(page.linkFor('unique')).toBe(`${URL_}#:~:text=the%20bridge%20will%20reopen`);
    expect(parseTextFragment(page.linkFor('repeated')!)).toEqual([{ prefix: 'Engineers replaced', textStart: 'forty steel cables', suffix: 'and repainted the' }]);
    expect(page.linkFor('gone')).toBeNull();
    expect(page.linkFor('unknown')).toBeNull();
    page.disconnect();
  });
});

describe("a claim's link on the page", () => {
  const ann = (claimId: string, range: Range): OverlayAnnotation => ({
    claimId,
    range,
    quote: range.toString(),
    sourceId: 's',
    speaker: { id: 'p', name: { ja: '話者', en: 'Speaker' } },
    saidOn: { date: null, precision: 'unknown' } as OverlayAnnotation['saidOn'],
    relations: [],
  });
  const mountUi: MountShadowUi = async (name, options) => {
    const host = document.createElement(name);
    const container = document.createElement('div');
    host.append(container);
    document.body.append(host);
    return { host, shadow: host.attachShadow({ mode: 'open' }), container, remove: () => (options?.onRemove?.(container), host.remove()) };
  };

  async function open() {
    document.body.innerHTML = HTML;
    const anns = [ann('c-bridge', rangeOf('b', 'the bridge will reopen')), ann('c-cables', rangeOf('c', 'forty steel cables'))];
    const written: string[] = [];
    const session = await OverlaySession.open(document, { highlighted: anns, possible: [], stories: [] }, 'sig', {
      ui: 'en',
      translate: translator(en as Messages),
      openSource: () => undefined,
      mountUi,
      measure: () => undefined,
      writeText: async (t) => void written.push(t),
    });
    return { session, written };
  }
  const card = () => document.querySelector('counterpoint-badge [data-testid="cp-card"]');

  it("the card's Copy link copies a link to the claim's passage on this page", async () => {
    const { session, written } = await open();
    expect(session.linkFor(1)).toMatch(/#:~:text=Engineers%20replaced-,forty%20steel%20cables,-and/);
    expect(session.linkFor(0)).toMatch(/#:~:text=the%20bridge%20will%20reopen$/);
    // Open the second card (as the reader would, through its keyboard proxy) and press Copy link.
    await act(() => (document.querySelectorAll<HTMLElement>('counterpoint-badge [data-testid="cp-proxy"]')[1]!).click());
    await act(() => (document.querySelector<HTMLElement>('counterpoint-badge [data-testid="cp-copy-link"]')!).click());
    await flush();
    expect(written).toEqual([session.linkFor(1)]);
    session.disconnect();
  });

  it("opens the card of the claim whose passage the page was opened at, and none for another link", async () => {
    const { session } = await open();
    expect(session.openLinked(parseTextFragment('#:~:text=nothing%20here'))).toBe(false);
    expect(card()).toBeNull();
    expect(session.openLinked(parseTextFragment(session.linkFor(1)!))).toBe(true);
    await flush();
    expect(card()!.getAttribute('data-claim')).toBe('c-cables');
    session.disconnect();
  });

  it('a "possibly related" passage (listed, not painted) has its link too, and its card opens from it', async () => {
    document.body.innerHTML = HTML;
    const possible: OverlayRestatement = {
      ...ann('c-order', rangeOf('a', 'Engineers ordered forty steel cables last year.')),
      method: 'restatement',
      confidence: 'low',
      reasons: { names: [], numbers: ['forty'], terms: ['cables'] },
    };
    const session = await OverlaySession.open(document, { highlighted: [ann('c-bridge', rangeOf('b', 'the bridge will reopen'))], possible: [possible], stories: [] }, 'sig', {
      ui: 'en',
      translate: translator(en as Messages),
      openSource: () => undefined,
      mountUi,
      measure: () => undefined,
    });
    expect(session.ranges).toHaveLength(1);
    expect(session.linkFor(1)).toMatch(/#:~:text=Engineers%20ordered%20forty%20steel%20cables%20last%20year\.?/);
    expect(session.linkFor(2)).toBeNull();
    expect(session.openLinked(parseTextFragment(session.linkFor(1)!))).toBe(true);
    await flush();
    expect(card()!.getAttribute('data-claim')).toBe('c-order');
    session.disconnect();
  });
});
