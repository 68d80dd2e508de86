import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../lib/messages/protocol';
import { sourceViewPath } from '../../lib/overlay/source-view';

describe('source:open message', () => {
  it('accepts a claim id and an optional language', () => {
    expect(parseRequest({ type: 'source:open', claimId: 's003-lecun-failure' })).toEqual({ type: 'source:open', claimId: 's003-lecun-failure' });
    expect(parseRequest({ type: 'source:open', claimId: 's000-x', lang: 'ja' })).toMatchObject({ lang: 'ja' });
  });

  it.each([
    { type: 'source:open', claimId: '' },
    { type: 'source:open', claimId: '../popup.html' },
    { type: 'source:open', claimId: 'a?b=c' },
    { type: 'source:open', claimId: 'x'.repeat(200) },
    { type: 'source:open', claimId: 'ok', lang: 'fr' },
    { type: 'source:open', claimId: 7 },
    { type: 'source:open' },
  ])('refuses %j', (bad) => {
    expect(parseRequest(bad)).toHaveProperty('invalid');
  });

  it('builds the source view path with an encoded query', () => {
    expect(sourceViewPath('s003-a', 'en')).toBe('/source.html?claim=s003-a&lang=en');
    expect(sourceViewPath('s003-a')).toBe('/source.html?claim=s003-a');
  });
});
