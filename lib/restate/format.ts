/**
 * The restatement tier's part of the compiled index (`CompiledIndex.restate`), written by
 * compile.ts at build time and sent to the content script with the rest of the index: term table,
 * per-claim term lists with weights and figures, entity aliases, stories. Nothing here is parsed
 * or tokenised at page time except the term table, built once per index (table.ts).
 */

import type { Bilingual, DatePrecision, EntityKind, Lang } from '../dataset/types';
import type { Facts } from './facts';

export const RESTATE_VERSION = 2;

/** A text the page is compared with: one language of a claim, or of a story's event. */
export interface CompiledDoc {
  /** Claim index (into `CompiledIndex.claims`), or −1 − storyIndex for a story's event text. */
  owner: number;
  lang: Lang;
  /** Distinct term ids. */
  t: number[];
  /** Tokens (non-stopword) in the text: BM25's document length. */
  len: number;
  /** Entity ids the text names, plus the claim's speaker when a person. */
  ents: string[];
  /** Figures (omitted when none). */
  facts?: Facts;
  /** What the text negates (omitted when nothing). */
  negation?: Negation;
}

/** A claim's negation (negation.ts), for the `negation` veto of verify.ts. */
export interface Negation {
  /** Terms under a negation's scope (`negatedSpans`). */
  terms: number[];
  /** It also negates in a way whose scope is not read (`negatesLoosely`): no veto against it. */
  loose: boolean;
}

export interface CompiledEntity {
  id: string;
  kind: EntityKind;
  name: Bilingual;
  /** Every spelling, as written in the dataset (the page's alias finder folds them). */
  aliases: string[];
  /**
   * Every alias yields a token of this entity's term (`@id`), so the page scan sees the entity
   * wherever it is named; false when some alias does not (a kanji name such as 吴宇怀, a phrase
   * such as "developer on X"): then the regular-expression finder is asked where it matters.
   */
  tokenised: boolean;
}

export interface CompiledStory {
  id: string;
  title: Bilingual;
  /** People who must be named where the event is reported. */
  people: string[];
  /** When the event happened (as precise as the sources allow). */
  eventOn: { date: string | null; precision: DatePrecision; bounds?: { after?: string; before?: string } };
  /** Pages dated outside these exclusive bounds cannot report the story. */
  window: { after?: string; before?: string };
  sources: string[];
  /** Key claims (indexes into `CompiledIndex.claims`), in the dataset's order. */
  claims: number[];
  /** Doc indexes of the event text (one per language). */
  docs: number[];
}

export interface CompiledRestate {
  version: typeof RESTATE_VERSION;
  /** Term keys the page scan can meet (stems, kanji bigrams, katakana words), each with its term. */
  keys: string[];
  /** Term of each key: an index into `terms`, or −1 for a stopword (not counted at all). */
  keyTerm: number[];
  /** Term labels (a stem, a bigram, `~concept`, `@entity`), for reasons and debugging. */
  terms: string[];
  /** Weight of each term per language (idf × commonness; 0 when no text of that language has it). */
  weight: { ja: number[]; en: number[] };
  /** Average document length per language (BM25). */
  avgLen: { ja: number; en: number };
  docs: CompiledDoc[];
  /** Per claim (parallel to `CompiledIndex.claims`): its kind, and its story (−1: none). */
  claimKind: string[];
  claimStory: number[];
  entities: CompiledEntity[];
  stories: CompiledStory[];
  /** Pairs of terms that say opposite things (lexicon.ts ANTONYMS), for verify.ts's `antonym` veto. */
  antonyms?: Array<[number, number]>;
}
