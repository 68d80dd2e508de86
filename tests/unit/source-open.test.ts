import { describe, expect, it } from 'vitest';
import { parseSourceOpen, sourceViewPath } from '../../lib/messages/source-open';

describe('source:open message', () => {
  it('accepts a claim id and an optional language', () => {
    expect(parseSourceOpen({ type: 'source:open', claimId: 's003-lecun-failure' })).toEqual({ type: 'source:open', claimId: 's003-lecun-failure' });
    expect(parseSourceOpen({ type: 'source:open', claimId: 's000-x', lang: 'ja' })).toMatchObject({ lang: 'ja' });
  });

  it.each([
    { type: 'source:open', claimId: '' },
    { type: 'source:open', claimId: '../popup.html' },
    { type: 'source:open', claimId: 'a?b=c' },
    { type: 'source:open', claimId: 'x'.repeat(200) },
    { type: 'source:open', claimId: 'ok', lang: 'fr' },
    { type: 'source:open', claimId: 7 },
    { type: 'other', claimId: 'ok' },
    null,
  ])('refuses %j', (bad) => {
    expect(parseSourceOpen(bad)).toBeNull();
  });

  it('builds the source view path with an encoded query', () => {
    expect(sourceViewPath({ type: 'source:open', claimId: 's003-a', lang: 'en' })).toBe('/source.html?claim=s003-a&lang=en');
  });
});
