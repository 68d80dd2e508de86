/**
 * The claim annotator for the page the content script runs on, loaded only when the page needs it.
 *
 * What every page pays: article detection (a few native collection lookups) and, on articles, the
 * page gate (one case-insensitive regular-expression pass over the article text against the
 * dataset's entity names, NFKC-folded first only when the text holds characters that need it;
 * lib/match/gate.ts). The annotator detects again when it runs: the index arrives asynchronously and
 * the page may have changed meanwhile. Only the gate's terms are bundled into the content script.
 * A page that passes the gate asks for the compiled index and card catalog (`IndexSource`; the
 * content script's is `utils/claims-data.ts`, one `claims:data` message), so the content script
 * stays small and pages about other things never load the dataset at all.
 */

import gateData from '../generated/claims-gate.json';
import { detectArticle } from '../detect/article';
import type { CompiledIndex } from '../index/format';
import { annotateWithIndex, annotateWithIndexSteps } from '../match/pipeline';
import { compileGate, passesGateRegExp } from '../match/gate';
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

/** The compiled index, or null when it cannot be had (the caller tries again on its next run). */
export type IndexSource = () => Promise<CompiledIndex | null>;

/**
 * Where the second tier runs (the content script's is the background: `restate:find`, see
 * lib/restate/remote.ts): the page's texts and first-tier hits in, matches as offsets out.
 */
export type RestateSource = (parts: RestatePartText[], date: string | null) => Promise<{ found: FoundRestatement[]; stories: StoryResult[] } | null>;

const gate = compileGate(gateData.gate);

/**
 * An annotator for `doc`. Pages that are not articles, or articles that name nothing of the
 * dataset, get a constant "no annotations" annotator without any message or index; null when the
 * index was needed and could not be had.
 */
export async function loadPageAnnotator(doc: Document, index: IndexSource, restate?: RestateSource): Promise<PageAnnotator | null> {
  const det = detectArticle(doc);
  if (!det.isArticle || !det.root || !passesGateRegExp(det.root.textContent ?? '', gate)) {
    const result: OverlayEngineResult = { isArticle: det.isArticle, language: det.language, annotations: [] };
    return { annotateDocument: () => result };
  }
  const compiled = await index();
  if (!compiled) return null;
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
