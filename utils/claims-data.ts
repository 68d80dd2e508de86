import type { CompiledIndex } from '../lib/index/format';
import { loadIndex } from '../lib/index/load';
import { installCatalog } from '../lib/overlay/bundled';
import { sendRequest } from './messaging';

let claimsData: Promise<CompiledIndex | null> | null = null;

/**
 * The content script's `IndexSource` (lib/overlay/page-annotator.ts): the compiled index, asked
 * from the background once per page (`claims:data`); the card catalog that comes with it is
 * installed for the cards as a side effect. A failure is forgotten, so the next run asks again.
 */
export function fetchClaimsIndex(): Promise<CompiledIndex | null> {
  claimsData ??= sendRequest({ type: 'claims:data' })
    .then((reply) => {
      if (!reply.ok) throw new Error(reply.error);
      const index = loadIndex(reply.index);
      installCatalog(reply.catalog);
      return index;
    })
    .catch((e: unknown) => {
      console.warn('[Counterpoint] claims data unavailable', e);
      claimsData = null; // try again on the next run
      return null;
    });
  return claimsData;
}
