/**
 * `claims:data`: the content script asks the background for the compiled index and the card
 * catalog, once per page and only when the page has passed the gate (an article naming an entity
 * of the dataset). Keeping both out of the content script keeps what every page loads small; the
 * price is one message round trip on candidate pages.
 */

import type { Dataset } from '../dataset/types';
import type { CompiledIndex } from '../index/format';

export interface ClaimsDataRequest {
  type: 'claims:data';
}

export type ClaimsDataReply = { ok: true; index: CompiledIndex; catalog: Dataset } | { ok: false; error: string };

export function isClaimsDataRequest(value: unknown): value is ClaimsDataRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'claims:data' &&
    Object.keys(value).length === 1
  );
}
