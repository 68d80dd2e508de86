/**
 * Lookups the card needs beyond what an annotation carries (roles, source metadata, the related
 * claim's own date and source, relation reasons). Built once from the bundled dataset; every
 * lookup is a Map get. When no dataset is bundled the overlay still works from the annotation
 * alone (names, dates, relation texts), just with less detail.
 */

import type { Claim, Dataset, Entity, Relation, Source } from '../dataset/types';

export interface Catalog {
  claim(id: string): Claim | undefined;
  source(id: string): Source | undefined;
  entity(id: string): Entity | undefined;
  /** Every relation touching `claimId`, either end. */
  relationsOf(claimId: string): Relation[];
}

export function catalogFromDataset(dataset: Dataset): Catalog {
  const claims = new Map(dataset.claims.map((c) => [c.id, c]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const rels = new Map<string, Relation[]>();
  for (const r of dataset.relations) {
    for (const id of new Set([r.from, r.to])) {
      const list = rels.get(id) ?? [];
      list.push(r);
      rels.set(id, list);
    }
  }
  return {
    claim: (id) => claims.get(id),
    source: (id) => sources.get(id),
    entity: (id) => entities.get(id),
    relationsOf: (id) => rels.get(id) ?? [],
  };
}

/** A catalog that knows nothing (no dataset bundled). */
export const emptyCatalog: Catalog = {
  claim: () => undefined,
  source: () => undefined,
  entity: () => undefined,
  relationsOf: () => [],
};
