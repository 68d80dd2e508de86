/**
 * `source:open`: the overlay's card asks the background to open the bundled source view for a claim
 * (a page cannot navigate to a non-web-accessible extension page itself). Validated here, because
 * the content script runs next to a hostile page: only a claim id of the expected shape and a
 * known language become part of the extension URL.
 */

export interface SourceOpenRequest {
  type: 'source:open';
  claimId: string;
  lang?: 'ja' | 'en';
}

const CLAIM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function parseSourceOpen(value: unknown): SourceOpenRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type !== 'source:open' || typeof v.claimId !== 'string' || !CLAIM_ID.test(v.claimId)) return null;
  if (v.lang !== undefined && v.lang !== 'ja' && v.lang !== 'en') return null;
  return { type: 'source:open', claimId: v.claimId, ...(v.lang ? { lang: v.lang } : {}) };
}

/** The source view's path and query for a request (relative to the extension's root). */
export function sourceViewPath(request: SourceOpenRequest): string {
  const q = new URLSearchParams({ claim: request.claimId });
  if (request.lang) q.set('lang', request.lang);
  return `/source.html?${q.toString()}`;
}
