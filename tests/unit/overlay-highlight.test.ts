// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MARK_TAG, highlight, hitTest, supportedStrategy, textSegments } from '../../lib/overlay/highlight';

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
