import { describe, expect, it } from 'vitest';
import { matchesQuery, parseSearchQuery, searchTerms } from '../../lib/storage/search-terms';

describe('searchTerms', () => {
  it('splits English into lower-case words', () => {
    expect(searchTerms('The Climate, the CLIMATE! don’t')).toEqual(['the', 'climate', 'don’t']);
  });
  it('cuts Japanese into character bigrams', () => {
    expect(searchTerms('気候変動')).toEqual(['気候', '候変', '変動']);
  });
  it('keeps a one-character CJK run as a unigram and mixes scripts', () => {
    expect(searchTerms('AIの規制')).toEqual(['ai', 'の規', '規制']);
    expect(searchTerms('米 国')).toEqual(['米', '国']);
  });
  it('NFKC-folds full-width and half-width forms', () => {
    expect(searchTerms('ＡＩ ｶﾀｶﾅ')).toEqual(['ai', 'カタ', 'タカ', 'カナ']);
  });
  it('caps the number of terms', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    expect(searchTerms(text)).toHaveLength(2000);
  });
});

describe('parseSearchQuery / matchesQuery', () => {
  it('probes once per piece, longest first, and checks every piece', () => {
    const q = parseSearchQuery('Clim 気候変動');
    expect(q.probes).toEqual([{ key: 'clim', prefix: true }, { key: '気候', prefix: false }]);
    expect(matchesQuery('climate and 気候変動', q)).toBe(true);
    expect(matchesQuery('climate only', q)).toBe(false);
  });
  it('does not probe with a lone CJK character (it may end a bigram)', () => {
    const q = parseSearchQuery('気');
    expect(q.probes).toEqual([]);
    expect(matchesQuery('天気', q)).toBe(true);
  });
  it('empty query matches everything', () => {
    const q = parseSearchQuery('   ');
    expect(q.pieces).toEqual([]);
    expect(matchesQuery('x', q)).toBe(true);
  });
});
