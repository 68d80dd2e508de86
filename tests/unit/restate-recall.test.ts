/**
 * Both tiers on the restatement fixtures (tests/fixtures/restate): recall floors per kind of page
 * (set below the measured figures to catch regressions, not to bless them: the fixtures are our own
 * writing, see `npm run bench:restate`), no annotation and no story on hard negatives and bad input,
 * the story right on every page, the first tier's results unchanged, and a 2 MB page run in
 * bounded steps.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { annotateWithIndex, annotateWithIndexSteps } from '../../lib/match/pipeline';
import { annotateTiers, annotateTiersSteps } from '../../lib/restate/annotate';
import { RestatementTier } from '../../lib/restate/tier';
import type { TieredResult } from '../../lib/restate/types';
import { parse } from '../../scripts/bench-harness';
import { PAGES, readPage } from '../fixtures/expectations';
import { RESTATE_PAGES, readRestatePage, scorePage, type Found, type PageKind, type PageScore } from '../fixtures/restate/expectations';
import { longPage } from '../fixtures/restate/long-page';

const index = bundledIndex();
const speakerOf = (id: string): string => index.claims.find((c) => c.id === id)?.speakerId ?? '?';
const foundOf = (r: TieredResult): Found[] => [
  ...r.annotations.map((a) => ({ claimId: a.claimId, text: a.quote, tier: 1 as const, confidence: 'high' as const })),
  ...r.restatements.map((x) => ({ claimId: x.claimId, text: x.passage, tier: 2 as const, confidence: x.confidence })),
];

const results = new Map<string, { result: TieredResult; score: PageScore }>();
for (const page of RESTATE_PAGES) {
  const result = annotateTiers(parse(readRestatePage(page)), index);
  results.set(page.file, { result, score: scorePage(page, foundOf(result), result.stories.map((s) => s.storyId), speakerOf) });
}
/**
 * False matches blind batches found that are not mended (README "Restatements and stories", the
 * sixth and seventh batches): listed one by one, with why, so these tests still fail on any other,
 * and on one of these gone (mended: take it off the list).
 */
const KNOWN_FALSE: ReadonlyArray<{ page: string; claimId: string; tier: 1 | 2; why: string }> = [
  {
    page: 'restate-unseen6-en-summary-lecun.html',
    claimId: 's003-lecun-failure-cannot-compete',
    tier: 2,
    why: 'the headline restates the "failure" and "bubble" quotes; one statement per source shows CNBC’s lead paraphrase of both, which the scorer does not count for them',
  },
  {
    page: 'restate-unseen6-ja-summary-wu.html',
    claimId: 's000-second-cofounder',
    tier: 2,
    why: 'a sentence on GeekPark publishing its analysis shares 共同創設者 (four kanji bigrams) and 退職: one compound counts as several shared terms',
  },
  {
    page: 'restate-unseen7-en-translation-ja-en-lecun.html',
    claimId: 's003-lecun-hiring-hard',
    tier: 2,
    why: 'the digest’s key point on hiring, translated, is shown as LeCun’s own CNBC words (a quotation is preferred over a paraphrase of the same speaker); the writer marked only the digest’s claim, whose wording differs ("the team at his previous job")',
  },
  {
    page: 'restate-unseen7-en-translation-ja-en-lecun.html',
    claimId: 's003d-kp-bubble',
    tier: 2,
    why: 'the key point’s lead-in ("A bubble warning for the whole industry.") is shown as the key point: a label inside a paragraph, which the heading rule (a paragraph of its own) does not catch',
  },
  {
    page: 'restate-unseen6-ja-hard-negative-other-cofounder.html',
    claimId: 's000-no-official-reason',
    tier: 1,
    why: 'a generic sentence copied verbatim about another lab: the claim names no one, so whom it is about cannot tell, and the first tier does not ask whether the page reports the story',
  },
];
/** Stories known wrong. */
const KNOWN_WRONG_STORY: string[] = [];
const isKnown = (page: string, claimId: string, tier: 1 | 2): boolean => KNOWN_FALSE.some((k) => k.page === page && k.claimId === claimId && k.tier === tier);

/** The recall floors are about the pages the tier was built on; those written after it (`unseen`) are reported apart (bench:restate). */
const ofKind = (kind: PageKind): PageScore[] => RESTATE_PAGES.filter((p) => p.kind === kind && !p.unseen).map((p) => results.get(p.file)!.score);
const recall = (ss: PageScore[]): number => ss.reduce((n, s) => n + s.found, 0) / ss.reduce((n, s) => n + s.statements, 0);

