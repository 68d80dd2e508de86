/**
 * Story-level recognition: does the page report one of the dataset's stories (its event, its
 * people, its time), even where no sentence restates a claim?
 *
 * Evidence for a story:
 *  - an event sentence: a window scoring at least EVENT_SCORE against the story's event text
 *    (both languages), naming all the story's people, with no figure that disagrees (verify.ts);
 *    in the headline or lead (the first LEAD_SENTENCES sentences) it announces what the page is
 *    about;
 *  - the story's key claims (`Story.claims`) found on the page (by either tier).
 * A story is recognised when the page is not dated outside its window and either an event sentence
 * leads the page, or STORY_CLAIMS of its key claims are found on a page that names the story's people,
 * or an event sentence anywhere comes with one claim. Event sentences count only on a page dated
 * within EVENT_NEWS_DAYS of an event the dataset dates to the day (later they are background).
 *
 * Against it: an event-like sentence in the lead (same people, same words, score ≥ EVENT_SCORE)
 * whose figures or names disagree with the event ("the fourth co-founder to leave", "on March 2")
 * says the page reports another event with the same actors. Then the story is not recognised,
 * whatever else matches, and the tier drops its claims' restatements on that page: the same names
 * are not the same story.
 */

import type { DateRef } from './facts';
import type { CompiledRestate } from './format';
import { outsideWindow } from './page-date';
import { EVENT_NEWS_DAYS, EVENT_SCORE, STORY_CLAIMS } from './thresholds';
import type { VetoKind } from './verify';

export interface EventCandidate {
  story: number;
  score: number;
  inLead: boolean;
  veto: VetoKind | null;
  passage: string;
  names: string[];
}

export interface StoryDecision {
  story: number;
  /** Best event sentence's score (0: none). */
  score: number;
  passage: string | null;
  eventInLead: boolean;
  names: string[];
  claims: Set<number>;
}

/** Vetoes that make an event-like lead sentence evidence of another event. */
const CONTRADICTING: ReadonlySet<VetoKind> = new Set(['amount', 'percent', 'duration', 'ordinal', 'date', 'count', 'organisation']);

export interface StoryVerdicts {
  recognised: StoryDecision[];
  /** Stories the page reports another event of (their claims' restatements are dropped). */
  contradicted: Set<number>;
}

export function decideStories(
  r: CompiledRestate,
  events: readonly EventCandidate[],
  claimsFound: ReadonlySet<number>,
  date: DateRef | null,
  /** Whether the page names all of a story's people (asked only of stories with some evidence). */
  peopleNamed: (story: number) => boolean,
): StoryVerdicts {
  const recognised: StoryDecision[] = [];
  const contradicted = new Set<number>();
  r.stories.forEach((story, si) => {
    if (date && outsideWindow(date, story.window)) return;
    const mine = events.filter((e) => e.story === si && e.score >= EVENT_SCORE);
    if (mine.some((e) => e.inLead && e.veto !== null && CONTRADICTING.has(e.veto))) {
      contradicted.add(si);
      return;
    }
    // Long after the event, a sentence naming it is background to another event: only the key
    // claims can make the story then (EVENT_NEWS_DAYS).
    const stale = date !== null && story.eventOn.precision === 'day' && story.eventOn.date !== null && outsideWindow(date, { before: daysAfter(story.eventOn.date, EVENT_NEWS_DAYS) });
    const good = (stale ? [] : mine).filter((e) => e.veto === null).sort((a, b) => Number(b.inLead) - Number(a.inLead) || b.score - a.score);
    // Only the story's key claims count: a report of xAI's data centres or of an Altman livestream
    // restates background facts the story's article also gives, not the story.
    const claims = new Set(story.claims.filter((c) => claimsFound.has(c)));
    const lead = good.find((e) => e.inLead);
    const best = good[0];
    const ok = lead !== undefined || claims.size >= STORY_CLAIMS || (best !== undefined && claims.size >= 1);
    // Claims alone (a report on xAI's data centres, its losses) are not the story unless the page
    // names the story's people; event sentences name them by construction.
    if (!ok || (best === undefined && !peopleNamed(si))) return;
    recognised.push({
      story: si,
      score: best?.score ?? 0,
      passage: best?.passage ?? null,
      eventInLead: lead !== undefined,
      names: best?.names ?? [],
      claims,
    });
  });
  return { recognised, contradicted };
}

/** "YYYY-MM-DD" plus `n` days. */
function daysAfter(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
