import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../lib/index/compile';
import { annotateWithIndex } from '../../lib/match/pipeline';
import { gateFold, gateTerm, isGateTerm, passesGate } from '../../lib/match/gate';
import { PAGES, loadRealDataset, readPage } from '../fixtures/expectations';

const dataset = loadRealDataset();
if (!dataset) throw new Error('data/claims.json is required for the gate tests');
const index = compileIndex(dataset);

describe('page gate', () => {
  it('folds width and case the way pages vary them; terms keep one space', () => {
    expect(gateFold('ＸＡＩ と Yann\u00a0LeCun ﾏｽｸ')).toBe('xai と yann lecun マスク');
    expect(gateTerm('  Yann \n LeCun ')).toBe('yann lecun');
  });

  it('matches spacing loosely: inside multi-word names and across Latin/CJK switches', () => {
    expect(passesGate('said Yann\n   LeCun, who', index)).toBe(true);
    expect(passesGate('said YannLeCun', index)).toBe(true);
    expect(passesGate('xAI 社の幹部', { ...index, gate: ['xai社'] })).toBe(true);
    expect(passesGate('Yann Smith and Bob LeCunningham', { ...index, gate: ['yann lecun'] })).toBe(false);
  });

  it('keeps only distinctive terms', () => {
    expect(isGateTerm('ai')).toBe(false);
    expect(isGateTerm('x')).toBe(false);
    expect(isGateTerm('xai')).toBe(true);
    expect(isGateTerm('マ')).toBe(false);
    expect(isGateTerm('ルカン')).toBe(true);
    expect(index.gate).toContain('lecun');
    expect(index.gate).toContain('マスク');
  });

  it('rejects text naming nothing of the dataset, passes text naming an entity in any width', () => {
    expect(passesGate('The city council approved a new budget for parks and libraries.', index)).toBe(false);
    expect(passesGate('今日は東京で雨が降りました。', index)).toBe(false);
    expect(passesGate('Ｙａｎｎ ＬｅＣｕｎ said so.', index)).toBe(true);
    expect(passesGate('ｲｰﾛﾝ・ﾏｽｸ氏', index)).toBe(true);
  });

  it('searches the raw text case-insensitively and folds only text NFKC could change', () => {
    expect(passesGate('YANN LECUN said so.', index)).toBe(true);
    // Only after NFKC: kana with a combining voiced mark, mathematical bold letters, a ligature.
    const decomposed = 'グーグル社'.normalize('NFD');
    expect(decomposed).not.toBe('グーグル社');
    expect(passesGate(decomposed, { ...index, gate: ['グーグル'] })).toBe(true);
    expect(passesGate('\u{1d404}\u{1d425}\u{1d428}\u{1d427} \u{1d40c}\u{1d42e}\u{1d42c}\u{1d424}', index)).toBe(true); // 𝐄𝐥𝐨𝐧 𝐌𝐮𝐬𝐤
    expect(passesGate('the \ufb01rst', { ...index, gate: ['first'] })).toBe(true);
    expect(passesGate('ｆｉｒｓｔ ｎｏｔｈｉｎｇ', index)).toBe(false);
  });

  // One test per page: each parses a page with jsdom and annotates it twice (~0.3 s alone).
  describe('lets every page that has claims through, so the gate costs no recall on the fixtures', () => {
    for (const page of PAGES) {
      it(page.file, () => {
        const doc = new JSDOM(readPage(page.file)).window.document;
        const ungated = annotateWithIndex(doc, { ...index, gate: [] }).annotations.map((a) => a.claimId);
        const gated = annotateWithIndex(doc, index).annotations.map((a) => a.claimId);
        expect(gated).toEqual(ungated);
      });
    }
  });

  it('an index without gate terms lets everything through to the prefilter', () => {
    expect(passesGate('nothing relevant', { ...index, gate: [] })).toBe(true);
  });
});
