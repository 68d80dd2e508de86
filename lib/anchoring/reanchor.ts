import { anchorTarget, PageText, type AnchorMethod } from './anchor';
import type { RangeLike } from './selectors';
import { offsetOfPoint } from './selectors';
import type { TextModel } from '../text/text-model';
import type { TextContentPositions } from './text-position';
import type { AnchorableNote, NoteTarget } from './types';

/**
 * What a page visit does with its saved notes: which highlights to draw where, which are orphans
 * (kept, listed, reported), and which notes from another URL turned out to be this article.
 */

export interface PlacedNote<N extends AnchorableNote = AnchorableNote> {
  note: N;
  start: number;
  end: number;
  method: AnchorMethod;
  /** Set when the note was made under another URL (redirect, syndication): shown "from <url>". */
  fromUrl: string | null;
}

export interface PagePlan<N extends AnchorableNote = AnchorableNote> {
  placed: PlacedNote<N>[];
  /** This page's highlights that could not be found. */
  orphaned: N[];
  /** Page-level notes (no quote): listed, nothing to draw. */
  unanchored: N[];
}

/**
 * A stored position counts the page's textContent (storage/db.ts); the anchorer works on the
 * visible text. Mapped through `positions` it is a hint (still checked against the quote there);
 * without a mapping it is left out rather than read in the wrong coordinates.
 */
function inModel(target: NoteTarget, positions: TextContentPositions | undefined): NoteTarget {
  if (!target.position) return target;
  const mapped = positions?.toModel(target.position) ?? null;
  return { quote: target.quote, position: mapped ? { type: 'TextPositionSelector', ...mapped } : null };
}

export function planPage<N extends AnchorableNote>(
  text: string,
  own: readonly N[],
  candidates: readonly N[],
  pageUrl: string,
  positions?: TextContentPositions,
): PagePlan<N> {
  const page = new PageText(text);
  const plan: PagePlan<N> = { placed: [], orphaned: [], unanchored: [] };
  for (const note of own) {
    if (!note.target) {
      plan.unanchored.push(note);
      continue;
    }
    const at = anchorTarget(page, inModel(note.target, positions));
    if (at) plan.placed.push({ note, ...at, fromUrl: note.url !== pageUrl ? note.url : null });
    else plan.orphaned.push(note);
  }
  // Another URL's note is this page's only when its quote is here; otherwise it is not our orphan.
  for (const note of candidates) {
    if (!note.target) continue;
    const at = anchorTarget(page, inModel(note.target, positions));
    if (at) plan.placed.push({ note, ...at, fromUrl: note.url });
  }
  return plan;
}

/** A claim the annotator found on the page, as text offsets or as a DOM range. */
export interface ClaimSpan {
  claimId: string;
  range: RangeLike;
}

/** The claim whose text overlaps [start, end) the most, or null. */
export function overlappingClaim(model: TextModel, start: number, end: number, claims: readonly ClaimSpan[]): string | null {
  let best: string | null = null;
  let bestOverlap = 0;
  for (const c of claims) {
    const cs = offsetOfPoint(model, c.range.startContainer, c.range.startOffset);
    const ce = offsetOfPoint(model, c.range.endContainer, c.range.endOffset);
    const overlap = Math.min(end, ce) - Math.max(start, cs);
    if (overlap > bestOverlap) {
      best = c.claimId;
      bestOverlap = overlap;
    }
  }
  return best;
}
