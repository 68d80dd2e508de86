/**
 * The restatement tier on one page, in the document: the first tier's engine calls `part()` for
 * every part of an article that passed the page gate (the `afterPart` seam of
 * lib/match/pipeline.ts), with the text model it built and its own hits; the work on the text is
 * the core's (core.ts); `finish()` turns the core's matches into ranges with the claims' speaker,
 * date, source and relations. Step generators, run in the same time slices as the first tier.
 */

import type { CompiledIndex } from '../index/format';
import type { AnnotationRelation, FirstTierHit, PartObserver, Speaker } from '../match/types';
import { makeRange } from '../text/range';
import { pointAt, type TextModel } from '../text/text-model';
import { RestatementCore } from './core';
import { pageDate } from './page-date';
import type { FoundRestatement, Rejected, Restatement, StoryResult } from './types';

export { contextRange, windowTerms } from './core';

export interface TierOutput {
  restatements: Restatement[];
  stories: StoryResult[];
  rejected: Rejected[];
}

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

export class RestatementTier implements PartObserver {
  private readonly parts: PagePart[] = [];
  private readonly core: RestatementCore;

  constructor(
    private readonly index: CompiledIndex,
    doc: Document,
  ) {
    this.core = new RestatementCore(index, () => pageDate(doc, this.parts[0]?.root ?? null));
  }

  *part(model: TextModel, root: Element, hits: readonly FirstTierHit[]): Generator<unknown, void, undefined> {
    this.parts.push({ model, root });
    yield* this.core.addPart(model.text, hits);
  }

  *finish(): Generator<unknown, TierOutput, undefined> {
    const out = yield* this.core.finish();
    return { restatements: restatementsFromFound(this.index, this.parts, out.found), stories: out.stories, rejected: out.rejected };
  }
}

/**
 * The core's matches as restatements of the page: a DOM range over each passage (in its part's
 * text model), the claim's speaker, date, source and relations from the index. Matches whose part
 * or offsets the page no longer has are dropped.
 */
export function restatementsFromFound(index: CompiledIndex, parts: readonly PagePart[], found: readonly FoundRestatement[]): Restatement[] {
  const speakers = new Map<string, Speaker>();
  const speaker = (id: string): Speaker => {
    let v = speakers.get(id);
    if (!v) {
      const s = index.speakers[id];
      const e = s ? undefined : index.restate?.entities.find((x) => x.id === id);
      v = { id, name: s?.name ?? e?.name ?? { ja: id, en: id } };
      speakers.set(id, v);
    }
    return v;
  };
  const out: Restatement[] = [];
  for (const f of found) {
    const part = parts[f.part];
    const claim = index.claims[f.claim];
    if (!part || !claim || claim.id !== f.claimId) continue;
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
      speaker: speaker(claim.speakerId),
      saidOn: claim.saidOn,
      sourceId: claim.sourceId,
      relations: (claim.relations ?? []).map(([type, direction, other]): AnnotationRelation => {
        const o = index.claims[other]!;
        return { type, direction, claimId: o.id, speaker: speaker(o.speakerId), text: o.text ?? { ja: '', en: '' }, sourceId: o.sourceId };
      }),
    });
  }
  return out;
}
