/**
 * The engine on the fixture pages (tests/fixtures/pages, made by tests/fixtures/make-fixtures.ts),
 * with the sample dataset and, when present, the real data/claims.json. Runs on jsdom (a complete
 * DOM Range) and on linkedom (the CLI's DOM, whose Range the engine replaces by TextPointRange).
 */

import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { compileIndex } from '../../lib/index/compile';
import { annotateWithIndex } from '../../lib/match/pipeline';
import type { Annotation } from '../../lib/match/types';
import { editSimilarity } from '../../lib/match/edit-distance';
import { normalize } from '../../lib/text/normalize';
import { PAGES, expectedAnchors, loadRealDataset, loadSampleDataset, readPage, type ExpectedAnchor } from '../fixtures/expectations';

const parsers = {
  jsdom: (html: string) => new JSDOM(html).window.document,
  linkedom: (html: string) => parseHTML(html).document as unknown as Document,
};

/** Ruby readings the edited fixtures add (a range over ruby text includes them). */
const stripRuby = (s: string): string => s.replace(/\(?(?:すいろん|きょうどうそうせつしゃ)\)?/g, '');

function found(e: ExpectedAnchor, annotations: Annotation[], verbatim: boolean): boolean {
  const want = normalize(e.anchor.exact);
  return annotations.some((a) => {
    if (a.claimId !== e.claim.id || a.lang !== e.anchor.lang) return false;
    const got = normalize(stripRuby(a.quote));
    if (verbatim) return got === want || got.includes(want) || want.includes(got);
    return got.includes(want) || want.includes(got) || editSimilarity(got, want) >= 0.75;
  });
}

const datasets: [string, Dataset][] = [['sample', loadSampleDataset()]];
const real = loadRealDataset();
if (real) datasets.push(['data/claims.json', real]);

for (const [dsName, dataset] of datasets) {
  const index = compileIndex(dataset);
  for (const [domName, parse] of Object.entries(parsers)) {
    describe(`engine: ${dsName} on ${domName}`, () => {
      const recall = { edited: { found: 0, total: 0 } };

      for (const spec of PAGES) {
        it(`${spec.file} (${spec.kind})`, () => {
          const doc = parse(readPage(spec.file));
          const result = annotateWithIndex(doc, index);
          expect(result.isArticle).toBe(spec.isArticle);

          for (const a of result.annotations) {
            // The quote is the page's text under the range, and the range is not in boilerplate.
            expect(a.quote).toBe(a.range.toString());
            expect(a.quote.length).toBeGreaterThan(0);
            const el = (a.range.startContainer as Text).parentElement!;
            expect(el.closest('nav, aside, footer, .comments, .related, .related-content, header.site-header')).toBeNull();
            expect(a.score).toBeGreaterThanOrEqual(0.75);
            expect(a.score).toBeLessThanOrEqual(1);
          }

          if (spec.kind === 'negative') {
            expect(result.annotations).toEqual([]);
            return;
          }
          const expected = expectedAnchors(dataset, spec);
          expect(expected.length).toBeGreaterThan(0);
          const missing = expected.filter((e) => !found(e, result.annotations, spec.kind === 'verbatim'));
          if (spec.kind === 'verbatim') {
            expect(missing.map((m) => `${m.claim.id}/${m.anchor.lang}: ${m.anchor.exact}`)).toEqual([]);
            // Every annotation on a verbatim page is an exact match of a known claim.
            for (const a of result.annotations) expect(a.method).toBe('exact');
          } else {
            recall.edited.found += expected.length - missing.length;
            recall.edited.total += expected.length;
            // Per page: nearly all (the edited copies also drop a paragraph).
            expect((expected.length - missing.length) / expected.length).toBeGreaterThanOrEqual(0.7);
          }
        });
      }

      it('edited copies: overall recall', () => {
        const r = recall.edited.found / Math.max(1, recall.edited.total);
        console.log(`[recall] ${dsName} on ${domName}: edited copies ${recall.edited.found}/${recall.edited.total} = ${(r * 100).toFixed(1)}%`);
        expect(r).toBeGreaterThanOrEqual(0.8);
      });
    });
  }
}

describe('engine: ranges', () => {
  it('are real DOM Ranges on a spec DOM and survive inline markup, <br> and ruby', () => {
    const window = new JSDOM(readPage('edited-ja-geekpark-wu.html')).window;
    const result = annotateWithIndex(window.document, compileIndex(loadSampleDataset()));
    expect(result.annotations.length).toBeGreaterThan(0);
    for (const a of result.annotations) expect(a.range).toBeInstanceOf(window.Range);
    const wu = result.annotations.find((a) => a.claimId === 'wu-leaves')!;
    expect(wu.quote).toContain('きょうどうそうせつしゃ'); // the range spans the <ruby>
    expect(normalize(stripRuby(wu.quote))).toBe(normalize('現地時間2026年2月10日、xAIの共同創設者Tony WuがマスクのAI企業から退職を発表した。'));
  });

  it('give the same quotes on linkedom and jsdom', () => {
    const index = compileIndex(loadSampleDataset());
    for (const spec of PAGES) {
      const html = readPage(spec.file);
      const a = annotateWithIndex(parsers.jsdom(html), index).annotations.map((x) => [x.claimId, x.quote]);
      const b = annotateWithIndex(parsers.linkedom(html), index).annotations.map((x) => [x.claimId, x.quote]);
      expect(b).toEqual(a);
    }
  });

  it('a page sharing nothing with the dataset yields no candidates', async () => {
    const { findCandidates } = await import('../../lib/match/prefilter');
    const index = compileIndex(loadSampleDataset());
    expect(findCandidates(normalize('Heavy rain is expected across the region through the weekend.'), index)).toEqual([]);
  });
});

describe('engine: text.en fallback (English page reporting a Japanese-only article)', () => {
  it('matches a claim quoted in its dataset English wording, and nothing paraphrased', () => {
    const doc = parsers.jsdom(readPage('en-report-geekpark.html'));
    const result = annotateWithIndex(doc, compileIndex(loadSampleDataset()));
    expect(result.language).toBe('en');
    expect(result.annotations.map((a) => [a.claimId, a.method])).toEqual([['dev-battery', 'text']]);
    expect(result.annotations[0]!.quote).toBe('Losing Tony Wu is like Tesla losing its head of battery technology.');
  });

  it('is not used on Japanese pages', () => {
    const html = readPage('en-report-geekpark.html').replace('<html lang="en">', '<html lang="ja">');
    const result = annotateWithIndex(parsers.jsdom(html), compileIndex(loadSampleDataset()));
    expect(result.annotations).toEqual([]);
  });
});

describe('engine: stepwise run', () => {
  it('yields between steps and returns the same result as the one-shot run', async () => {
    const { annotateWithIndexSteps } = await import('../../lib/match/pipeline');
    const index = compileIndex(loadSampleDataset());
    const html = readPage('ja-digest-lecun.html');
    const once = annotateWithIndex(parsers.linkedom(html), index);
    const steps = annotateWithIndexSteps(parsers.linkedom(html), index);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(4);
    expect(r.value.annotations.map((a) => [a.claimId, a.quote])).toEqual(once.annotations.map((a) => [a.claimId, a.quote]));
  });
});
