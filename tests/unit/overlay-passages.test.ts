// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { groupPassages, passageText, rangesOverlap } from '../../lib/overlay/passages';
import { foldForCompare, passageMatch } from '../../lib/overlay/passage-match';
import { lineBoxes, outlinePath, outlinePolygons } from '../../lib/overlay/outline';
import { chooseCorner, nearestCorner, rectAt, type BadgeCorner } from '../../lib/overlay/badge-placement';
import { placeCard } from '../../lib/overlay/card-placement';

function textRange(node: Text, start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

describe('passages: what the reader points at', () => {
  it('groups overlapping claim ranges into one passage, most severe claim first; touching ranges stay apart', () => {
    document.body.innerHTML = '<p>0123456789abcdefghij</p>';
    const t = document.querySelector('p')!.firstChild as Text;
    const ranges = [textRange(t, 0, 5), textRange(t, 3, 8), textRange(t, 8, 10), textRange(t, 12, 15)];
    expect(rangesOverlap(ranges[0]!, ranges[1]!)).toBe(true);
    expect(rangesOverlap(ranges[1]!, ranges[2]!)).toBe(false); // [3,8) and [8,10) only touch
    const passages = groupPassages(ranges, ['neutral', 'contested', 'neutral', 'supported']);
    expect(passages.map((p) => p.members)).toEqual([[1, 0], [2], [3]]);
    expect(passages[0]!.range.toString()).toBe('01234567');
  });

  it('keeps reading order whatever order the claims come in, and joins chains (a overlaps b overlaps c)', () => {
    document.body.innerHTML = '<p>0123456789abcdefghij</p>';
    const t = document.querySelector('p')!.firstChild as Text;
    const ranges = [textRange(t, 10, 14), textRange(t, 0, 4), textRange(t, 3, 7), textRange(t, 6, 9)];
    const passages = groupPassages(ranges);
    expect(passages.map((p) => p.members)).toEqual([[1, 2, 3], [0]]);
    expect(passages[0]!.range.toString()).toBe('012345678');
  });

  it('across elements too', () => {
    document.body.innerHTML = '<p id="a">first <b>bold</b> end</p><p id="b">second</p>';
    const a = document.querySelector('#a')!;
    const r1 = document.createRange();
    r1.setStart(a.firstChild!, 0);
    r1.setEnd(a.querySelector('b')!.firstChild!, 2);
    const r2 = document.createRange();
    r2.setStart(a.querySelector('b')!.firstChild!, 1);
    r2.setEnd(a.lastChild!, 2);
    const r3 = document.createRange();
    r3.selectNodeContents(document.querySelector('#b')!);
    expect(groupPassages([r1, r2, r3]).map((p) => p.members)).toEqual([[0, 1], [2]]);
  });

  it('reads a passage as the reader sees it: no ruby readings, no script, spaces folded', () => {
    document.body.innerHTML = '<p>共同<ruby>創設者<rp>(</rp><rt>そうせつしゃ</rt><rp>)</rp></ruby>の  Tony\n Wu<script>x()</script>が</p>';
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('p')!);
    expect(r.toString()).toContain('そうせつしゃ');
    expect(passageText(r)).toBe('共同創設者の Tony Wuが');
  });
});

describe('passage vs. claim: what the card says when they differ', () => {
  const base = { claimText: { ja: '現地時間2026年2月10日、xAIの共同創設者Tony Wuが退職を発表した', en: 'Tony Wu announced his departure.' }, translated: [] as ('ja' | 'en')[] };
  it('same words after folding width, quotes and spacing', () => {
    expect(passageMatch({ ...base, passage: '現地時間２０２６年２月１０日、xAIの共同創設者Ｔｏｎｙ Ｗｕが退職を発表した', lang: 'ja', method: 'exact' })).toBe('same');
    expect(foldForCompare('「思考させる」')).toBe(foldForCompare('“思考させる”'));
  });
  it("the source's headline restating the claim", () => {
    const title = { ja: 'XAIのキーパーソンが逃亡', en: "xAI's key figure flees" };
    expect(passageMatch({ ...base, passage: 'XAIのキーパーソンが逃亡', lang: 'ja', method: 'exact', score: 1, sourceTitle: title })).toBe('headline');
  });
  it("the source's own translation where the card shows Counterpoint's", () => {
    expect(passageMatch({ ...base, passage: 'ダイジェストの訳文', lang: 'ja', method: 'exact', translated: ['ja'], sourceHasLang: true })).toBe('translation');
  });
  it('another passage the dataset records as the same claim, or a restatement match', () => {
    expect(passageMatch({ ...base, passage: '別の文', lang: 'ja', method: 'exact' })).toBe('restates');
    expect(passageMatch({ ...base, passage: '別の文', lang: 'ja', method: 'restatement' })).toBe('restates');
  });
  it('an edited copy: a near match', () => {
    expect(passageMatch({ ...base, passage: 'Tony Wu announced that he leaves.', lang: 'en', method: 'fuzzy', score: 0.9 })).toBe('reworded');
  });
});

