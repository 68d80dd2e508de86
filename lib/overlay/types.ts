/**
 * The overlay's view of the engine (`lib/annotate.ts`): a structural subset of its
 * `AnnotationResult`, so the overlay compiles and is tested on its own, and any engine that
 * returns at least these fields plugs in. This is the seam between matching and display.
 */

import type { Bilingual, DatePrecision, Lang, RelationType } from '../dataset/types';
import type { TextDirective } from '../links/text-fragment';
import type { MarkStrength } from './density';

export interface OverlaySaidOn {
  date: string | null;
  precision: DatePrecision;
  bounds?: { after?: string; before?: string };
}

export interface OverlaySpeaker {
  id: string;
  name: Bilingual;
}

export interface OverlayRelation {
  type: RelationType;
  /** 'out': this claim → the other; 'in': the other → this claim. */
  direction?: 'out' | 'in';
  claimId: string;
  speaker: OverlaySpeaker;
  text: Bilingual;
  sourceId: string;
  why?: Bilingual;
}

export interface OverlayAnnotation {
  claimId: string;
  range: Range;
  quote: string;
  /** Language of the dataset anchor that matched (the page's passage), when the engine says. */
  lang?: Lang;
  /** How the engine matched it ('exact' | 'fuzzy' anchor, 'text' fallback, or a restatement), when it says. */
  method?: string;
  /** Match score in [0, 1], when the engine says. */
  score?: number;
  speaker: OverlaySpeaker;
  saidOn: OverlaySaidOn;
  sourceId: string;
  relations: OverlayRelation[];
}

/** What made a restatement match (lib/restate/types.ts `MatchReasons`). */
export interface OverlayMatchReasons {
  /** Entity ids the passage and the claim both name. */
  names: string[];
  /** The passage's figures that agree with the claim's, as written on the page. */
  numbers: string[];
  /** The passage's words it shares with the claim, as written on the page. */
  terms: string[];
}

/**
 * A passage that restates a claim in other words or another language (the second tier's). `quote`
 * is the page's passage: never shown as the speaker's words.
 */
export interface OverlayRestatement extends OverlayAnnotation {
  method: 'restatement';
  /** 'high': highlighted; 'low': listed as "possibly related" only. */
  confidence: 'high' | 'low';
  reasons: OverlayMatchReasons;
}

export interface OverlayStoryCounterClaim {
  claimId: string;
  /** The story's claim it is about (the original statement). */
  about: string;
  type: RelationType;
  speaker: OverlaySpeaker;
  text: Bilingual;
  sourceId: string;
}

/** "This page reports: …" (lib/restate/types.ts `StoryResult`). */
export interface OverlayStory {
  storyId: string;
  title: Bilingual;
  eventOn: OverlaySaidOn;
  sources: string[];
  reasons: { claimsOnPage: string[] };
  claims: string[];
  counterClaims: OverlayStoryCounterClaim[];
}

export interface OverlayEngineResult {
  isArticle: boolean;
  language?: Lang;
  annotations: OverlayAnnotation[];
  /** The second tier's matches (highlighted or "possibly related"), when it ran. */
  restatements?: OverlayRestatement[];
  /** Stories the page reports, when the second tier ran. */
  stories?: OverlayStory[];
}

/**
 * How a highlight looks: contradicted by other coverage (only a `contradicts` relation: both cannot
 * be true), another view to weigh (`differs`: a different assessment of the same subject), supported
 * by it, or none of these.
 */
export type ClaimStatus = 'contested' | 'other-view' | 'supported' | 'neutral';

/** Every status, strongest first (the order a highlight shared by several claims takes). */
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['contested', 'other-view', 'supported', 'neutral'];

export function claimStatus(relations: readonly { type: RelationType }[]): ClaimStatus {
  if (relations.some((r) => r.type === 'contradicts')) return 'contested';
  if (relations.some((r) => r.type === 'differs')) return 'other-view';
  if (relations.some((r) => r.type === 'supports')) return 'supported';
  return 'neutral';
}

