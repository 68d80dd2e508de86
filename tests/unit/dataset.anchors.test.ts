import { describe, expect, it } from 'vitest';
import { anchorAt, CONTEXT_LENGTH, locateAnchor, occurrences, selectorMatches } from '../../lib/dataset/anchors';

const seed = 'alpha beta gamma. alpha beta delta. ' + 'x'.repeat(40) + ' end';

describe('dataset anchors', () => {
  it('builds an anchor with up to 32 characters of context', () => {
    const start = seed.indexOf('x');
    const a = anchorAt(seed, 'en', start, start + 40);
    expect(a.exact).toBe('x'.repeat(40));
    expect(a.prefix).toBe(seed.slice(start - CONTEXT_LENGTH, start));
    expect(a.suffix).toBe(' end');
    expect(anchorAt(seed, 'en', 0, 5).prefix).toBe('');
  });

  it('does not cut a surrogate pair in the context', () => {
    const s = `${'😀'.repeat(20)}QUOTE${'😀'.repeat(20)}`;
    const start = s.indexOf('QUOTE');
    const a = anchorAt(s, 'en', start, start + 5);
    expect(a.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(a.prefix).toBe('😀'.repeat(16));
    expect(a.suffix).toBe('😀'.repeat(16));
  });

  it('locates a unique quote', () => {
    const r = locateAnchor(seed, { lang: 'en', exact: 'gamma' });
    expect(r.ok && r.anchor.start).toBe(seed.indexOf('gamma'));
  });

  it('fails on a quote that is not in the seed', () => {
    const r = locateAnchor(seed, { lang: 'en', exact: 'epsilon' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('not-found');
  });

  it('fails on an ambiguous quote and resolves it with a prefix or suffix hint', () => {
    const amb = locateAnchor(seed, { lang: 'en', exact: 'alpha beta' });
    expect(!amb.ok && amb.reason).toBe('ambiguous');
    expect(!amb.ok && amb.message).toMatch(/found 2 times/);
    const bySuffix = locateAnchor(seed, { lang: 'en', exact: 'alpha beta', suffix: ' delta' });
    expect(bySuffix.ok && bySuffix.anchor.start).toBe(seed.indexOf('alpha beta delta'));
    const byPrefix = locateAnchor(seed, { lang: 'en', exact: 'alpha beta', prefix: 'gamma. ' });
    expect(byPrefix.ok && byPrefix.anchor.start).toBe(seed.indexOf('alpha beta delta'));
  });

  it('restricts candidates to the given regions', () => {
    const second = seed.indexOf('alpha beta delta');
    const r = locateAnchor(seed, { lang: 'en', exact: 'alpha beta' }, [{ start: second, end: seed.length }]);
    expect(r.ok && r.anchor.start).toBe(second);
    const none = locateAnchor(seed, { lang: 'en', exact: 'gamma' }, [{ start: second, end: seed.length }]);
    expect(!none.ok && none.reason).toBe('not-found');
  });

  it('counts occurrences and selector matches', () => {
    expect(occurrences('aaa', 'aa')).toEqual([0, 1]);
    expect(selectorMatches('ab ab', { prefix: '', exact: 'ab', suffix: '' })).toBe(2);
    expect(selectorMatches('ab ab', { prefix: 'ab ', exact: 'ab', suffix: '' })).toBe(1);
  });
});