describe('one focus ring per passage', () => {
  it('merges the rects of one line (word runs, inline elements) into one box per line', () => {
    const lines = lineBoxes([
      { left: 10, top: 100, right: 60, bottom: 120 },
      { left: 60, top: 101, right: 200, bottom: 119 },
      { left: 0, top: 120, right: 150, bottom: 140 },
      { left: 150, top: 120, right: 150, bottom: 140 }, // empty
    ]);
    expect(lines).toEqual([
      { left: 10, top: 100, right: 200, bottom: 120 },
      { left: 0, top: 120, right: 150, bottom: 140 },
    ]);
  });
  it('outlines consecutive lines with one polygon, and a passage split across columns with two', () => {
    const lines = [
      { left: 100, top: 0, right: 500, bottom: 20 },
      { left: 10, top: 24, right: 500, bottom: 44 },
      { left: 10, top: 48, right: 200, bottom: 68 },
    ];
    const one = outlinePolygons(lines, 0);
    expect(one).toHaveLength(1);
    expect(outlinePath(one).match(/M/g)).toHaveLength(1);
    // A staircase: 8 corners (top-right, right side down to the last line, back up the left).
    expect(one[0]).toHaveLength(8);
    const two = outlinePolygons([{ left: 10, top: 0, right: 200, bottom: 20 }, { left: 600, top: 300, right: 800, bottom: 320 }], 0);
    expect(two).toHaveLength(2);
  });
});

describe('badge placement', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 300, height: 60 };
  it('bottom right by default; away from a fixed banner with buttons in that corner', () => {
    expect(chooseCorner({ viewport, size, textColumn: null, obstacles: () => 0 }).corner).toBe('bottom-right');
    const banner = (c: BadgeCorner): number => (c.startsWith('bottom') ? 6 : 0);
    expect(chooseCorner({ viewport, size, textColumn: null, obstacles: banner }).corner).toBe('top-right');
  });
  it('prefers a corner beside the text column, and the reader’s choice over everything', () => {
    const column = { left: 350, right: 980 }; // the text runs on the right
    expect(chooseCorner({ viewport, size, textColumn: column, obstacles: () => 0 }).corner).toBe('bottom-left');
    expect(chooseCorner({ viewport, size, textColumn: column, obstacles: () => 9, chosen: 'top-right' }).corner).toBe('top-right');
  });
  it('snaps a dragged badge to the nearest corner', () => {
    expect(nearestCorner(100, 100, viewport)).toBe('top-left');
    expect(nearestCorner(900, 700, viewport)).toBe('bottom-right');
    expect(rectAt('top-left', size, viewport)).toEqual({ left: 16, top: 16, right: 316, bottom: 76 });
  });
});

describe('card placement: never over the passage it explains', () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 440, height: 300 };
  const clear = (p: ReturnType<typeof placeCard>, box: { top: number; bottom: number; left: number; right: number }): boolean => {
    const h = Math.min(card.height, p.maxHeight);
    const w = Math.min(card.width, p.maxWidth);
    return p.top >= box.bottom || p.top + h <= box.top || p.left >= box.right || p.left + w <= box.left;
  };
  it('below when there is room, above when there is more', () => {
    const low = { left: 100, top: 100, right: 600, bottom: 140 };
    const p = placeCard({ viewport, passage: [low], card, maxWidth: 440 });
    expect(p.side).toBe('below');
    expect(clear(p, low)).toBe(true);
    const high = { left: 100, top: 600, right: 600, bottom: 640 };
    const q = placeCard({ viewport, passage: [high], card, maxWidth: 440 });
    expect(q.side).toBe('above');
    expect(clear(q, high)).toBe(true);
  });
  it('beside a tall passage that fills the height, when the side has room', () => {
    const tall = { left: 40, top: 60, right: 500, bottom: 760 };
    const p = placeCard({ viewport, passage: [tall], card, maxWidth: 440 });
    expect(p.side).toBe('right');
    expect(p.clear).toBe(true);
    expect(clear(p, tall)).toBe(true);
  });
  it('says when nothing is clear (the caller scrolls the passage for a card the reader asked for)', () => {
    const full = { left: 10, top: 40, right: 990, bottom: 780 };
    expect(placeCard({ viewport, passage: [full], card, maxWidth: 440 }).clear).toBe(false);
  });
});
