/**
 * The notes anchor against the kinds of case the Hypothesis client's match-quote tests pose
 * (src/annotator/anchoring/test/match-quote-test.js), in our own text: a quote found exactly or
 * with a few edits, scores that fall as the quote or its context drifts, and above all a phrase
 * that recurs on the page, anchored at the occurrence whose context fits best, also when the
 * context differs from the page at its edge (a prefix without the space before the quote).
 *
 * Where our thresholds differ from Hypothesis's (it takes the best match whatever its score; we
 * keep a note an orphan rather than guess), the case is written with what our thresholds allow,
 * and the ones they exclude are tested as such at the end.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, PageText } from '../../lib/anchoring/anchor';
import { fuzzyFindByEdits } from '../../lib/anchoring/find-quote';
import type { NoteTarget } from '../../lib/anchoring/types';
import { contextSimilarity } from '../../lib/match/context-similarity';

/** Recurring phrases: "the river was" three times, "with us", "we had" and "we were all walking" twice each. */
const RIVER =
  'On the first morning the river was calm, on the second morning the river was wild, on the third morning the river was gone, ' +
  'and we had maps with us, we had nothing with us, we were all walking north, we were all walking the other way.';

const LIGHTHOUSE = 'Long after the storm, as she climbed the lighthouse stairs, Captain Ilse Marwick was to recall the cold evening her mother first showed her the sea.';

/** 一日目…三日目: 「川は」 three times, 「私たちには」 twice. */
const KAWA = '一日目の朝、川は穏やかだった。二日目の朝、川は荒れていた。三日目の朝、川は消えていた。私たちには地図があった。私たちには何もなかった。';

function target(exact: string, context: { prefix?: string; suffix?: string } = {}, position: NoteTarget['position'] = null): NoteTarget {
  return { quote: { type: 'TextQuoteSelector', exact, prefix: context.prefix ?? '', suffix: context.suffix ?? '' }, position };
}

function anchor(text: string, t: NoteTarget) {
  return anchorTarget(new PageText(text), t);
}

/** `values` strictly falling, in the order of `labels`. */
function expectFalling(values: number[], labels: string[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i], labels[i]).toBeLessThan(values[i - 1]!);
}

/** Every start of `needle` in `text`. */
function startsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('notes anchor: a quote alone', () => {
  it('finds an exact quote', () => {
    const a = anchor(LIGHTHOUSE, target('the cold evening'))!;
    expect(a.method).toBe('exact');
    expect(LIGHTHOUSE.slice(a.start, a.end)).toBe('the cold evening');
  });

  it('finds a quote with a few edits (within the 20% budget) at the words it stands for', () => {
    const a = anchor(LIGHTHOUSE, target('Captain Ilse Marwik was to recoll'))!;
    expect(a.method).toBe('fuzzy');
    expect(LIGHTHOUSE.slice(a.start, a.end)).toBe('Captain Ilse Marwick was to recall');
  });

  it('scores a quote lower the more it was edited', () => {
    const hay = LIGHTHOUSE.toLowerCase();
    const quotes = ['captain ilse marwick was to recall', 'captain ilse marwik was to recall', 'captain ilse marwik was to recal', 'captain ilsa marwik was to recal'];
    expectFalling(quotes.map((q) => fuzzyFindByEdits(hay, q, '', '', null)!.score), quotes);
  });

  it('scores a context lower the further it drifts from the page (prefix, then suffix)', () => {
    const quote = 'as she climbed the lighthouse stairs';
    const start = LIGHTHOUSE.indexOf(quote);
    const prefixes = ['Long after the storm,', 'Long aftr the storm,', 'Soon after the storm,', 'Soon after the flood,'];
    expectFalling(prefixes.map((p) => contextSimilarity(LIGHTHOUSE, start, start + quote.length, p, '')!), prefixes);

    const q2 = 'Long after the storm';
    const suffixes = [', as she climbed the lighthouse', ', as he climbed the lighthouse', ', as she descended the lighthouse', ', as she watched the sea'];
    expectFalling(suffixes.map((s) => contextSimilarity(LIGHTHOUSE, 0, q2.length, '', s)!), suffixes);
  });

  it('finds a quote whose prefix is longer than the text before it', () => {
    const a = anchor(LIGHTHOUSE, target('after the storm', { prefix: 'It was very long' }))!;
    expect(a.start).toBeLessThan('It was very long'.length);
    expect(LIGHTHOUSE.slice(a.start, a.end)).toBe('after the storm');
  });

  it('finds a quote at the very end of the text although its suffix is not there', () => {
    const a = anchor('Some page text', target('text', { suffix: 'that was cut' }))!;
    expect(a).toMatchObject({ start: 10, end: 14 });
  });

  it('finds nothing for an empty quote or an empty page', () => {
    expect(anchor(LIGHTHOUSE, target(''))).toBeNull();
    expect(anchor('', target('the sea'))).toBeNull();
  });
});

