/**
 * The bundled dataset and seed texts, when present. Looked up with `import.meta.glob` so the
 * overlay builds (and degrades to annotation-only cards) before `data/claims.json` exists.
 */

import type { Dataset } from '../dataset/types';
import { catalogFromDataset, emptyCatalog, type Catalog } from './catalog';

const datasets = import.meta.glob<Dataset>('../../data/claims.json', { eager: true, import: 'default' });

export function bundledDataset(): Dataset | null {
  const d = Object.values(datasets)[0];
  return d && Array.isArray(d.claims) ? d : null;
}

let catalog: Catalog | null = null;
export function bundledCatalog(): Catalog {
  if (catalog) return catalog;
  const d = bundledDataset();
  catalog = d ? catalogFromDataset(d) : emptyCatalog;
  return catalog;
}
