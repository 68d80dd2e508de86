/**
 * The full bundled dataset, for extension pages (the source view), which are loaded only when
 * opened. Looked up with `import.meta.glob` so the build works before `data/claims.json` exists.
 */

import type { Dataset } from '../dataset/types';

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