describe('notes anchor: a recurring phrase goes to the occurrence whose context fits best', () => {
  const [maps, nothing] = startsOf(RIVER, 'with us');
  const [calm, wild, gone] = startsOf(RIVER, 'the river was');
  const [north, otherWay] = startsOf(RIVER, 'we were all walking');
  const [weHadMaps, weHadNothing] = startsOf(RIVER, 'we had');

  const cases: { title: string; exact: string; prefix?: string; suffix?: string; at: number | undefined }[] = [
    // Exact prefixes, without the space that stands between them and the quote on the page.
    { title: 'exact prefix, first occurrence', exact: 'with us', prefix: 'we had maps', at: maps },
    { title: 'exact prefix, second occurrence', exact: 'with us', prefix: 'we had nothing', at: nothing },
    { title: 'exact prefix, second of three', exact: 'the river was', prefix: 'on the second morning', at: wild },
    // …and with it, as a note records it.
    { title: 'exact prefix with its trailing space', exact: 'with us', prefix: 'we had nothing ', at: nothing },
    // Approximate prefixes.
    { title: 'approximate prefix, first occurrence', exact: 'with us', prefix: 'we hav maps', at: maps },
    { title: 'approximate prefix, second occurrence', exact: 'with us', prefix: 'we had nuthing', at: nothing },
    { title: 'approximate prefix, third of three', exact: 'the river was', prefix: 'on the thrid mornin', at: gone },
    // Exact suffixes, without the space before them.
    { title: 'exact suffix, first occurrence', exact: 'we had', suffix: 'maps', at: weHadMaps },
    { title: 'exact suffix, second occurrence', exact: 'we had', suffix: 'nothing', at: weHadNothing },
    { title: 'exact suffix, first of three', exact: 'the river was', suffix: 'calm', at: calm },
    // …and with it.
    { title: 'exact suffix with its leading space', exact: 'we were all walking', suffix: ' the other way', at: otherWay },
    // Approximate suffixes.
    { title: 'approximate suffix, first occurrence', exact: 'we were all walking', suffix: 'nort', at: north },
    { title: 'approximate suffix, second occurrence', exact: 'we were all walking', suffix: 'the othr wey', at: otherWay },
    { title: 'approximate suffix, second of three', exact: 'the river was', suffix: 'wilde', at: wild },
  ];
  for (const c of cases) {
    it(c.title, () => {
      expect(c.at).toBeDefined();
      const a = anchor(RIVER, target(c.exact, c))!;
      expect(a.method).toBe('exact');
      expect(RIVER.slice(a.start, a.end)).toBe(c.exact);
      expect(a.start).toBe(c.at);
    });
  }

  it('in Japanese, by prefix (exact or approximate) and by suffix', () => {
    const [, second, third] = startsOf(KAWA, '川は');
    const [, nothingJa] = startsOf(KAWA, '私たちには');
    expect(anchor(KAWA, target('川は', { prefix: '二日目の朝、' }))!.start).toBe(second);
    expect(anchor(KAWA, target('川は', { prefix: '二日めの朝、' }))!.start).toBe(second);
    expect(anchor(KAWA, target('川は', { suffix: '消えて' }))!.start).toBe(third);
    expect(anchor(KAWA, target('川は', { suffix: '消えた' }))!.start).toBe(third);
    expect(anchor(KAWA, target('私たちには', { suffix: '何も' }))!.start).toBe(nothingJa);
  });

  it('without context, the occurrence nearest the saved position wins, else the first', () => {
    // The page moved on: the saved position no longer holds the quote, but still says where it was.
    const near = (at: number) => ({ type: 'TextPositionSelector' as const, start: at + 3, end: at + 10 });
    expect(anchor(RIVER, target('with us', {}, near(nothing!)))).toMatchObject({ method: 'exact', start: nothing });
    expect(anchor(RIVER, target('with us', {}, near(maps!)))).toMatchObject({ method: 'exact', start: maps });
    expect(anchor(RIVER, target('with us'))).toMatchObject({ method: 'exact', start: maps });
  });

  it('an edited quote (fuzzy) that recurs: by context, else by the saved position, else the first', () => {
    // One character short of both "we were all walking"s: as close to either.
    const edited = 'we were al walking';
    expect(anchor(RIVER, target(edited, { suffix: 'the other way' }))).toMatchObject({ method: 'fuzzy', start: otherWay });
    expect(anchor(RIVER, target(edited, { suffix: 'north' }))).toMatchObject({ method: 'fuzzy', start: north });
    expect(anchor(RIVER, target(edited, { prefix: 'we had nothing with us,' }))).toMatchObject({ method: 'fuzzy', start: north });
    const pos = { type: 'TextPositionSelector' as const, start: otherWay! + 2, end: otherWay! + 20 };
    expect(anchor(RIVER, target(edited, {}, pos))).toMatchObject({ method: 'fuzzy', start: otherWay });
    expect(anchor(RIVER, target(edited))).toMatchObject({ method: 'fuzzy', start: north });
  });
});

describe('notes anchor: what our thresholds exclude (an orphan rather than a guess)', () => {
  it('a short quote (under 16 characters) is matched exactly only', () => {
    // Hypothesis anchors "befor us"-style quotes fuzzily; at 8 characters, one edit is 12%.
    expect(anchor(RIVER, target('with uss'))).toBeNull();
  });

  it('a quote edited beyond 20% of its characters is not anchored', () => {
    // Hypothesis would return its best approximate match with a low score.
    expect(anchor(LIGHTHOUSE, target('Admiral Elsa Marvick is to recount'))).toBeNull();
  });
});
