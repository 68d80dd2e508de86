/**
 * The card catalog the overlay reads. The content script does not bundle the dataset: it receives
 * the catalog from the background with the compiled index (see utils/claims-data.ts) and
 * installs it here. Until then, and when no dataset exists, cards are built from the annotation
 * alone (names, dates, relation texts), with less detail.
 */

import type { Dataset } from '../dataset/types';
import { catalogFromDataset, emptyCatalog, type Catalog } from './catalog';

let catalog: Catalog = emptyCatalog;

export function installCatalog(dataset: Dataset | null): void {
  catalog = dataset && Array.isArray(dataset.claims) ? catalogFromDataset(dataset) : emptyCatalog;
}

export function bundledCatalog(): Catalog {
  return catalog;
}
