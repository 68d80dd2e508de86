import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { boilerplateFilter } from '../../lib/detect/boilerplate';
import { compileIndex } from '../../lib/index/compile';
import { annotateWithIndex, annotateWithIndexSteps } from '../../lib/match/pipeline';
import { partition } from '../../lib/match/partition';
import { loadRealDataset, readPage } from '../fixtures/expectations';

const dataset = loadRealDataset();
if (!dataset) throw new Error('data/claims.json is required');
const index = compileIndex(dataset);

const FILLER = 'Market analysts said the company would report results later this quarter while investors weighed rates. ';
/** The CNBC fixture with ~`chars` of unrelated paragraphs before and after its article body. */
function bigPage(chars: number): string {
  const html = readPage('en-cnbc-lecun.html');
  const body = '<div class="article-body" itemprop="articleBody">';
  const para = `<p>${FILLER.repeat(8)}</p>`;
  const filler = para.repeat(Math.ceil(chars / 2 / para.length));
  return html.replace(body, `${body}\n${filler}`).replace(/(<div class="article-body"[\s\S]*?)(<\/div>)/, `$1${filler}$2`);
}

describe('partition', () => {
  it('cuts a large subtree into runs of siblings under the limit, in document order, covering its text', () => {
    const doc = new JSDOM(bigPage(300_000)).window.document;
    const root = doc.querySelector('article') ?? doc.body;
    const parts = partition(root, 50_000, boilerplateFilter());
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(p.chars).toBeLessThanOrEqual(50_000);
    // Document order, no overlap.
    for (let i = 1; i < parts.length; i++) {
      const prev = parts[i - 1]!.last;
      const next = parts[i]!.first;
      expect(prev.compareDocumentPosition(next) & 4 /* FOLLOWING */).toBeTruthy();
    }
  });
});

describe('large pages', () => {
  it('finds the same claims on a 400k-character page as on the article alone, with exact ranges', () => {
    const small = annotateWithIndex(new JSDOM(readPage('en-cnbc-lecun.html')).window.document, index);
    const doc = new JSDOM(bigPage(400_000)).window.document;
    expect((doc.querySelector('article') ?? doc.body).textContent!.length).toBeGreaterThan(200_000);
    const big = annotateWithIndex(doc, index);
    expect(small.annotations.length).toBeGreaterThan(10);
    expect(new Set(big.annotations.map((a) => a.claimId))).toEqual(new Set(small.annotations.map((a) => a.claimId)));
    for (const a of big.annotations) expect(a.range.toString()).toBe(a.quote);
  });

  it('works in many small steps: the generator yields at least once per part', () => {
    const doc = new JSDOM(bigPage(400_000)).window.document;
    const steps = annotateWithIndexSteps(doc, index);
    let yields = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThan(8);
  });
});