describe('restatements on the fixtures', { timeout: 60_000 }, () => {
  it.each([
    ['translation-ja-en', 0.7],
    ['translation-en-ja', 0.7],
    ['spun', 0.75],
    ['independent', 0.65],
    ['summary', 0.4],
    ['rewording', 0.35],
  ] as const)('%s pages: recall ≥ %s', (kind, floor) => {
    const ss = ofKind(kind);
    expect(ss.length).toBeGreaterThan(0);
    expect(recall(ss)).toBeGreaterThanOrEqual(floor);
  });

  it('all kinds together: ≥ 65% of restated statements, at most 2 false highlights, none with the wrong speaker', () => {
    const ss = RESTATE_PAGES.filter((p) => p.story !== null && !p.unseen).map((p) => results.get(p.file)!.score);
    expect(recall(ss)).toBeGreaterThanOrEqual(0.65);
    expect(ss.reduce((n, s) => n + s.falseHigh.length, 0)).toBeLessThanOrEqual(2);
    expect(ss.reduce((n, s) => n + s.wrongSpeaker, 0)).toBe(0);
  });

  it('pages written after the tier was set: no false highlight, none with the wrong speaker (their recall is reported, not floored)', () => {
    const ss = RESTATE_PAGES.filter((p) => p.unseen && p.story !== null).map((p) => results.get(p.file)!.score);
    expect(ss.length).toBeGreaterThan(0);
    const falseHigh = ss.flatMap((s) => s.falseHigh.map((f) => ({ page: s.page, claimId: f.claimId, tier: f.tier })));
    expect(falseHigh.filter((f) => !isKnown(f.page, f.claimId, f.tier))).toEqual([]);
    expect(falseHigh.length).toBe(KNOWN_FALSE.filter((k) => RESTATE_PAGES.find((p) => p.file === k.page)?.story !== null).length);
    expect(ss.reduce((n, s) => n + s.wrongSpeaker, 0)).toBe(0);
  });

  it('hard negatives and bad input (Chinese, Korean, a stock table): no annotation of either tier, no story (but the known ones)', () => {
    // Every page's findings in one comparison: one page's failure does not hide another's.
    const found: { page: string; claimId: string; tier: 1 | 2 }[] = [];
    const stories: string[] = [];
    for (const page of RESTATE_PAGES.filter((p) => p.kind === 'hard-negative' || p.kind === 'bad-input')) {
      const { result } = results.get(page.file)!;
      for (const a of result.annotations) found.push({ page: page.file, claimId: a.claimId, tier: 1 });
      for (const x of result.restatements) found.push({ page: page.file, claimId: x.claimId, tier: 2 });
      if (result.stories.length > 0) stories.push(page.file);
    }
    const known = KNOWN_FALSE.filter((k) => RESTATE_PAGES.find((p) => p.file === k.page)?.story === null).map(({ page, claimId, tier }) => ({ page, claimId, tier }));
    expect(found).toEqual(known);
    expect(stories).toEqual(KNOWN_WRONG_STORY);
  });

  it('a restatement says what it is: method, confidence, score, reasons, the claim’s speaker, never the page’s words as a quote', () => {
    const { result } = results.get('restate-en-independent-lecun.html')!;
    const x = result.restatements.find((r) => r.claimId === 's003-lecun-bubble')!;
    expect(x).toMatchObject({ method: 'restatement', confidence: 'high', lang: 'en', speaker: { id: 'yann-lecun' }, sourceId: 's003' });
    expect(x.passage).toContain('LeCun warned that AI labs such as OpenAI and Anthropic');
    expect(x.reasons.names).toEqual(expect.arrayContaining(['yann-lecun', 'openai', 'anthropic']));
    expect(x.reasons.terms.join(' ')).toMatch(/bubble|explosion/);
    expect(x.range.toString().replace(/\s+/g, ' ')).toBe(x.passage.replace(/\s+/g, ' '));
  });
});

