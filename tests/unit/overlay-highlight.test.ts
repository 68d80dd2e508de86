// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  MARK_TAG,
  NOTE_DECLARATIONS,
  highlight,
  highlightCss,
  highlightName,
  hitTest,
  markDeclarations,
  noteHighlightCss,
  supportedStrategy,
  textSegments,
} from '../../lib/overlay/highlight';
import { CLAIM_STATUSES } from '../../lib/overlay/types';

function rangeOf(doc: Document, text: string): Range {
  const body = doc.body;
  const full = body.textContent ?? '';
  const at = full.indexOf(text);
  if (at < 0) throw new Error(`not found: ${text}`);
  const walker = doc.createTreeWalker(body, 4);
  let pos = 0;
  const r = doc.createRange();
  let started = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!started && at < pos + len) {
      r.setStart(n, at - pos);
      started = true;
    }
    if (started && at + text.length <= pos + len) {
      r.setEnd(n, at + text.length - pos);
      return r;
    }
    pos += len;
  }
  throw new Error('range end not found');
}

const page = (): Document => {
  document.body.innerHTML =
    '<article><p id="p1">Alpha <em>beta gamma</em> delta epsilon.</p><p id="p2">Zeta eta theta iota.</p></article>';
  return document;
};

describe('highlight fallback (wrapping), in jsdom which has no CSS highlight API', () => {
  it('picks the wrapping strategy when the API is missing', () => {
    expect(supportedStrategy(document)).toBe('wrap');
  });

  it('finds the text pieces of a range across elements', () => {
    const doc = page();
    const segs = textSegments(rangeOf(doc, 'beta gamma delta'));
    expect(segs.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['beta gamma', ' delta']);
  });

  it('wraps claims (also overlapping ones) without changing the text, and restores the page on destroy', () => {
    const doc = page();
    const before = doc.body.innerHTML;
    const textBefore = doc.body.textContent;
    const p1Text = doc.getElementById('p1')!.firstChild as Text;
    const h = highlight(doc, [
      { range: rangeOf(doc, 'Alpha beta'), status: 'neutral' },
      { range: rangeOf(doc, 'beta gamma delta'), status: 'contested' },
      { range: rangeOf(doc, 'eta theta'), status: 'supported' },
    ]);
    expect(h.strategy).toBe('wrap');
    expect(doc.body.textContent).toBe(textBefore);
    const marks = Array.from(doc.querySelectorAll(MARK_TAG));
    expect(marks.map((m) => m.textContent)).toEqual(['Alpha ', 'beta', ' gamma', ' delta', 'eta theta']);
    // The overlap takes the more serious status.
    expect(marks[1]!.getAttribute('data-status')).toBe('contested');
    expect(marks[0]!.getAttribute('data-status')).toBe('neutral');
    // Ranges follow the wrapped text.
    expect(h.ranges.map((r) => r.toString())).toEqual(['Alpha beta', 'beta gamma delta', 'eta theta']);
    expect(doc.querySelectorAll('style[data-counterpoint]').length).toBe(1);
    h.setActive(1);
    expect(doc.querySelectorAll(`${MARK_TAG}[data-active]`).length).toBe(3);
    h.setActive(null);
    expect(doc.querySelectorAll(`${MARK_TAG}[data-active]`).length).toBe(0);
    expect(h.owns(marks[0]!)).toBe(true);
    expect(h.owns(doc.body)).toBe(false);

    h.destroy();
    expect(doc.body.innerHTML).toBe(before);
    // The page's own text node is the same object, with its full text again.
    expect(doc.getElementById('p1')!.firstChild).toBe(p1Text);
    expect(p1Text.data).toBe('Alpha ');
    expect(doc.querySelectorAll('style[data-counterpoint]').length).toBe(0);
  });

  it('never wraps inside script or style text', () => {
    document.body.innerHTML = '<p>Visible text</p><script>var x = "Visible text";</script>';
    const r = document.createRange();
    r.selectNodeContents(document.body);
    const segs = textSegments(r);
    expect(segs.map((s) => s.node.data)).toEqual(['Visible text']);
  });

  it('hit-tests client rects', () => {
    const fake = (rects: { left: number; top: number; right: number; bottom: number }[]): Range =>
      ({ getClientRects: () => rects }) as unknown as Range;
    const ranges = [fake([{ left: 0, top: 0, right: 10, bottom: 10 }]), fake([{ left: 20, top: 20, right: 40, bottom: 30 }])];
    expect(hitTest(ranges, 25, 25)).toBe(1);
    expect(hitTest(ranges, 5, 5)).toBe(0);
    expect(hitTest(ranges, 15, 15)).toBe(-1);
  });
});

