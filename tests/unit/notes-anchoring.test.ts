import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { anchorTarget, PageText } from '../../lib/anchoring/anchor';
import { canonicalUrl, cleanUrl } from '../../lib/anchoring/canonical-url';
import { bigramDice } from '../../lib/anchoring/find-quote';
import { describeOffsets, describeRange } from '../../lib/anchoring/selectors';
import { overlappingClaim, planPage } from '../../lib/anchoring/reanchor';
import { ownNoteFields } from '../../lib/storage/db';
import { normalizeWithMap, toOriginalRange } from '../../lib/text/normalize';
import { buildTextModel, pointAt } from '../../lib/text/text-model';

const dom = (html: string) => new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`, { url: 'https://news.example/story?id=3&utm_source=tw#top' }).window.document;

describe('canonicalUrl', () => {
  it('strips tracking parameters and fragment, keeps content parameters', () => {
    expect(cleanUrl('https://a.example/p?id=1&utm_source=x&UTM_Medium=y&fbclid=z&gclid=q#frag')).toBe('https://a.example/p?id=1');
    expect(cleanUrl('https://a.example/p?utm_campaign=1')).toBe('https://a.example/p');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
  });
  it('prefers rel=canonical, resolved and cleaned', () => {
    expect(canonicalUrl({ href: 'https://m.example/s?fbclid=1', canonicalHref: '/story/1?utm_source=a#x' })).toBe('https://m.example/story/1');
    expect(canonicalUrl({ href: 'https://m.example/s', canonicalHref: 'https://m.example/story' })).toBe('https://m.example/story');
    expect(canonicalUrl({ href: 'https://m.example/s', canonicalHref: 'data:text/html,x' })).toBe('https://m.example/s');
    expect(canonicalUrl({ href: 'chrome://settings' })).toBeNull();
  });
  it('joins URLs only within the page\'s own origin', () => {
    // A page naming another site's article as its canonical is not that article.
    expect(canonicalUrl({ href: 'https://m.example/s', canonicalHref: 'https://www.example/story' })).toBe('https://m.example/s');
    expect(canonicalUrl({ href: 'https://evil.example/x', canonicalHref: '//news.example/story' })).toBe('https://evil.example/x');
    expect(canonicalUrl({ href: 'https://news.example:8443/x', canonicalHref: 'https://news.example/story' })).toBe('https://news.example:8443/x');
    expect(canonicalUrl({ href: 'http://news.example/x', canonicalHref: 'https://news.example/story' })).toBe('http://news.example/x');
  });
  it('reads a document', () => {
    const d = dom('<p>x</p>');
    expect(canonicalUrl(d)).toBe('https://news.example/story?id=3');
    const link = d.createElement('link');
    link.setAttribute('rel', 'Canonical');
    link.setAttribute('href', 'https://news.example/canon');
    d.head.append(link);
    expect(canonicalUrl(d)).toBe('https://news.example/canon');
  });
});

describe('selectors', () => {
  it('describes a range across inline elements with 32 characters of context', () => {
    const d = dom('<h1>Title</h1><p>Alpha beta <b>gamma</b> delta epsilon zeta eta theta iota kappa lambda mu.</p><script>var x=1</script>');
    const model = buildTextModel(d.body);
    const b = d.querySelector('b')!;
    const range = d.createRange();
    range.setStart(b.firstChild!, 0);
    range.setEnd(b.nextSibling!, 6); // "gamma delta"
    const t = describeRange(model, range)!;
    expect(t.quote.exact).toBe('gamma delta');
    expect(t.quote.prefix).toBe('Title\nAlpha beta ');
    expect(t.quote.suffix).toBe(' epsilon zeta eta theta iota kap');
    expect(model.text.slice(t.position!.start, t.position!.end)).toBe('gamma delta');
    expect(model.text).not.toContain('var x');
  });
  it('handles element boundary points and trims whitespace', () => {
    const d = dom('<p>one</p><p>two three</p>');
    const model = buildTextModel(d.body);
    const range = d.createRange();
    range.setStart(d.body, 1); // before the second <p>
    range.setEnd(d.body, 2); // after it
    expect(describeRange(model, range)!.quote.exact).toBe('two three');
    expect(describeOffsets('   ', 0, 3)).toBeNull();
  });
  it('maps offsets back to DOM points', () => {
    const d = dom('<p>ab<i>cd</i></p><p>ef</p>');
    const model = buildTextModel(d.body);
    expect(model.text).toBe('abcd\nef\n');
    expect(pointAt(model, 2, 'start')).toMatchObject({ offset: 0 });
    expect(pointAt(model, 4, 'start')!.node.data).toBe('ef');
    expect(pointAt(model, 5, 'end')!.node.data).toBe('cd');
  });
});

describe("the claim matcher's normaliser, as notes use it", () => {
  it('folds with an offset map back to the page text', () => {
    const n = normalizeWithMap('ＡＩ  の\n父 Test');
    expect(n.text).toBe('aiの父test');
    const at = n.text.indexOf('test');
    expect(toOriginalRange(n, at, at + 4)).toEqual([8, 12]);
  });
});

const target = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  return describeOffsets(text, start, start + exact.length)!;
};

describe('anchorTarget', () => {
  const original = 'Intro paragraph.\nThe minister said the budget would rise by 3% next year.\nClosing words.';
  const t = target(original, 'the budget would rise by 3%');

  it('uses the position when the page is unchanged', () => {
    expect(anchorTarget(new PageText(original), t)).toMatchObject({ method: 'position' });
  });
  it('finds moved text exactly', () => {
    const moved = 'A new lede was added on top.\n' + original;
    const a = anchorTarget(new PageText(moved), t)!;
    expect(a.method).toBe('exact');
    expect(moved.slice(a.start, a.end)).toBe('the budget would rise by 3%');
  });
  it('chooses the occurrence whose context agrees', () => {
    const text = 'x said the budget would rise by 3% today. ' + original;
    const tt = target(original, 'the budget would rise by 3%');
    const a = anchorTarget(new PageText(text), { ...tt, position: null })!;
    expect(a.start).toBe(text.lastIndexOf('the budget would rise by 3%'));
  });
  it('finds it after whitespace / width / case changes', () => {
    const text = 'The minister said THE  BUDGET\nwould rise by ３% next year.';
    const a = anchorTarget(new PageText(text), t)!;
    expect(a.method).toBe('normalized');
    expect(text.slice(a.start, a.end)).toBe('THE  BUDGET\nwould rise by ３%');
  });
  it('finds a lightly edited quote fuzzily', () => {
    const text = 'The minister said the budget will rise by 3% next year.';
    const a = anchorTarget(new PageText(text), t)!;
    expect(a.method).toBe('fuzzy');
    expect(text.slice(a.start, a.end)).toMatch(/^the budget will rise by 3%/);
  });
  it('finds Japanese text after edits', () => {
    const ja = '首相は記者会見で、来年度の予算を三パーセント増やすと述べた。';
    const tj = target(ja, '来年度の予算を三パーセント増やす');
    const edited = '首相は会見で「来年度の予算を3パーセント増やす」と述べた。';
    const a = anchorTarget(new PageText(edited), tj)!;
    expect(a).not.toBeNull();
    expect(edited.slice(a.start, a.end)).toContain('予算を3パーセント');
  });
  it('finds a long edited highlight by windows', () => {
    const para = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} of the long highlighted passage goes here.`).join(' ');
    const tl = describeOffsets(para, 0, para.length)!;
    const edited = 'Lede. ' + para.replace('number 5', 'No. 5').replace('number 9', 'nr 9') + ' Tail.';
    const a = anchorTarget(new PageText(edited), { ...tl, position: null })!;
    expect(a.method).toBe('fuzzy');
    expect(edited.slice(a.start, a.end)).toMatch(/^Sentence number 0[\s\S]*goes here\.$/);
  });
  it('does not fuzzily match a short quote', () => {
    const short = describeOffsets('rise by 3%', 0, 10)!;
    expect(anchorTarget(new PageText('rose by 4%'), short)).toBeNull();
  });
  it('returns null (orphan) when the text is gone', () => {
    expect(anchorTarget(new PageText('Completely different article about football.'), t)).toBeNull();
  });
  it('bigramDice is 1 for equal, 0 for disjoint', () => {
    expect(bigramDice('abc', 'abc')).toBe(1);
    expect(bigramDice('abcd', 'wxyz')).toBe(0);
  });
});

