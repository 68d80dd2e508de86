/**
 * The first tier on one text, where the index is (the extension's background; one process in the
 * CLI and the tests): normalise with an offset map → gram prefilter → exact or bounded fuzzy match
 * per candidate anchor (match-anchors.ts) → the matches as offsets in the text given, each with the
 * claim's facts (claim-facts.ts). The page side keeps the DOM: it sends a part's text and makes
 * ranges of the offsets (annotate-page.ts).
 */

import type { CompiledIndex } from '../index/format';
import { engineNormalizeScratch, newNormalizeScratch, normalizeUnits, toOriginalRange, type NormalizeScratch } from '../text/normalize';
import { claimFactsReader, type ClaimFacts } from './claim-facts';
import { compileGate, forgetLastMatch, passesGateRegExp } from './gate';
import { matchAnchorsSteps } from './match-anchors';
import { BACKGROUND_SLICE_MS, runInSlices, yieldToMain } from '../overlay/slices';
import type { Annotation } from './types';
import { claimAbout } from '../restate/about';
import { findEntities } from '../restate/entities';

/** A first-tier match in a text: [start, end) in it, the claim (its number in the index and its id), and what a card shows. */
export interface FoundClaim extends ClaimFacts {
  start: number;
  end: number;
  claim: number;
  claimId: string;
  score: number;
  method: Annotation['method'];
  lang: Annotation['lang'];
  /**
   * Whether the text names someone or something the claim is about (its organisations and people,
   * its speaker aside; true for a claim about no one). A near-verbatim copy with the subject
   * swapped ("not very positive about the prospect of Corvane") is not the claim: the page side
   * drops a match whose text, the whole article, names none of them (annotate-page.ts).
   */
  aboutNamed: boolean;
}

/**
 * The normaliser's output buffers, reused from one text to the next: fresh typed arrays per call
 * cost Chromium more than the loop that fills them. Taken while a text is being matched and put
 * back after, so a second run interleaved with a stepwise one (two tabs asking the background at
 * once, or a run abandoned midway) simply allocates its own.
 */
let pooledScratch: NormalizeScratch | null = null;
let engineScratchTaken = false; // engineNormalizeScratch() has been handed out

function takeScratch(): NormalizeScratch {
  const pooled = pooledScratch;
  pooledScratch = null;
  if (pooled) return pooled;
  // The bound engine scratch the first time; a fresh one only if a run holds it.
  const s = engineScratchTaken ? newNormalizeScratch() : engineNormalizeScratch();
  engineScratchTaken = true;
  return s;
}

const factsReaders = new WeakMap<CompiledIndex, (claim: number) => ClaimFacts>();

/** The first tier over `text` in bounded steps (normalisation, every few candidates). */
export function* findClaimsSteps(index: CompiledIndex, text: string, language: 'ja' | 'en' | undefined): Generator<unknown, FoundClaim[], undefined> {
  const scratch = takeScratch();
  const norm = normalizeUnits(text, scratch);
  yield;
  const hits = yield* matchAnchorsSteps(norm.codes, index, language);
  let facts = factsReaders.get(index);
  if (!facts && hits.length > 0) factsReaders.set(index, (facts = claimFactsReader(index)));
  let named: ReadonlyMap<string, unknown> | null = null; // what the text names, read once if asked
  const aboutNamed = (c: number): boolean => {
    const about = claimAbout(index, c);
    if (about.length === 0 || !index.restate) return true;
    named ??= findEntities(text, index.restate.entities);
    return about.some((id) => named!.has(id));
  };
  const found = hits.map((h): FoundClaim => {
    const [start, end] = toOriginalRange(norm, h.start, h.end);
    const anchor = index.anchors[h.anchor]!;
    const claim = index.claims[anchor.c]!;
    return { start, end, claim: anchor.c, claimId: claim.id, score: Math.round(h.score * 1000) / 1000, method: h.method, lang: anchor.lang, aboutNamed: aboutNamed(anchor.c), ...facts!(anchor.c) };
  });
  putScratch(scratch);
  return found;
}

/** Back to the pool, where the engine's bound scratch (the fast one) is kept over any other. */
function putScratch(scratch: NormalizeScratch): void {
  if (pooledScratch === null || scratch === engineNormalizeScratch()) pooledScratch = scratch;
}

/**
 * The background's answer to `claims:find`: the first tier over one part's text, in slices (other
 * tabs' requests and the extension's pages get the event loop between them), and whether the text
 * names a story's people (so the page asks `restate:find` only then). `sliceMs`: the tests' 0
 * makes every step a slice of its own, so texts asked at once interleave step by step.
 */
export function claimsFinder(
  index: CompiledIndex,
  sliceMs = BACKGROUND_SLICE_MS,
): (text: string, language: 'ja' | 'en' | null) => Promise<{ found: FoundClaim[]; namesStoryPeople: boolean }> {
  let peopleGate: RegExp | null | undefined;
  return async (text, language) => {
    const found = (await runInSlices(findClaimsSteps(index, text, language ?? undefined), { budgetMs: sliceMs, yieldToMain })) ?? [];
    if (peopleGate === undefined) peopleGate = index.restateGate?.length ? compileGate(index.restateGate) : null;
    const namesStoryPeople = !!peopleGate && passesGateRegExp(text, peopleGate);
    forgetLastMatch(); // the page's text is not kept alive by the realm's last match (gate.ts)
    return { found, namesStoryPeople };
  };
}
