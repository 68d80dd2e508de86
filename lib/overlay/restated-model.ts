/**
 * View-models of the second tier's results, in the reader's language: what made a restatement
 * match, and a story the page reports. Pure; the card and the badge's list only lay them out.
 */

import type { Lang } from '../dataset/types';
import type { Catalog } from './catalog';
import { formatWhen } from './dates';
import type { OverlayMatchReasons, OverlayRestatement, OverlayStory } from './types';

/** A restated passage's card extras: the page's passage and what made it match. */
export interface RestatedView {
  /** Identifies the match on this page (for "not this passage"). */
  key: string;
  /** The page's passage (page text: shown as text only, never as the speaker's words). */
  passage: string;
  /** Names shared by passage and claim, in the reader's language. */
  names: string[];
  /** The page's figures that agree with the claim's, as written on the page. */
  numbers: string[];
  /** The page's words it shares with the claim, as written on the page. */
  terms: string[];
}

export function restatedKey(r: { claimId: string; quote: string }): string {
  return `${r.claimId}\u0000${r.quote.replace(/\s+/g, ' ').trim()}`;
}

export function restatedView(r: OverlayRestatement, catalog: Catalog, ui: Lang): RestatedView {
  const reasons: OverlayMatchReasons = r.reasons;
  return {
    key: restatedKey(r),
    passage: r.quote,
    names: reasons.names.map((id) => catalog.entity(id)?.name[ui] ?? id),
    numbers: [...reasons.numbers],
    terms: [...reasons.terms],
  };
}

export interface StoryCounterView {
  claimId: string;
  speaker: string;
  text: string;
  /** The story's claim it is about, in the reader's language (the original statement). */
  about: string;
}

/** "This page reports: <title>" with where and when, its claims on the page and the counter-claims. */
export interface StoryView {
  storyId: string;
  title: string;
  /** Outlets of the story's sources and its date, as precise as the dataset is ("GeekPark · 10 Feb 2026"). */
  where: string;
  claimsOnPage: number;
  counter: StoryCounterView[];
}

export function storyView(s: OverlayStory, catalog: Catalog, ui: Lang): StoryView {
  const outlets = [...new Set(s.sources.map((id) => {
    const pub = catalog.source(id)?.publisherId;
    return (pub && catalog.entity(pub)?.name[ui]) || id;
  }))];
  const when = formatWhen(s.eventOn, ui);
  return {
    storyId: s.storyId,
    title: s.title[ui],
    where: [...outlets, when].filter(Boolean).join(' · '),
    claimsOnPage: s.reasons.claimsOnPage.length,
    counter: s.counterClaims.map((c) => ({
      claimId: c.claimId,
      speaker: catalog.entity(c.speaker.id)?.name[ui] ?? c.speaker.name[ui],
      text: catalog.claim(c.claimId)?.text[ui] ?? c.text[ui],
      about: catalog.claim(c.about)?.text[ui] ?? c.about,
    })),
  };
}
