import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { cardCatalog } from '../../lib/index/catalog';
import { parseRequest } from '../../lib/messages/protocol';

const dataset = JSON.parse(readFileSync('data/claims.json', 'utf8')) as Dataset;

describe('claims:data request', () => {
  it('is recognised only in its exact shape', () => {
    expect(parseRequest({ type: 'claims:data' })).toEqual({ type: 'claims:data' });
    expect(parseRequest({ type: 'claims:data', extra: 1 })).toEqual({ invalid: 'claims:data takes no fields' });
    expect(parseRequest(null)).toHaveProperty('invalid');
    expect(parseRequest('claims:data')).toHaveProperty('invalid');
  });
});

describe('card catalog', () => {
  const catalog = cardCatalog(dataset);

  it('keeps what the card shows: every claim with its texts, speaker, source and date precision, every relation', () => {
    expect(catalog.claims.map((c) => c.id)).toEqual(dataset.claims.map((c) => c.id));
    for (const [i, c] of catalog.claims.entries()) {
      const full = dataset.claims[i]!;
      expect(c.text).toEqual(full.text);
      expect([c.speakerId, c.sourceId, c.saidOn.date, c.saidOn.precision]).toEqual([full.speakerId, full.sourceId, full.saidOn.date, full.saidOn.precision]);
      expect(c.saidOn.bounds).toEqual(full.saidOn.bounds);
    }
    expect(catalog.relations).toEqual(dataset.relations.map((r) => ({ ...r, basis: { from: '', to: '' } })));
    expect(catalog.entities.map((e) => [e.id, e.name, e.roles])).toEqual(dataset.entities.map((e) => [e.id, e.name, e.roles]));
  });

  it('drops what only the tools need, so it is much smaller than the dataset', () => {
    expect(catalog.claims.every((c) => c.anchors.length === 0)).toBe(true);
    expect(catalog.entities.every((e) => e.aliases.length === 0)).toBe(true);
    expect(JSON.stringify(catalog).length).toBeLessThan(JSON.stringify(dataset).length * 0.6);
  });
});
