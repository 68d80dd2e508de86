/**
 * The restatement tier's page side, for a tier that runs elsewhere (the extension's background,
 * `restate:find`, remote.ts): the parts the first tier showed (text models and roots) are kept
 * here, their texts and first-tier hits go out (`partsForRequest`), and the matches that come back
 * as offsets become ranges (`restatementsFromFound`). Nothing here reads the index: the core sends
 * each claim's facts with its match.
 */

import type { RestatePartText } from '../messages/protocol';
import type { FirstTierHit, PartObserver } from '../match/types';
import { makeRange } from '../text/range';
import { pointAt, type TextModel } from '../text/text-model';
import type { DateRef } from './facts';
import type { FoundRestatement, Restatement } from './types';

/** A part of the page as the first tier's engine showed it: its text model and root. */
export interface PagePart {
  model: TextModel;
  root: Element;
}

/**
 * Keeps the parts the first tier's engine shows (for a core that runs elsewhere, e.g. the
 * extension's background: their texts go there, the matches come back as offsets).
 */
export class PartCollector implements PartObserver {
  readonly parts: PagePart[] = [];
  readonly hits: FirstTierHit[][] = [];
  // eslint-disable-next-line require-yield
  *part(model: TextModel, root: Element, hits: readonly FirstTierHit[]): Generator<unknown, void, undefined> {
    this.parts.push({ model, root });
    this.hits.push([...hits]);
  }
}

/** "YYYY-MM-DD" / "YYYY-MM" of a page date (the request carries it as text). */
export function isoOfDate(d: DateRef | null): string | null {
  if (!d || d.y === undefined || d.m === undefined) return null;
  const mm = String(d.m).padStart(2, '0');
  return d.d === undefined ? `${d.y}-${mm}` : `${d.y}-${mm}-${String(d.d).padStart(2, '0')}`;
}

export function partsForRequest(collector: PartCollector): RestatePartText[] {
  return collector.parts.map((p, i) => ({ text: p.model.text, hits: collector.hits[i]!.map((h): [number, number, number] => [h.start, h.end, h.claim]) }));
}

/**
 * The core's matches as restatements of the page: a DOM range over each passage (in its part's
 * text model), with the claim's speaker, date, source and relations the core read from the index
 * (claim-facts.ts), so the page side needs no index. Matches whose part or offsets the page no
 * longer has are dropped.
 */
export function restatementsFromFound(parts: readonly PagePart[], found: readonly FoundRestatement[]): Restatement[] {
  const out: Restatement[] = [];
  for (const f of found) {
    const part = parts[f.part];
    if (!part) continue;
    const start = pointAt(part.model, f.start, 'start');
    const end = pointAt(part.model, f.end, 'end');
    if (!start || !end) continue;
    out.push({
      claimId: f.claimId,
      method: 'restatement',
      confidence: f.confidence,
      range: makeRange(part.root.ownerDocument ?? (part.root as unknown as Document), start, end),
      passage: f.passage,
      score: f.score,
      lang: f.lang,
      reasons: f.reasons,
      speaker: f.speaker,
      saidOn: f.saidOn,
      sourceId: f.sourceId,
      relations: f.relations,
    });
  }
  return out;
}
