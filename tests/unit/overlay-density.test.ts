import { describe, expect, it } from 'vitest';
import type { ClaimKind } from '../../lib/dataset/types';
import { HIGHLIGHT_DENSITIES, claimKindOf, markFor, type HighlightDensity, type MarkStrength } from '../../lib/overlay/density';
import { catalogFromDataset } from '../../lib/overlay/catalog';
import { CLAIM_STATUSES, type ClaimStatus } from '../../lib/overlay/types';
import dataset from '../../data/claims.json';
import type { Dataset } from '../../lib/dataset/types';

const KINDS: (ClaimKind | undefined)[] = ['quote', 'paraphrase', 'fact', 'assessment', 'question', undefined];
const LOUD: Record<MarkStrength, number> = { none: 0, subtle: 1, strong: 2 };

describe('highlight density', () => {
  it('marks contested claims strongly at every density', () => {
    for (const d of HIGHLIGHT_DENSITIES) for (const kind of KINDS) expect(markFor(d, { status: 'contested', kind })).toBe('strong');
  });

  it('all claims: every claim strong', () => {
    for (const status of CLAIM_STATUSES) for (const kind of KINDS) expect(markFor('all', { status, kind })).toBe('strong');
  });

  it('default: another view and attributed words strong, the outlet’s own statements subtle', () => {
    expect(markFor('key', { status: 'other-view', kind: 'fact' })).toBe('strong');
    expect(markFor('key', { status: 'neutral', kind: 'quote' })).toBe('strong');
    expect(markFor('key', { status: 'supported', kind: 'paraphrase' })).toBe('strong');
    expect(markFor('key', { status: 'neutral', kind: 'fact' })).toBe('subtle');
    expect(markFor('key', { status: 'supported', kind: 'assessment' })).toBe('subtle');
    expect(markFor('key', { status: 'neutral', kind: 'question' })).toBe('subtle');
    // No dataset bundled: the kind is unknown, and nothing is claimed to be someone's words.
    expect(markFor('key', { status: 'neutral', kind: undefined })).toBe('subtle');
  });

  it('contested only: nothing else is marked', () => {
    for (const status of CLAIM_STATUSES.filter((s) => s !== 'contested'))
      for (const kind of KINDS) expect(markFor('contested', { status, kind })).toBe('none');
  });

  it('is monotone: a denser setting never marks a claim more quietly', () => {
    const order: HighlightDensity[] = ['contested', 'key', 'all'];
    for (const status of CLAIM_STATUSES as readonly ClaimStatus[])
      for (const kind of KINDS)
        for (let i = 1; i < order.length; i++)
          expect(LOUD[markFor(order[i]!, { status, kind })]).toBeGreaterThanOrEqual(LOUD[markFor(order[i - 1]!, { status, kind })]);
  });

  it('reads the claim kind from the card catalog', () => {
    const catalog = catalogFromDataset(dataset as unknown as Dataset);
    const quote = (dataset as unknown as Dataset).claims.find((c) => c.kind === 'quote')!;
    expect(claimKindOf(quote.id, catalog)).toBe('quote');
    expect(claimKindOf('no-such-claim', catalog)).toBeUndefined();
  });

  it('on the seed dataset, the default leaves most claims quiet and none unmarked', () => {
    const d = dataset as unknown as Dataset;
    const catalog = catalogFromDataset(d);
    const statusOf = (id: string): ClaimStatus => {
      const types = catalog.relationsOf(id).filter((r) => r.type === 'contradicts' || r.type === 'differs' || r.from === id).map((r) => r.type);
      if (types.includes('contradicts')) return 'contested';
      if (types.includes('differs')) return 'other-view';
      if (types.includes('supports')) return 'supported';
      return 'neutral';
    };
    const marks = d.claims.map((c) => markFor('key', { status: statusOf(c.id), kind: claimKindOf(c.id, catalog) }));
    const strong = marks.filter((m) => m === 'strong').length;
    expect(marks).not.toContain('none');
    // Quotes, paraphrases and other views: about a third of the claims.
    expect(strong).toBeGreaterThan(0);
    expect(strong / marks.length).toBeLessThan(0.5);
  });
});
