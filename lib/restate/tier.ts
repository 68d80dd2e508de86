/**
 * The restatement tier on one page, in the document: the first tier's engine calls `part()` for
 * every part of an article that passed the page gate (the `afterPart` seam of
 * lib/match/annotate-page.ts), with the text model it built and its own hits; the work on the text is
 * the core's (core.ts); `finish()` turns the core's matches into ranges (page-side.ts) with the claims' speaker,
 * date, source and relations. Step generators, run in the same time slices as the first tier.
 */

import type { CompiledIndex } from '../index/format';
import type { FirstTierHit, PartObserver } from '../match/types';
import type { TextModel } from '../text/text-model';
import { RestatementCore } from './core';
import { pageDate } from './page-date';
import { restatementsFromFound, type PagePart } from './page-side';
import type { Rejected, Restatement, StoryResult } from './types';

export { contextRange, windowTerms } from './core';

export interface TierOutput {
  restatements: Restatement[];
  stories: StoryResult[];
  rejected: Rejected[];
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
    return { restatements: restatementsFromFound(this.parts, out.found), stories: out.stories, rejected: out.rejected };
  }
}
