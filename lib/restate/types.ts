/** Result types of the restatement tier (see tier.ts). */

import type { Bilingual, Lang, RelationType } from '../dataset/types';
import type { AnnotationRelation, AnnotationResult, Speaker } from '../match/types';
import type { CompiledSaidOn } from '../index/format';
import type { ClaimFacts } from '../match/claim-facts';

/** What made a restatement match: shown to the reader beside the passage. */
export interface MatchReasons {
  /** Entity ids named both by the claim and by the passage. */
  names: string[];
  /** Figures of the passage that agree with the claim's (amounts, dates, ordinals …), as written on the page. */
  numbers: string[];
  /** The passage's words carrying the most weight among those it shares with the claim, as written on the page. */
  terms: string[];
}

/**
 * 'high': highlighted in the page; 'low': listed in the badge as "possibly related", never
 * highlighted.
 */
export type Confidence = 'high' | 'low';

/**
 * A restatement as the tier's core finds it: offsets into one part's text, no DOM. Plain data, so it
 * can cross from where the index is to the page (page-side.ts, `restatementsFromFound`, makes ranges),
 * with the facts of its claim (speaker, date, outlet, relations) read where the index is.
 */
export interface FoundRestatement extends ClaimFacts {
  /** The part's number (parts in page order, from 0) and [start, end) in its text. */
  part: number;
  start: number;
  end: number;
  /** The claim's index in `CompiledIndex.claims`, and its id. */
  claim: number;
  claimId: string;
  confidence: Confidence;
  passage: string;
  score: number;
  lang: Lang;
  reasons: MatchReasons;
}

/**
 * A passage of the page (1–3 sentences) that restates a dataset claim in other words or in the
 * other language. The passage is the page's text, never the speaker's words: the claim's own words
 * are the dataset's (`claimId`).
 */
export interface Restatement {
  claimId: string;
  method: 'restatement';
  confidence: Confidence;
  /** The page's passage. */
  range: Range;
  /** The passage's text (what the page says). */
  passage: string;
  /** BM25 overlap score in [0, ~1.25] (thresholds.ts). */
  score: number;
  /** Language of the passage (the claim text it was compared with). */
  lang: Lang;
  reasons: MatchReasons;
  speaker: Speaker;
  saidOn: CompiledSaidOn;
  sourceId: string;
  relations: AnnotationRelation[];
}

export interface StoryCounterClaim {
  /** The contradicting claim (from another article). */
  claimId: string;
  /** The story's claim it is about (the original statement). */
  about: string;
  type: RelationType;
  speaker: Speaker;
  text: Bilingual;
  sourceId: string;
}

/** "This page reports: <title>": a page recognised as reporting one of the dataset's stories. */
export interface StoryResult {
  storyId: string;
  title: Bilingual;
  /** The story's date as the dataset states it. */
  eventOn: CompiledSaidOn;
  sources: string[];
  /** How strongly: the best event sentence's score (0 when recognised through its claims only). */
  score: number;
  /** Where the page reports the event (the best event passage's text), when it does in a sentence. */
  passage: string | null;
  reasons: { names: string[]; claimsOnPage: string[]; eventInLead: boolean };
  /** The story's key claims (dataset order). */
  claims: string[];
  /** Other coverage against the story's claims. */
  counterClaims: StoryCounterClaim[];
}

/** Why a candidate was turned down (tests and `annotate --debug`). */
export interface Rejected {
  claimId: string;
  passage: string;
  score: number;
  veto: string;
}

/** Both tiers on one page. */
export interface TieredResult extends AnnotationResult {
  restatements: Restatement[];
  stories: StoryResult[];
  /** Candidates turned down by a veto (diagnostics only). */
  rejected: Rejected[];
}
