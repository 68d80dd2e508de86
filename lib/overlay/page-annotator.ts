/**
 * The claim annotator for the page the content script runs on.
 *
 * Two stages (README "Speed"). The first, on every page, decides whether the page needs the
 * annotator at all (`gatedArticle` in page-check.ts: article detection and the build-time gate);
 * pages that are not articles, or name nothing of the dataset, get nothing more. The annotator
 * itself runs both tiers where their index is, the extension's background (`remoteAnnotator`): the
 * page starts from the article the first stage let through (detecting again only if that left the
 * page meanwhile), builds the text model, sends its text (`claims:find`, then `restate:find` where the page names a story's people)
 * and makes ranges of the offsets that come back. `annotatorFor(index)` (index-annotator.ts) is the
 * same with the first tier in this process (tests, benchmarks).
 */

import { PAGE_GATE, PAGE_GATE_PIECES } from '../generated/claims-gate';
import { annotateSteps } from '../match/annotate-page';
import type { FoundClaim } from '../match/find-claims';
import { passesPageGate } from '../match/gate';
import type { RestatePartText } from '../messages/protocol';
import { pageDate } from '../restate/page-date';
import { isoOfDate, PartCollector, partsForRequest, restatementsFromFound } from '../restate/page-side';
import type { FoundRestatement, StoryResult } from '../restate/types';
import type { GatedArticle } from './page-check';
import type { OverlayEngineResult } from './types';

export interface PageAnnotator {
  /** Optional: the first tier at once, in this process (tests). */
  annotateDocument?(doc: Document): OverlayEngineResult;
  /**
   * The same work as a generator that yields after each bounded step (a few ms), or yields a
   * promise where it waits for the background: the overlay runs it in time slices
   * (lib/overlay/slices.ts, `runInSlices`), so no task of the extension becomes a long task on very
   * large pages. `gated`: the article the caller has just detected and let through the gate, when
   * it has (the annotator may start from it instead of detecting again).
   */
  annotateDocumentSteps?(doc: Document, gated?: GatedArticle): Iterator<unknown, OverlayEngineResult, undefined>;
  /**
   * Optional: the second tier (restatements and stories) for the page the last stepwise run
   * matched, once that run is done; null when it does not apply or cannot be had.
   */
  restate?(doc: Document): Promise<Pick<OverlayEngineResult, 'restatements' | 'stories'> | null>;
}

/**
 * Where the second tier runs (the content script's is the background: `restate:find`, see
 * lib/restate/remote.ts): the page's texts and first-tier hits in, matches as offsets out.
 */
export type RestateSource = (parts: RestatePartText[], date: string | null) => Promise<{ found: FoundRestatement[]; stories: StoryResult[] } | null>;

/**
 * Where the first tier runs (the content script's is the background: `claims:find`): one part's
 * text in, its matches as offsets out, and whether the text names a story's people (the second
 * tier's own first check). Null on any failure.
 */
export type ClaimsSource = (text: string, language: 'ja' | 'en' | undefined) => Promise<{ found: FoundClaim[]; namesStoryPeople: boolean } | null>;

/**
 * Both tiers in the background (the content script's annotator): the page keeps its DOM, the
 * background the index. The gate on the article's text is the build's (lib/generated/claims-gate.ts).
 */
export function remoteAnnotator(claims: ClaimsSource, restate: RestateSource): PageAnnotator {
  let collector: PartCollector | null = null;
  let namesPeople = false; // some part of the last run names a story's people
  const matcher = {
    passes: (text: string) => passesPageGate(text, PAGE_GATE, PAGE_GATE_PIECES),
    *find(text: string, language: 'ja' | 'en' | undefined): Generator<unknown, FoundClaim[] | null, undefined> {
      let reply: Awaited<ReturnType<ClaimsSource>> = null;
      yield claims(text, language).then((r) => void (reply = r));
      const r = reply as Awaited<ReturnType<ClaimsSource>>;
      if (r?.namesStoryPeople) namesPeople = true;
      return r ? r.found : null;
    },
  };
  return {
    annotateDocumentSteps: (d, gated) => {
      namesPeople = false;
      return annotateSteps(d, matcher, (collector = new PartCollector()), gated);
    },
    restate: (d) => restateCollected(d, collector, () => namesPeople, restate),
  };
}

/** The second tier on the parts a stepwise run collected, when they name a story's people. */
export async function restateCollected(
  d: Document,
  c: PartCollector | null,
  namesPeople: (c: PartCollector) => boolean,
  restate: RestateSource | undefined,
): Promise<Pick<OverlayEngineResult, 'restatements' | 'stories'> | null> {
  // Only articles that name a story's people (the tier's own first check, made here so other
  // pages send nothing).
  if (!restate || !c || c.parts.length === 0 || !namesPeople(c)) return null;
  const reply = await restate(partsForRequest(c), isoOfDate(pageDate(d, c.parts[0]!.root)));
  // The page may have changed while the background worked: then the next run starts over.
  if (!reply || !c.parts.every((p) => p.model.nodes.every((n) => n.isConnected))) return null;
  return { restatements: restatementsFromFound(c.parts, reply.found).map((x) => ({ ...x, quote: x.passage })), stories: reply.stories };
}
