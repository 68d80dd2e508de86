/**
 * The bundled dataset and seed texts, when present. Looked up with `import.meta.glob` so the
 * overlay builds (and degrades to annotation-only cards) before `data/claims.json` exists.
 *
 * Imported as a raw string and parsed on first use: the content script is one bundle evaluated on
 * every page, and a string literal costs far less to load than the parsed object, which only
 * pages with a match need.
 */

import type { Dataset } from '../dataset/types';
import { catalogFromDataset, emptyCatalog, type Catalog } from './catalog';

const raw = import.meta.glob<string>('../../data/claims.json', { eager: true, query: '?raw', import: 'default' });

let dataset: Dataset | null | undefined;

export function bundledDataset(): Dataset | null {
  if (dataset !== undefined) return dataset;
  const text = Object.values(raw)[0];
  try {
    const d = text ? (JSON.parse(text) as Dataset) : null;
    dataset = d && Array.isArray(d.claims) ? d : null;
  } catch {
    dataset = null;
  }
  return dataset;
}

let catalog: Catalog | null = null;
export function bundledCatalog(): Catalog {
  if (catalog) return catalog;
  const d = bundledDataset();
  catalog = d ? catalogFromDataset(d) : emptyCatalog;
  return catalog;
}
