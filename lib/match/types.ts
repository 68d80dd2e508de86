/** Result types of `annotateDocument` (re-exported by lib/annotate.ts). */

import type { Bilingual, RelationType } from '../dataset/types';
import type { CompiledSaidOn } from '../index/format';
import type { TextModel } from '../text/text-model';

export interface Speaker {
  id: string;
  name: Bilingual;
}

export interface AnnotationRelation {
  type: RelationType;
  /** 'out': this claim → the other claim (e.g. this claim contradicts it); 'in': the reverse. */
  direction: 'out' | 'in';
  /** The related claim. */
  claimId: string;
  speaker: Speaker;
  text: Bilingual;
  sourceId: string;
}

export interface Annotation {
  claimId: string;
  /** The page's text matched to the claim's anchor. */
  range: Range;
  /** `range.toString()`: the page's exact text under the range (ruby readings inside it included). */
  quote: string;
  /** Match score in [0, 1]: 1 for an exact match in its exact context. */
  score: number;
  /** 'exact' | 'fuzzy' match of an anchor, or 'text' for the text.en fallback. */
  method: 'exact' | 'fuzzy' | 'text';
  /** Language of the matched anchor (or 'en' for the text.en fallback). */
  lang: 'ja' | 'en';
  speaker: Speaker;
  /** When the claim was made ({ date, precision, bounds? }; date null when unknown). */
  saidOn: CompiledSaidOn;
  sourceId: string;
  relations: AnnotationRelation[];
}

export interface AnnotationResult {
  isArticle: boolean;
  language?: 'ja' | 'en';
  /** In document order. */
  annotations: Annotation[];
}

/** A first-tier hit as a second tier sees it: offsets in the part's text model, and the claim's index. */
export interface FirstTierHit {
  start: number;
  end: number;
  claim: number;
}

/**
 * Seam for a second matching tier: after matching each part of an article that passed the gate,
 * the engine runs the observer's steps (in its own slices) with the part's text model, its root and
 * the first tier's hits there, so the second tier reuses the text model instead of walking the DOM
 * again. It must not change the DOM.
 */
export interface PartObserver {
  part(model: TextModel, root: Element, hits: readonly FirstTierHit[]): Generator<unknown, void, undefined>;
}