describe('stories', { timeout: 60_000 }, () => {
  it('right on every restatement fixture (which story, or none)', () => {
    const wrong = RESTATE_PAGES.filter((page) => !results.get(page.file)!.score.storyOk).map((page) => page.file);
    expect(wrong).toEqual(KNOWN_WRONG_STORY);
  });

  it('on the first tier’s fixtures: the seed articles and their copies report their story; the negatives none', () => {
    const expected: Record<string, string | undefined> = {
      'ja-geekpark-wu.html': 'story-wu-leaves-xai',
      'edited-ja-geekpark-wu.html': 'story-wu-leaves-xai',
      'en-report-geekpark.html': 'story-wu-leaves-xai',
      'ja-digest-lecun.html': 'story-lecun-xai-failure',
      'edited-ja-digest-lecun.html': 'story-lecun-xai-failure',
      'en-cnbc-lecun.html': 'story-lecun-xai-failure',
      'edited-en-cnbc-lecun.html': 'story-lecun-xai-failure',
    };
    for (const file of [...PAGES.map((p) => p.file), 'en-report-geekpark.html']) {
      const r = annotateTiers(parse(readPage(file)), index);
      expect({ file, stories: r.stories.map((s) => s.storyId) }).toEqual({ file, stories: expected[file] ? [expected[file]] : [] });
    }
  });

  it('a story result carries its key claims and the other article’s counter-claims, about its own claims', () => {
    const s = results.get('restate-ja-translation-cnbc.html')!.result.stories[0]!;
    expect(s.storyId).toBe('story-lecun-xai-failure');
    expect(s.claims).toContain('s003-lecun-failure');
    expect(s.counterClaims.length).toBeGreaterThan(0);
    for (const c of s.counterClaims) {
      expect(s.claims).toContain(c.about);
      expect(c.claimId.startsWith('s000')).toBe(true);
    }
  });
});

describe('the first tier', { timeout: 60_000 }, () => {
  it('gives the same annotations with the second tier on its seam as alone, on every fixture page', () => {
    const key = (a: { claimId: string; quote: string; score: number; method: string }): string => `${a.claimId}|${a.quote}|${a.score}|${a.method}`;
    for (const file of [...PAGES.map((p) => p.file), 'en-report-geekpark.html', ...RESTATE_PAGES.map((p) => p.file)]) {
      const html = readPage(file);
      expect(annotateTiers(parse(html), index).annotations.map(key), file).toEqual(annotateWithIndex(parse(html), index).annotations.map(key));
    }
  });

  it('keeps its claims: a statement the first tier found on a page is not highlighted again as a restatement there', () => {
    for (const file of [...PAGES.map((p) => p.file), 'en-report-geekpark.html', ...RESTATE_PAGES.map((p) => p.file)]) {
      const result = annotateTiers(parse(readPage(file)), index);
      const quoted = new Set(result.annotations.map((a) => a.claimId));
      expect(result.restatements.filter((x) => quoted.has(x.claimId)).map((x) => x.claimId), file).toEqual([]);
    }
  });
});

describe('a 2 MB page', { timeout: 120_000 }, () => {
  it('is matched in parts and bounded steps, and the tier finds the entry that reports the story', () => {
    const { html, entry } = longPage();
    expect(html.length).toBeGreaterThan(2_000_000);
    const doc = parse(html);
    const steps = annotateTiersSteps(doc, index);
    let n = 0;
    let r: IteratorResult<unknown, TieredResult>;
    do {
      r = steps.next();
      n++;
    } while (!r.done);
    // Parts of 50,000 characters, each scanned and scored in bounded steps (timing is the benchmark's).
    expect(n).toBeGreaterThan(100);
    const result = r.value;
    const score = scorePage(entry, foundOf(result), result.stories.map((s) => s.storyId), speakerOf);
    expect(score.statements).toBe(3);
    expect(score.found).toBeGreaterThanOrEqual(2);
    expect(score.falseHigh).toEqual([]);
    expect(result.stories.map((s) => s.storyId)).toEqual(['story-wu-leaves-xai']);
  });

  it('the tier scores at most a bounded number of sentences between two yields', () => {
    const { html } = longPage(400_000);
    const doc = parse(html);
    const tier = new RestatementTier(index, doc);
    const steps = annotateWithIndexSteps(doc, index, tier);
    let yields = 0;
    while (!steps.next().done) yields++;
    // ~4,000 sentences over 8 parts: at least one yield per SCORE_STEP (64) sentences.
    expect(yields).toBeGreaterThan(4000 / 64);
  });
});
