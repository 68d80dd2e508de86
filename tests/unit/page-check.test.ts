import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../lib/detect/article';
import { PAGE_GATE, PAGE_GATE_PIECES, pageGate } from '../../lib/generated/claims-gate';
import { compileIndex } from '../../lib/index/compile';
import { compileGate, forgetLastMatch, gatePieces, passesGateRegExp, passesPageGate } from '../../lib/match/gate';
import { annotateWithIndex } from '../../lib/match/pipeline';
import { gatedArticle } from '../../lib/overlay/page-check';

/** Whether the page check lets the page through to matching. */
const mayHaveClaims = async (doc: Document, yieldToMain: () => Promise<void>): Promise<boolean> => (await gatedArticle(doc, yieldToMain)) !== null;
import { PAGES, loadRealDataset, readPage } from '../fixtures/expectations';

const dataset = loadRealDataset();
if (!dataset) throw new Error('data/claims.json is required');
const index = compileIndex(dataset);
const now = (): Promise<void> => Promise.resolve();
const footprint = (f: string): string => readFileSync(`tests/fixtures/footprint/${f}`, 'utf8');

describe('the first stage’s page check', () => {
  it('the build’s gate literal is the gate the matcher compiles from the index’s terms', () => {
    const runtime = compileGate(index.gate ?? [])!;
    expect(PAGE_GATE).not.toBeNull();
    expect(PAGE_GATE!.flags).toBe(runtime.flags);
    expect(/[^\x00-\x7f]/.test(PAGE_GATE!.source), 'ASCII only').toBe(false);
    const samples = [
      ...(index.gate ?? []),
      'said Yann\n LeCun, who',
      'ｲｰﾛﾝ・ﾏｽｸ氏',
      'The timetable was trimmed; the metal gate stayed.',
      'xAIの共同創業者',
      'Meta’s chief AI scientist',
      'nothing of the sort',
      ...PAGES.map((p) => detectArticle(new JSDOM(readPage(p.file)).window.document).root?.textContent ?? ''),
    ];
    for (const s of samples) expect(passesGateRegExp(s, PAGE_GATE), s.slice(0, 60)).toBe(passesGateRegExp(s, runtime));
    // The cheaper first look (pieces, then the expression) gives the same answers.
    expect(PAGE_GATE_PIECES).toEqual(gatePieces(index.gate ?? []));
    expect(PAGE_GATE_PIECES).not.toContain('ai'); // in every English text: of "ai日報" the piece is "日報"
    for (const s of [...samples, 'ＸＡＩ社', 'ｲｰﾛﾝ', 'Ｙａｎｎ ＬｅＣｕｎ said', 'LECUN', 'イーロン・マスク氏']) {
      expect(passesPageGate(s, PAGE_GATE, PAGE_GATE_PIECES), s.slice(0, 60)).toBe(passesGateRegExp(s, runtime));
      // The first look's form: the expression made only when a piece occurs, the same answer.
      let made = 0;
      const make = (): RegExp | null => (made++, pageGate());
      expect(passesPageGate(s, make, PAGE_GATE_PIECES), s.slice(0, 60)).toBe(passesGateRegExp(s, runtime));
      expect(made, s.slice(0, 60)).toBeLessThanOrEqual(1);
    }
    let made = 0;
    expect(passesPageGate('The council approved the breakwater on Tuesday.', () => (made++, pageGate()), PAGE_GATE_PIECES)).toBe(false);
    expect(made, 'no expression made for a text holding no piece').toBe(0);
  });

  // One test per page: each parses a page with jsdom and annotates it (~0.3 s).
  describe('lets every fixture page that carries claims through, and only articles', () => {
    for (const page of PAGES) {
      it(page.file, async () => {
        const doc = new JSDOM(readPage(page.file)).window.document;
        const found = annotateWithIndex(doc, index).annotations.length;
        const may = await mayHaveClaims(doc, now);
        if (found > 0) expect(may).toBe(true);
        if (!page.isArticle) expect(may).toBe(false);
      });
    }
  });

  it('on the footprint pages: the articles naming the story’s people pass; the front page and the ferry article stop there', async () => {
    expect(await mayHaveClaims(new JSDOM(footprint('article-lecun.html')).window.document, now)).toBe(true);
    // It names the story's people about another event: the gate lets it through (the matcher then finds nothing).
    expect(await mayHaveClaims(new JSDOM(footprint('article-named.html')).window.document, now)).toBe(true);
    expect(await mayHaveClaims(new JSDOM(footprint('article-other.html')).window.document, now)).toBe(false);
    expect(await mayHaveClaims(new JSDOM(footprint('front.html')).window.document, now)).toBe(false);
  });

  it('gives the main thread back between detection and the gate, and stops if the article is gone by then', async () => {
    const doc = new JSDOM(readPage('en-cnbc-lecun.html')).window.document;
    let yields = 0;
    expect(await mayHaveClaims(doc, async () => void yields++)).toBe(true);
    expect(yields).toBe(1);
    const gone = await mayHaveClaims(doc, async () => {
      doc.body.replaceChildren(); // the page re-renders in between
    });
    expect(gone).toBe(false);
  });

  it('leaves no page text in the realm’s last regular-expression match', () => {
    const text = `${'filler '.repeat(20_000)} xAI said`;
    expect(passesGateRegExp(text, PAGE_GATE)).toBe(true);
    const legacy = RegExp as unknown as { input: string };
    expect(legacy.input.length).toBe(text.length); // what V8 keeps after a successful match
    forgetLastMatch();
    expect(legacy.input).toBe('');
  });
});
