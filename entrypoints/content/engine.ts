/**
 * Seam to the matching engine. `lib/annotate.ts` (the engine) is picked up when it exists; until
 * then, and if it fails to load, the overlay runs with no annotations (plain badge on articles).
 * The overlay only relies on the fields of `OverlayEngineResult`.
 */

import type { OverlayEngineResult } from '../../lib/overlay/types';

export interface OverlayEngine {
  annotateDocument(doc: Document, options?: { url?: string }): OverlayEngineResult;
  /**
   * Optional: the same work as a generator that yields after each bounded step (a few ms). When
   * the engine provides it, the overlay runs it in time slices (lib/overlay/slices.ts) so no task
   * of the extension becomes a long task on very large pages.
   */
  annotateDocumentSteps?(doc: Document, options?: { url?: string }): Iterator<unknown, OverlayEngineResult, undefined>;
}

const engines = import.meta.glob<OverlayEngine>('../../lib/annotate.ts');

let loaded: Promise<OverlayEngine | null> | null = null;

export function loadEngine(): Promise<OverlayEngine | null> {
  const load = Object.values(engines)[0];
  if (!load) return Promise.resolve(null);
  loaded ??= load().then(
    (m) => (typeof m.annotateDocument === 'function' ? m : null),
    (e: unknown) => {
      console.warn('[Counterpoint] engine failed to load', e);
      return null;
    },
  );
  return loaded;
}
