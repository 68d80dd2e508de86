/**
 * Each agreement check of the restatement tier, on the bundled dataset's claims: a passage that
 * restates the claim passes; the same passage with one thing changed (a person, an organisation,
 * an amount, an ordinal, a date, the page's date) is vetoed, and says why. Figures are read in
 * both languages and compared across them.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { checkFacts, datesAgree, extractFacts } from '../../lib/restate/facts';
import type { CompiledDoc } from '../../lib/restate/format';
import { parseIsoDate, outsideWindow } from '../../lib/restate/page-date';
import { decideStories, type EventCandidate } from '../../lib/restate/stories';
import { termTable } from '../../lib/restate/table';
import { claimDoc, storyDoc as storyDocOf } from '../helpers/restate-docs';
import { verify, windowFromText, type Verdict } from '../../lib/restate/verify';

const index = bundledIndex();
const r = index.restate!;
const table = termTable(r);

const doc = (claimId: string, lang: 'ja' | 'en'): CompiledDoc => claimDoc(index, claimId, lang);
const storyDoc = (storyId: string, lang: 'ja' | 'en'): CompiledDoc => storyDocOf(index, storyId, lang);
function check(d: CompiledDoc, passage: string, opts: { context?: string; date?: string } = {}): Verdict {
  return verify(index, table, d, windowFromText(r, table, passage, opts.context), () => parseIsoDate(opts.date ?? null));
}

describe('figures', () => {
  it('reads amounts, durations, counts, ordinals and dates in both languages to comparable values', () => {
    const ja = extractFacts('評価額は1兆2500億ドル。過去1年で12人のうち5人が去り、2人目の離脱は2026年2月10日。少なくとも半年の停滞。');
    const en = extractFacts('valued at $1.25 trillion; five of the twelve left; the second departure on Feb. 10, 2026; a stall of at least six months.');
    expect(ja.amounts.map((x) => x.value)).toEqual([1.25e12]);
    expect(en.amounts.map((x) => x.value)).toEqual([1.25e12]);
    expect(ja.ordinals.map((x) => x.value)).toEqual([2]);
    expect(en.ordinals.map((x) => x.value)).toEqual([2]);
    expect(ja.dates.map((x) => x.value)).toContainEqual({ y: 2026, m: 2, d: 10 });
    expect(en.dates.map((x) => x.value)).toContainEqual({ y: 2026, m: 2, d: 10 });
    expect(ja.durations.map((x) => x.value)).toEqual(expect.arrayContaining([6, 12]));
    expect(en.durations.map((x) => x.value)).toContain(6);
    expect(en.counts.map((x) => x.value)).toEqual(expect.arrayContaining([5, 12]));
    expect(checkFacts(ja, en).conflict).toBeNull();
  });

  it('a changed figure of the same kind conflicts; a figure left out does not', () => {
    const claim = extractFacts('In the three months ended Mar. 31, the AI segment posted a $2.5 billion loss.');
    expect(checkFacts(claim, extractFacts('The AI unit lost $1.9 billion in the quarter.')).conflict?.kind).toBe('amount');
    expect(checkFacts(claim, extractFacts('In the three months ended June 30 it lost money.')).conflict?.kind).toBe('date');
    expect(checkFacts(claim, extractFacts('The AI unit lost money, again.')).conflict).toBeNull();
    expect(checkFacts(extractFacts('2人目の共同創設者'), extractFacts('4人目の共同創設者')).conflict?.kind).toBe('ordinal');
    expect(checkFacts(extractFacts('the second co-founder'), extractFacts('the fourth co-founder')).conflict?.kind).toBe('ordinal');
  });

  it('words that look like figures are not: "may", "a second later", model names', () => {
    expect(extractFacts('You may say so.').dates).toEqual([]);
    expect(extractFacts('A second later it was over.').ordinals).toEqual([]);
    expect(extractFacts('GPT-4 is a model.').counts).toEqual([]);
    expect(extractFacts('In May 2024, he spoke.').dates.map((d) => d.value)).toEqual([{ y: 2024, m: 5 }]);
  });

  it('dates agree field by field, a day either way for time zones', () => {
    expect(datesAgree({ y: 2026, m: 2, d: 10 }, { m: 2, d: 11 })).toBe(true);
    expect(datesAgree({ y: 2026, m: 2, d: 10 }, { y: 2025 })).toBe(false);
    expect(datesAgree({ m: 8 }, { y: 2025, m: 8, d: 13 })).toBe(true);
    expect(outsideWindow({ y: 2025, m: 8, d: 13 }, { after: '2026-02-08' })).toBe(true);
    expect(outsideWindow({ y: 2026, m: 2 }, { after: '2026-02-08' })).toBe(false);
  });
});

describe('vetoes, each against a passage that passes', () => {
  it('names-only: shared names and figures are not a restatement (a stock table line)', () => {
    expect(check(doc('s003-merger-1-25-trillion', 'en'), 'SpaceX (incl. xAI) — $1.25 trillion — Musk').veto?.kind).toBe('names-only');
  });

  it('organisation: the same words about another company', () => {
    const d = doc('s003-cofounders-left', 'en');
    expect(check(d, 'Over the past year several of xAI’s co-founders have left the company.').veto).toBeNull();
    expect(check(d, 'Over the past year several of OpenAI’s co-founders have left the company.').veto?.kind).toBe('organisation');
  });

  it('amount: the same loss with another figure', () => {
    const d = doc('s003-ai-segment-loss', 'en');
    expect(check(d, 'SpaceX’s AI segment, which includes xAI, lost $2.5 billion from operations in the quarter to March 31.').veto).toBeNull();
    const v = check(d, 'SpaceX’s AI segment, which includes xAI, lost $1.9 billion from operations in the quarter.');
    expect(v.veto?.kind).toBe('amount');
    expect(v.veto?.detail).toContain('$1.9 billion');
  });

  it('ordinal: "second" vs "fourth" co-founder, 2人目 vs 4人目', () => {
    const en = doc('s000-second-cofounder', 'en');
    expect(check(en, 'Wu is the second xAI co-founder to leave since Igor Babuschkin left in August.').veto).toBeNull();
    expect(check(en, 'Wu is the fourth xAI co-founder to leave since Igor Babuschkin left in August.').veto?.kind).toBe('ordinal');
    const ja = doc('s000-second-cofounder', 'ja');
    expect(check(ja, '昨年8月のバブシュキン氏に続き、xAIを去った共同創設者は2人目となる。').veto).toBeNull();
    expect(check(ja, '昨年8月のバブシュキン氏に続き、xAIを去った共同創設者は4人目となる。').veto?.kind).toBe('ordinal');
  });

  it('date: the same departure on another day', () => {
    const d = doc('s000-wu-leaves', 'ja');
    expect(check(d, 'xAIの共同創設者トニー・ウー氏が2月10日、マスク氏のAI企業からの退職を発表した。').veto).toBeNull();
    expect(check(d, 'xAIの共同創設者トニー・ウー氏が3月2日、マスク氏のAI企業からの退職を発表した。').veto?.kind).toBe('date');
  });

  it('speaker: a quotation given to another person of the dataset is vetoed; one with no speaker named is never highlighted', () => {
    const d = doc('s003-lecun-failure', 'en');
    const ok = check(d, 'xAI is kind of a failure, frankly, because its founding team has departed, LeCun said.');
    expect(ok.veto).toBeNull();
    expect(ok.speakerNamed).toBe(true);
    expect(check(d, 'xAI is kind of a failure, frankly, because its founding team has departed, Altman said.').veto?.kind).toBe('speaker');
    const unnamed = check(d, '“xAI is kind of a failure, frankly, because its founding team has departed.”');
    expect(unnamed.veto).toBeNull();
    expect(unnamed.speakerNamed).toBe(false);
    // Named in the paragraph before (a quotation running on): fine.
    expect(check(d, '“xAI is kind of a failure, frankly, because its founding team has departed.”', { context: 'LeCun did not hold back.' }).speakerNamed).toBe(true);
  });

  it('time: a page dated before the story cannot report it (the event text, by the story window)', () => {
    const d = storyDoc('story-wu-leaves-xai', 'en');
    const passage = 'xAI co-founder Tony Wu announced he is leaving xAI, the second co-founder to leave.';
    expect(check(d, passage, { date: '2026-02-11' }).veto).toBeNull();
    expect(check(d, passage, { date: '2025-08-13' }).veto?.kind).toBe('time');
  });

  it('time: a page dated before a dated statement cannot report it', () => {
    const d = doc('s000-wu-leaves', 'en');
    const passage = 'On February 10, xAI co-founder Tony Wu announced he was leaving Musk’s AI company.';
    expect(check(d, passage, { date: '2026-02-11' }).veto).toBeNull();
    expect(check(d, passage, { date: '2025-12-01' }).veto?.kind).toBe('time');
  });

  it('people: an event sentence must name the story’s people', () => {
    const d = storyDoc('story-wu-leaves-xai', 'en');
    expect(check(d, 'An xAI co-founder announced he is leaving xAI, the second co-founder to leave.').veto?.kind).toBe('people');
  });
});

describe('story decisions', () => {
  const wu = r.stories.findIndex((s) => s.id === 'story-wu-leaves-xai');
  const event = (e: Partial<EventCandidate>): EventCandidate => ({ story: wu, score: 0.8, inLead: true, veto: null, passage: '', names: [], ...e });
  const key = r.stories[wu]!.claims;

  it('an event sentence in the lead makes the story; two key claims do too, on a page naming its people', () => {
    expect(decideStories(r, [event({})], new Set(), null, () => true).recognised.map((s) => s.story)).toEqual([wu]);
    expect(decideStories(r, [], new Set(key.slice(0, 2)), null, () => true).recognised.map((s) => s.story)).toEqual([wu]);
    expect(decideStories(r, [], new Set(key.slice(0, 2)), null, () => false).recognised).toEqual([]);
    expect(decideStories(r, [], new Set(key.slice(0, 1)), null, () => true).recognised).toEqual([]);
  });

  it('another event with the same people in the lead (a conflicting figure) contradicts the story, whatever else matched', () => {
    const v = decideStories(r, [event({ veto: 'ordinal' })], new Set(key), null, () => true);
    expect(v.recognised).toEqual([]);
    expect([...v.contradicted]).toEqual([wu]);
    // A sentence that does not name the people is no evidence either way.
    expect(decideStories(r, [event({ veto: 'people' })], new Set(key.slice(0, 2)), null, () => true).recognised.map((s) => s.story)).toEqual([wu]);
  });

  it('a page dated outside the story’s window gets no story', () => {
    expect(decideStories(r, [event({})], new Set(key), { y: 2025, m: 8, d: 13 }, () => true).recognised).toEqual([]);
  });

  it('long after the event an event sentence is background: only the key claims make the story (EVENT_NEWS_DAYS)', () => {
    // The Wu story happened on 2026-02-10.
    expect(decideStories(r, [event({})], new Set(), { y: 2026, m: 2, d: 12 }, () => true).recognised.map((s) => s.story)).toEqual([wu]);
    expect(decideStories(r, [event({})], new Set(), { y: 2026, m: 3, d: 11 }, () => true).recognised.map((s) => s.story)).toEqual([wu]);
    expect(decideStories(r, [event({})], new Set(), { y: 2026, m: 9, d: 3 }, () => true).recognised).toEqual([]);
    // A month-precise date that may still be within the 30 days counts the sentence.
    expect(decideStories(r, [event({})], new Set(), { y: 2026, m: 3 }, () => true).recognised.map((s) => s.story)).toEqual([wu]);
    expect(decideStories(r, [event({})], new Set(key.slice(0, 2)), { y: 2026, m: 9, d: 3 }, () => true).recognised.map((s) => s.story)).toEqual([wu]);
  });
});