describe('planPage / overlappingClaim', () => {
  const view = (id: string, url: string, text: string, exact: string | null) => ({
    id, url, sourceUrl: url, title: 't', body: '', claimId: null, anchorState: 'unknown' as const, createdAt: 1, updatedAt: 1, ...ownNoteFields(),
    target: exact === null ? null : describeOffsets(text, text.indexOf(exact), text.indexOf(exact) + exact.length),
  });
  it('places, orphans and adopts notes from other URLs only when found', () => {
    const old = 'Alpha beta gamma delta. Epsilon zeta eta.';
    const now = 'Alpha beta gamma delta. Something else entirely.';
    const plan = planPage(
      now,
      [view('a', 'https://p.example/x', old, 'gamma delta'), view('b', 'https://p.example/x', old, 'Epsilon zeta eta'), view('c', 'https://p.example/x', old, null)],
      [view('d', 'https://mirror.example/x', old, 'Alpha beta'), view('e', 'https://mirror.example/x', old, 'zeta eta')],
      'https://p.example/x',
    );
    expect(plan.placed.map((p) => [p.note.id, now.slice(p.start, p.end), p.fromUrl])).toEqual([
      ['a', 'gamma delta', null],
      ['d', 'Alpha beta', 'https://mirror.example/x'],
    ]);
    expect(plan.orphaned.map((n) => n.id)).toEqual(['b']);
    expect(plan.unanchored.map((n) => n.id)).toEqual(['c']);
  });
  it('finds the claim a selection overlaps most', () => {
    const d = dom('<p>one two three four five</p>');
    const model = buildTextModel(d.body);
    const t = d.querySelector('p')!.firstChild!;
    const r = (s: number, e: number) => ({ startContainer: t, startOffset: s, endContainer: t, endOffset: e });
    const claims = [{ claimId: 'c1', range: r(0, 7) }, { claimId: 'c2', range: r(8, 23) }];
    expect(overlappingClaim(model, 4, 13, claims)).toBe('c2');
    expect(overlappingClaim(model, 0, 3, claims)).toBe('c1');
    expect(overlappingClaim(model, 0, 3, [])).toBeNull();
  });
});
