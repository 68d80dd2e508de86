/**
 * The restatement tier on one page. The first tier's engine calls `part()` for every part of an
 * article that passed the page gate (the `afterPart` seam in lib/match/types.ts), with the text
 * model it built and its own hits; `finish()` then decides stories and confidence and builds the
 * ranges. Both are step generators, run in the same time slices as the first tier.
 *
 * Per part: scan (sentences and their terms, scan.ts) → windows of 1–3 sentences scored against
 * every claim text of the window's language and every story event (score.ts) → the best windows
 * per claim verified (verify.ts) → kept with their verdicts. Windows overlapping a first-tier hit
 * are left to the first tier.
 *
 * Then: stories (stories.ts) from event sentences and the claims found by either tier; each
 * surviving candidate gets a confidence: 'high' (highlighted) when it scores HIGH_SCORE, its
 * speaker is named nearby, and its story is recognised on the page (or it scores STANDALONE_SCORE
 * on its own); 'low' ("possibly related", badge only) from LOW_SCORE on pages reporting its story.
 * Candidates of a story the page contradicts (another event with the same actors) are dropped.
 */

import type { CompiledIndex } from '../index/format';
import type { AnnotationRelation, FirstTierHit, PartObserver, Speaker } from '../match/types';
import { makeRange } from '../text/range';
import { pointAt, type TextModel } from '../text/text-model';
import type { DateRef } from './facts';
import { pageDate } from './page-date';
import { scanPart, type PartScan } from './scan';
import { bestWindows, scoreWindows, type Candidate } from './score';
import { namesAny } from './entities';
import { decideStories, type EventCandidate } from './stories';
import { termTable, type TermTable } from './table';
import { CONTEXT_PARAGRAPHS, HIGH_SCORE, LEAD_SENTENCES, LOW_SCORE, QUOTE_PREFERENCE, STANDALONE_SCORE } from './thresholds';
import type { Rejected, Restatement, StoryCounterClaim, StoryResult } from './types';
import { verify, type Verdict } from './verify';

/** Relation types that make a claim of other coverage a counter-claim ("another view" included). */
const COUNTER_TYPES: ReadonlySet<string> = new Set(['contradicts', 'differs']);

/** Sentences scored between two yields (~0.1 ms). */
const SCORE_STEP = 64;
/** Candidates verified between two yields (each a few regular expressions over ≤ 3 sentences). */
const VERIFY_STEP = 8;
/** Windows verified per claim or story: the best few (the rest rarely win, and cost). */
const WINDOWS_PER_OWNER = 3;

interface Part {
  model: TextModel;
  scan: PartScan;
  root: Element;
}

interface Checked {
  part: number;
  cand: Candidate;
  owner: number;
  verdict: Verdict;
  passage: string;
}

export interface TierOutput {
  restatements: Restatement[];
  stories: StoryResult[];
  rejected: Rejected[];
}

export class RestatementTier implements PartObserver {
  private readonly table: TermTable | null;
  private readonly parts: Part[] = [];
  private readonly checked: Checked[] = [];
  private readonly firstTierClaims = new Set<number>();
  private date: DateRef | null | undefined;

  constructor(
    private readonly index: CompiledIndex,
    private readonly doc: Document,
  ) {
    this.table = index.restate ? termTable(index.restate) : null;
  }

  private pageDate = (): DateRef | null => {
    if (this.date === undefined) this.date = pageDate(this.doc, this.parts[0]?.root ?? null);
    return this.date;
  };

  *part(model: TextModel, root: Element, hits: readonly FirstTierHit[]): Generator<unknown, void, undefined> {
    const table = this.table;
    const r = this.index.restate;
    if (!table || !r) return;
    for (const h of hits) this.firstTierClaims.add(h.claim);
    const scan = scanPart(model.text, table);
    const partIndex = this.parts.length;
    this.parts.push({ model, scan, root });
    yield;
    const cands: Candidate[] = [];
    for (let s = 0; s < scan.sentences.length; s += SCORE_STEP) {
      scoreWindows(scan, table, s, s + SCORE_STEP, cands);
      yield;
    }
    if (cands.length === 0) return;
    const best = bestWindows(cands, (d) => r.docs[d]!.owner);
    let n = 0;
    for (const [owner, windows] of best) {
      for (const cand of windows.slice(0, WINDOWS_PER_OWNER)) {
        const start = scan.sentences[cand.first]!.start;
        const end = scan.sentences[cand.last]!.end;
        // The first tier already annotated this passage (verbatim or lightly edited).
        if (hits.some((h) => h.start < end && start < h.end)) continue;
        const passage = model.text.slice(start, end);
        const verdict = verify(this.index, table, r.docs[cand.doc]!, { text: passage, context: contextOf(scan, cand.first), terms: windowTerms(scan, cand) }, this.pageDate);
        this.checked.push({ part: partIndex, cand, owner, verdict, passage });
        if (++n % VERIFY_STEP === 0) yield;
      }
    }
  }

