/**
 * The claim annotator for the page the content script runs on.
 *
 * Two stages (README "Speed"). The first, on every page, decides whether the page needs the
 * annotator at all (`mayHaveClaims` in page-check.ts: article detection and the build-time gate);
 * pages that are not articles, or name nothing of the dataset, get nothing more. The annotator
 * itself (the compiled index, the matcher) is in the matcher (entrypoints/content-matcher/), which
 * the background injects only into pages that pass: `annotatorFor(index)`. It detects again when it runs: the page may
 * have changed since the first stage looked.
 */

import type { CompiledIndex } from '../index/format';
import { compileGate, passesGateRegExp } from '../match/gate';
import { annotateWithIndex, annotateWithIndexSteps } from '../match/pipeline';
import type { RestatePartText } from '../messages/protocol';
import { pageDate } from '../restate/page-date';
import { isoOfDate, partsForRequest } from '../restate/remote';
import { PartCollector, restatementsFromFound } from '../restate/tier';
import type { FoundRestatement, StoryResult } from '../restate/types';
import type { OverlayEngineResult } from './types';

export interface PageAnnotator {
  annotateDocument(doc: Document): OverlayEngineResult;
  /**
   * Optional: the second tier (restatements and stories) for the page the last stepwise run
   * matched, once that run is done; null when it does not apply or cannot be had.
   */
  restate?(doc: Document): Promise<Pick<OverlayEngineResult, 'restatements' | 'stories'> | null>;
  /**
   * Optional: the same work as a generator that yields after each bounded step (a few ms). When
   * the annotator provides it, the overlay runs it in time slices (lib/overlay/slices.ts) so no
   * task of the extension becomes a long task on very large pages.
   */
  annotateDocumentSteps?(doc: Document): Iterator<unknown, OverlayEngineResult, undefined>;
}

/**
 * Where the second tier runs (the content script's is the background: `restate:find`, see
 * lib/restate/remote.ts): the page's texts and first-tier hits in, matches as offsets out.
 */
export type RestateSource = (parts: RestatePartText[], date: string | null) => Promise<{ found: FoundRestatement[]; stories: StoryResult[] } | null>;

/** The matcher over `index`, whole or in steps, and the second tier through `restate` when given. */
export function annotatorFor(compiled: CompiledIndex, restate?: RestateSource): PageAnnotator {
  // The parts the last stepwise run matched, for the second tier.
  let collector: PartCollector | null = null;
  const peopleGate = compiled.restateGate?.length ? compileGate(compiled.restateGate) : null;
  return {
    annotateDocument: (d) => annotateWithIndex(d, compiled),
    annotateDocumentSteps: (d) => annotateWithIndexSteps(d, compiled, (collector = new PartCollector())),
    restate: async (d) => {
      const c = collector;
      // Only articles that name a story's people (the tier's own first check, made here so other
      // pages send nothing).
      if (!restate || !c || c.parts.length === 0 || !peopleGate || !c.parts.some((p) => passesGateRegExp(p.model.text, peopleGate))) return null;
      const reply = await restate(partsForRequest(c), isoOfDate(pageDate(d, c.parts[0]!.root)));
      // The page may have changed while the background worked: then the next run starts over.
      if (!reply || !c.parts.every((p) => p.model.nodes.every((n) => n.isConnected))) return null;
      return { restatements: restatementsFromFound(compiled, c.parts, reply.found).map((x) => ({ ...x, quote: x.passage })), stories: reply.stories };
    },
  };
}
