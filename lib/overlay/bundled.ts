/**
 * The card catalog the overlay reads. The content script does not bundle the dataset: its second
 * stage asks the background for the catalog when the overlay first opens (utils/content-data.ts)
 * and installs it here. Until then, and when no dataset exists, cards are built from the annotation
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