/**
 * What the overlay's view needs from the page (implemented over the highlighter: `rangeHost`).
 * Indices are passages (lib/overlay/passages.ts): what the reader points at, one or more claims.
 */
export interface OverlayHost {
  /** Viewport rectangles of a passage (empty when it is gone). */
  rects(index: number): DOMRect[];
  /**
   * Scrolls a highlight into view: 'nearest' only if it is off screen (focus), 'upper' to the
   * upper part of the viewport so an opening card has room below it (keyboard and list opens).
   */
  reveal(index: number, where?: 'nearest' | 'upper'): void;
  /** Emphasises a highlight (or none). */
  setActive(index: number | null): void;
}

export type OpenHow = 'hover' | 'click' | 'keyboard';

/** Handle the overlay's view gives the content script, to drive it from page events (indices are passages). */
export interface OverlayApi {
  /** Opens a passage's card, showing `claimId` when the passage has several claims. */
  open(index: number, how: OpenHow, claimId?: string): void;
  /** The pointer left the highlight: an unpinned (hover) card closes shortly. */
  hoverEnd(): void;
  close(): void;
  openIndex(): number | null;
  /** Whether the open card was asked for (click, keyboard, list), not only hovered open. */
  openPinned(): boolean;
  /** Moves the keyboard to the next (1) or previous (-1) passage (the "next claim" key). */
  step(direction: 1 | -1): void;
}

/** What one overlay shows: highlighted matches (first tier and restatements), "possibly related" ones, stories. */
export interface OverlayContent {
  /** Highlighted, in reading order: the first tier's annotations and the second's high-confidence restatements. */
  highlighted: (OverlayAnnotation | OverlayRestatement)[];
  /** Listed only. */
  possible: OverlayRestatement[];
  stories: OverlayStory[];
}

/**
 * An overlay drawn on a page, as the content script's first stage sees it (the drawing itself,
 * `OverlaySession`, is in the second stage): what it added, whether it is still intact, and how to
 * take it away.
 */
export interface ShownOverlay {
  /** Claim ids in order, to tell whether a re-run found the same thing. */
  readonly signature: string;
  /** The shadow host (a page that wipes its body removes it: then the overlay is rebuilt). */
  readonly host: Element;
  /** Whether a node is one this overlay added to the page (its host, highlight style or marks). */
  owns(node: Node): boolean;
  /** Whether the page still shows this overlay as it was drawn. */
  intact(): boolean;
  /** Opens the card of the claim a link to a passage names (`#:~:text=…`); false when none matches. */
  openLinked(directives: readonly TextDirective[]): boolean;
  /** Whether the point (viewport coordinates) is on one of the claims' marks the reader can see. */
  claimAt(x: number, y: number): boolean;
  /** This page's claims in reading order, for the side panel (the page's own words, no note text). */
  claims(): PageClaim[];
  /** The passage holding a claim, or -1. */
  passageOf(claimId: string): number;
  /** Scrolls to a passage and opens its card (showing `claimId`); false when there is no such passage. */
  reveal(passage: number, claimId?: string): boolean;
  /** The "next / previous claim" key: moves the keyboard focus to the next passage. */
  step(direction: 1 | -1): void;
  disconnect(): void;
}

/** One claim on a page, as the side panel lists it (in reading order): the page's own words, never a note's. */
export interface PageClaim {
  claimId: string;
  /** The passage it is on (claims sharing one passage share the number). */
  passage: number;
  status: ClaimStatus;
  strength: MarkStrength;
  /** The speaker's name in the reader's UI language. */
  speaker: string;
  /** The words on the page. */
  text: string;
}

/** What the first stage's `ClaimsOverlay` hears back from an overlay it had drawn (second stage). */
export interface OverlayHooks {
  /** "Hide for this page" on a card: take everything Counterpoint drew away until the page is left or reloaded. */
  hidePage(): void;
  /** The reader said a restated passage is not the claim: hide that match on this page. */
  dismissMatch(key: string): void;
}
