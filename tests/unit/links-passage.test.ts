// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { linkedIndex, passageLink, passageQuote } from '../../lib/links/passage-link';
import { buildTextDirective, parseTextFragment, textFragmentUrl } from '../../lib/links/text-fragment';
import { noteForLink } from '../../lib/messages/focus';
import { buildTextModel } from '../../lib/text/text-model';

function page(html: string) {
  document.body.innerHTML = html;
  return buildTextModel(document.body);
}

/** A DOM range over the first occurrence of `text` inside element `id`. */
function rangeOf(id: string, text: string): Range {
  const node = [...document.getElementById(id)!.childNodes].find((n) => n.nodeType === 3 && n.nodeValue!.includes(text))!;
  const r = document.createRange();
  const at = node.nodeValue!.indexOf(text);
  r.setStart(node, at);
  r.setEnd(node, at + text.length);
  return r;
}

const HTML = `<h1>Bridge</h1><p id="a">Engineers ordered forty steel cables last year.</p><p id="b">The council said the bridge will reopen on Monday.</p><p id="c">Engineers replaced forty steel cables and repainted the span.</p>`;

describe('passageLink: a link to a passage of the page the content script is on', () => {
  it('leaves context out when the passage is unique on the page', () => {
    const model = page(HTML);
    expect(passageLink('https://news.example/bridge?utm_source=x#top', model, rangeOf('b', 'the bridge will reopen'))).toBe(
      'https://news.example/bridge?utm_source=x#:~:text=the%20bridge%20will%20reopen',
    );
  });

  it('adds context from the same paragraph when the passage occurs more than once', () => {
    const model = page(HTML);
    const link = passageLink('https://news.example/bridge', model, rangeOf('c', 'forty steel cables'))!;
    expect(parseTextFragment(link)).toEqual([{ prefix: 'Engineers replaced', textStart: 'forty steel cables', suffix: 'and repainted the' }]);
  });

  it('is shorter than the link made without the page, and points at the same passage', () => {
    const model = page(HTML);
    const range = rangeOf('b', 'will reopen on Monday');
    const quote = passageQuote(model, range)!;
    const withPage = passageLink('https://news.example/bridge', model, range)!;
    const without = textFragmentUrl('https://news.example/bridge', quote)!;
    expect(withPage.length).toBeLessThan(without.length);
    expect(parseTextFragment(withPage)[0]!.textStart).toBe(parseTextFragment(without)[0]!.textStart);
  });

  it('gives nothing for a page that is not http(s) or a passage without text', () => {
    const model = page(HTML);
    expect(passageLink('file:///tmp/x.html', model, rangeOf('b', 'bridge'))).toBeNull();
    const empty = document.createRange();
    empty.setStart(document.getElementById('b')!.firstChild!, 3);
    expect(passageLink('https://news.example/', model, empty)).toBeNull();
  });
});

describe('linkedIndex / noteForLink: which passage a link was made for', () => {
  const q = (prefix: string, exact: string, suffix: string) => ({ prefix, exact, suffix });
  const quotes = [q('Engineers ordered ', 'forty steel cables', ' last year.'), q('council said ', 'the bridge will reopen', ' on Monday'), q('Engineers replaced ', 'forty steel cables', ' and repainted')];

  it('finds the passage a link names, the first of several directives that matches', () => {
    const d = buildTextDirective(quotes[1]!)!;
    expect(linkedIndex([d], quotes)).toBe(1);
    expect(linkedIndex([{ textStart: 'nothing like it' }, d], quotes)).toBe(1);
    expect(linkedIndex([{ textStart: 'nothing like it' }], quotes)).toBe(-1);
    expect(linkedIndex([], quotes)).toBe(-1);
  });

  it('matches whitespace-insensitively and by the terms, whatever the context (a link made with or without the page)', () => {
    expect(linkedIndex([{ textStart: 'the  bridge\nwill reopen' }], quotes)).toBe(1);
    expect(linkedIndex([{ prefix: 'anything', textStart: 'the bridge will reopen', suffix: 'else' }], quotes)).toBe(1);
  });

  it("of a repeated passage's notes, the first is taken (both carry the same words)", () => {
    expect(linkedIndex([buildTextDirective(quotes[2]!)!], quotes)).toBe(0);
  });

  it('a note without a highlight (a page note) is never a link target', () => {
    const notes = [{ id: 'page-note', target: null }, { id: 'n2', target: { quote: { type: 'TextQuoteSelector' as const, ...quotes[1]! }, position: null } }];
    expect(noteForLink(parseTextFragment(`https://x.example/#:~:text=the%20bridge%20will%20reopen`), notes)).toBe('n2');
    expect(noteForLink(parseTextFragment('https://x.example/#:~:text=elsewhere'), notes)).toBeNull();
    expect(noteForLink([], notes)).toBeNull();
  });
});