  *finish(): Generator<unknown, TierOutput, undefined> {
    const r = this.index.restate;
    if (!r || this.parts.length === 0) return { restatements: [], stories: [], rejected: [] };
    // Stories, from event sentences and the claims either tier found.
    const events: EventCandidate[] = [];
    const found = new Set(this.firstTierClaims);
    for (const c of this.checked) {
      if (c.owner < 0) {
        events.push({
          story: -1 - c.owner,
          score: c.cand.score,
          inLead: c.part === 0 && c.cand.first < LEAD_SENTENCES,
          veto: c.verdict.veto?.kind ?? null,
          passage: c.passage,
          names: c.verdict.reasons.names,
        });
      } else if (!c.verdict.veto && c.cand.score >= HIGH_SCORE && c.verdict.speakerNamed) found.add(c.owner);
    }
    const date = this.checked.length > 0 ? this.pageDate() : null;
    const peopleNamed = (si: number): boolean => {
      const people = r.stories[si]!.people;
      return people.every((p) => this.parts.some((part) => namesAny(part.model.text, r.entities, [p])));
    };
    const { recognised, contradicted } = decideStories(r, events, found, date, peopleNamed);
    const storyOn = new Set(recognised.map((s) => s.story));
    yield;

    const restatements: Restatement[] = [];
    const rejected: Rejected[] = [];
    const lowSeen = new Set<number>();
    const taken: { part: number; speakerId: string; first: number; last: number }[] = [];
    // Best first; a quotation gets a small edge over a paraphrase of the same speaker, so a
    // passage matching both shows the speaker's own words (QUOTE_PREFERENCE).
    const rank = (c: Checked): number => c.cand.score * (r.claimKind[c.owner] === 'quote' ? QUOTE_PREFERENCE : 1);
    const sorted = this.checked.filter((c) => c.owner >= 0).sort((a, b) => rank(b) - rank(a));
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && i % 32 === 0) yield;
      const c = sorted[i]!;
      const claimId = this.index.claims[c.owner]!.id;
      const story = r.claimStory[c.owner]!;
      const score = Math.round(c.cand.score * 1000) / 1000;
      if (c.verdict.veto) {
        rejected.push({ claimId, passage: c.passage, score, veto: `${c.verdict.veto.kind}: ${c.verdict.veto.detail}` });
        continue;
      }
      if (story >= 0 && contradicted.has(story)) {
        rejected.push({ claimId, passage: c.passage, score, veto: 'story: the page reports another event with the same people' });
        continue;
      }
      const inStory = story >= 0 && storyOn.has(story);
      let confidence: Restatement['confidence'] | null = null;
      if (c.cand.score >= HIGH_SCORE && c.verdict.speakerNamed && (inStory || c.cand.score >= STANDALONE_SCORE)) confidence = 'high';
      else if (c.cand.score >= LOW_SCORE && inStory && !lowSeen.has(c.owner)) confidence = 'low';
      if (!confidence) continue;
      // One passage, one statement per speaker: the best-scoring claim of a speaker takes the
      // passage; a second claim of the same speaker there is a near-duplicate (the digest's
      // paraphrase of a CNBC quote) or a weaker reading of the same words.
      const speakerId = this.index.claims[c.owner]!.speakerId;
      if (taken.some((t) => t.part === c.part && t.speakerId === speakerId && t.first <= c.cand.last && c.cand.first <= t.last)) continue;
      taken.push({ part: c.part, speakerId, first: c.cand.first, last: c.cand.last });
      if (confidence === 'low') lowSeen.add(c.owner);
      const range = this.rangeOf(c);
      if (!range) continue;
      const x: Restatement = {
        claimId,
        method: 'restatement',
        confidence,
        range,
        passage: c.passage,
        score,
        lang: r.docs[c.cand.doc]!.lang,
        reasons: c.verdict.reasons,
        ...this.claimInfo(c.owner),
      };
      this.orderKey.set(x, c.part * 1e9 + this.parts[c.part]!.scan.sentences[c.cand.first]!.start);
      restatements.push(x);
    }
    // A claim shown as 'high' somewhere is not also "possibly related" elsewhere.
    const high = new Set(restatements.filter((x) => x.confidence === 'high').map((x) => x.claimId));
    const kept = restatements.filter((x) => x.confidence === 'high' || !high.has(x.claimId));
    kept.sort((a, b) => this.order(a) - this.order(b));

    const stories: StoryResult[] = recognised.map((d) => {
      const s = r.stories[d.story]!;
      return {
        storyId: s.id,
        title: s.title,
        eventOn: s.eventOn,
        sources: s.sources,
        score: Math.round(d.score * 1000) / 1000,
        passage: d.passage,
        reasons: { names: d.names, claimsOnPage: [...d.claims].map((c) => this.index.claims[c]!.id), eventInLead: d.eventInLead },
        claims: s.claims.map((c) => this.index.claims[c]!.id),
        counterClaims: this.counterClaims(s.claims),
      };
    });
    return { restatements: kept, stories, rejected };
  }

  private orderKey = new WeakMap<Restatement, number>();
  private order(x: Restatement): number {
    return this.orderKey.get(x) ?? 0;
  }

  private rangeOf(c: Checked): Range | null {
    const p = this.parts[c.part]!;
    const s = p.scan.sentences[c.cand.first]!.start;
    const e = p.scan.sentences[c.cand.last]!.end;
    const start = pointAt(p.model, s, 'start');
    const end = pointAt(p.model, e, 'end');
    if (!start || !end) return null;
    return makeRange(p.root.ownerDocument ?? this.doc, start, end);
  }

  private speaker(id: string): Speaker {
    const s = this.index.speakers[id];
    const e = this.index.restate?.entities.find((x) => x.id === id);
    return { id, name: s?.name ?? e?.name ?? { ja: id, en: id } };
  }

  private claimInfo(c: number): Pick<Restatement, 'speaker' | 'saidOn' | 'sourceId' | 'relations'> {
    const claim = this.index.claims[c]!;
    return {
      speaker: this.speaker(claim.speakerId),
      saidOn: claim.saidOn,
      sourceId: claim.sourceId,
      relations: (claim.relations ?? []).map(([type, direction, other]): AnnotationRelation => {
        const o = this.index.claims[other]!;
        return { type, direction, claimId: o.id, speaker: this.speaker(o.speakerId), text: o.text ?? { ja: '', en: '' }, sourceId: o.sourceId };
      }),
    };
  }

  /** Claims of other articles that contradict the story's key claims or differ from them ("about the original statement"). */
  private counterClaims(keyClaims: readonly number[]): StoryCounterClaim[] {
    const out: StoryCounterClaim[] = [];
    const seen = new Set<string>();
    for (const c of keyClaims) {
      const claim = this.index.claims[c]!;
      for (const [type, , other] of claim.relations ?? []) {
        if (!COUNTER_TYPES.has(type)) continue;
        const o = this.index.claims[other]!;
        const key = `${o.id}|${claim.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ claimId: o.id, about: claim.id, type, speaker: this.speaker(o.speakerId), text: o.text ?? { ja: '', en: '' }, sourceId: o.sourceId });
      }
    }
    return out;
  }
}

/** The text of the paragraph (block) holding sentence `s` and of the CONTEXT_PARAGRAPHS before it. */
export function contextOf(scan: PartScan, s: number): string {
  const block = scan.sentences[s]!.block;
  let a = s;
  let b = s;
  while (a > 0 && scan.sentences[a - 1]!.block >= block - CONTEXT_PARAGRAPHS) a--;
  while (b + 1 < scan.sentences.length && scan.sentences[b + 1]!.block === block) b++;
  return scan.text.slice(scan.sentences[a]!.start, scan.sentences[b]!.end);
}

/** Distinct term ids of a window's sentences. */
export function windowTerms(scan: PartScan, c: Candidate): number[] {
  const set = new Set<number>();
  for (let s = c.first; s <= c.last; s++) for (let p = scan.termFrom[s]!; p < scan.termFrom[s + 1]!; p++) set.add(scan.termIds[p]!);
  return [...set];
}