describe('mark strengths (highlight density)', () => {
  it('wraps each piece with its loudest covering strength, and its most severe status at that strength', () => {
    const doc = page();
    const h = highlight(doc, [
      { range: rangeOf(doc, 'Alpha beta'), status: 'contested', strength: 'subtle' },
      { range: rangeOf(doc, 'beta gamma'), status: 'neutral' },
      { range: rangeOf(doc, 'eta theta'), status: 'other-view', strength: 'none' },
    ]);
    const marks = Array.from(doc.querySelectorAll(MARK_TAG)).map((m) => [m.textContent, m.getAttribute('data-strength'), m.getAttribute('data-status')]);
    expect(marks).toEqual([
      ['Alpha ', 'subtle', 'contested'],
      // Strong neutral over subtle contested: the strong mark is what the reader sees there.
      ['beta', 'strong', 'neutral'],
      [' gamma', 'strong', 'neutral'],
      ['eta theta', 'none', 'other-view'],
    ]);
    // An unmarked claim keeps its range and can still be shown as the active one.
    expect(h.ranges[2]!.toString()).toBe('eta theta');
    h.setActive(2);
    expect(Array.from(doc.querySelectorAll(`${MARK_TAG}[data-active]`)).map((m) => m.textContent)).toEqual(['eta theta']);
    h.destroy();
    expect(doc.querySelectorAll(MARK_TAG).length).toBe(0);
  });

  it('styles subtle marks quieter than strong ones, and paints nothing for none', () => {
    for (const status of CLAIM_STATUSES) {
      const strong = markDeclarations(status, 'strong');
      const subtle = markDeclarations(status, 'subtle');
      expect(strong).toMatch(/background-color/);
      expect(subtle).not.toMatch(/background/);
      expect(subtle).toMatch(/thickness: 1px/);
      // Same underline style (the status's shape), so the legend's shapes hold for both.
      expect(subtle.match(/underline (\w+)/)![1]).toBe(strong.match(/underline (\w+)/)![1]);
    }
    const wrapCss = highlightCss('wrap');
    expect(wrapCss).toContain(`${MARK_TAG}[data-strength="subtle"][data-status="neutral"]`);
    expect(wrapCss).not.toContain('data-strength="none"');
    const apiCss = highlightCss('css');
    expect(apiCss).toContain('::highlight(counterpoint-neutral-subtle)');
    // Strong rules come after subtle ones: where both apply, the strong one wins.
    expect(apiCss.indexOf('::highlight(counterpoint-contested)')).toBeGreaterThan(apiCss.indexOf('::highlight(counterpoint-contested-subtle)'));
  });

  it("gives the reader's notes a mark unlike any claim's or the active one", () => {
    expect(noteHighlightCss()).toBe(`::highlight(counterpoint-note) { ${NOTE_DECLARATIONS} }`);
    expect(NOTE_DECLARATIONS).toMatch(/underline double/);
    const claimCss = highlightCss('css');
    expect(claimCss).not.toMatch(/double/);
    expect(claimCss).not.toContain(NOTE_DECLARATIONS.match(/background-color: [^;]+/)![0]);
  });

  it('registers strong and used subtle highlights with the CSS highlight API, and removes them on destroy', () => {
    const doc = page();
    const win = window as unknown as { CSS: { highlights?: Map<string, { ranges: Range[] }> }; Highlight?: unknown };
    const hadCss = 'CSS' in window;
    win.CSS ??= {} as never;
    const reg = new Map<string, { ranges: Range[] }>();
    win.CSS.highlights = reg;
    win.Highlight = class {
      ranges: Range[];
      constructor(...r: Range[]) {
        this.ranges = r;
      }
    };
    try {
      expect(supportedStrategy(doc)).toBe('css');
      const h = highlight(doc, [
        { range: rangeOf(doc, 'Alpha beta'), status: 'neutral', strength: 'subtle' },
        { range: rangeOf(doc, 'gamma delta'), status: 'neutral' },
        { range: rangeOf(doc, 'eta theta'), status: 'contested', strength: 'none' },
      ]);
      expect(reg.get(highlightName('neutral'))!.ranges.map(String)).toEqual(['gamma delta']);
      expect(reg.get(highlightName('neutral', 'subtle'))!.ranges.map(String)).toEqual(['Alpha beta']);
      expect(reg.get(highlightName('contested'))!.ranges).toEqual([]);
      expect(reg.has(highlightName('contested', 'subtle'))).toBe(false);
      expect(h.ranges.map(String)).toEqual(['Alpha beta', 'gamma delta', 'eta theta']);
      h.setActive(2);
      expect(reg.get('counterpoint-active')!.ranges.map(String)).toEqual(['eta theta']);
      h.destroy();
      expect([...reg.keys()]).toEqual([]);
    } finally {
      delete win.Highlight;
      delete win.CSS.highlights;
      if (!hadCss) delete (window as { CSS?: unknown }).CSS;
    }
  });
});
