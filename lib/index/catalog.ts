/**
 * The card catalog: the dataset trimmed to what the overlay's card shows (names, roles, texts,
 * dates with their precision and bounds, sources, relations with their why). Anchors, aliases,
 * evidence prose, provenance notes and relations' `basis` (the words a relation rests on, checked by
 * `dataset:check`, not shown) stay in data/claims.json (the source view and the tools read that). Generated next to the compiled index by `npm run dataset:compile`.
 */

import type { Dataset, DatedBy } from '../dataset/types';

const trimDate = (d: DatedBy): DatedBy => ({
  date: d.date,
  precision: d.precision,
  evidence: '',
  ...(d.bounds ? { bounds: d.bounds } : {}),
});

export function cardCatalog(dataset: Dataset): Dataset {
  return {
    sources: dataset.sources.map(({ provenance: _p, regions: _r, ...s }) => ({ ...s, publishedOn: trimDate(s.publishedOn) })),
    entities: dataset.entities.map((e) => ({ ...e, aliases: [] })),
    claims: dataset.claims.map(({ anchors: _a, ...c }) => ({
      ...c,
      anchors: [],
      saidOn: trimDate(c.saidOn),
      ...(c.eventOn ? { eventOn: trimDate(c.eventOn) } : {}),
    })),
    relations: dataset.relations.map((r) => ({ ...r, basis: { from: '', to: '' } })),
  };
}
