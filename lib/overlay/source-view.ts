/**
 * What the bundled source view shows for `?claim=ID[&lang=ja|en]` or `?source=ID&start=N&end=M`:
 * the seed text of the source, split around the anchored passage. Pure.
 */

import type { Claim, Dataset, Lang, Source } from '../dataset/types';

export interface SourceViewModel {
  source: Source;
  /** For a digest: the source it sums up. */
  digestOf?: Source;
  claim?: Claim;
  before: string;
  passage: string;
  after: string;
  start: number;
  end: number;
}

export type SourceViewResult = { ok: true; view: SourceViewModel } | { ok: false; reason: string };

/** `seeds` maps a seed file name (`Source.seedFile`) to its text. */
export function resolveSourceView(dataset: Dataset | null, seeds: Record<string, string>, params: URLSearchParams): SourceViewResult {
  if (!dataset) return { ok: false, reason: 'no dataset bundled' };
  const claimId = params.get('claim');
  let source: Source | undefined;
  let claim: Claim | undefined;
  let start: number;
  let end: number;
  if (claimId) {
    claim = dataset.claims.find((c) => c.id === claimId);
    if (!claim) return { ok: false, reason: `unknown claim ${claimId}` };
    source = dataset.sources.find((s) => s.id === claim!.sourceId);
    const lang = params.get('lang') as Lang | null;
    const anchor = claim.anchors.find((a) => a.lang === lang) ?? claim.anchors[0];
    if (!anchor) return { ok: false, reason: `claim ${claimId} has no anchor` };
    start = anchor.start;
    end = anchor.end;
  } else {
    source = dataset.sources.find((s) => s.id === params.get('source'));
    start = Number(params.get('start'));
    end = Number(params.get('end'));
  }
  if (!source) return { ok: false, reason: 'unknown source' };
  const text = seeds[source.seedFile];
  if (typeof text !== 'string') return { ok: false, reason: `seed ${source.seedFile} not bundled` };
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return { ok: false, reason: 'passage out of range' };
  }
  return {
    ok: true,
    view: {
      source,
      ...(source.digestOf ? { digestOf: dataset.sources.find((s) => s.id === source!.digestOf) } : {}),
      claim,
      start,
      end,
      before: text.slice(0, start),
      passage: text.slice(start, end),
      after: text.slice(end),
    },
  };
}

/** The source view's path and query for a claim (relative to the extension's root). */
export function sourceViewPath(claimId: string, lang?: Lang): string {
  const q = new URLSearchParams({ claim: claimId });
  if (lang) q.set('lang', lang);
  return `/source.html?${q.toString()}`;
}
