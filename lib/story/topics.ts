/**
 * Topics of a story, derived from the dataset's relations rather than from a taxonomy: claims that
 * bear on the same subject (one supports, differs from or contradicts another) form a topic; a claim
 * that only gives background (`contextualizes`) is shown with the topics it is background to. Claims
 * that are background only to each other (no statement about the same subject links them to a topic)
 * form a topic of their own. Claims with no relation at all are the story's "said only here".
 *
 * Pure: dataset and story in, topics out, in the story's reading order.
 */

import type { Dataset, Relation } from '../dataset/types';
import type { Story } from './stories';

export interface Topic {
  /** Stable id: the first member's claim id. */
  id: string;
  /** The member with the most relations inside the topic (names the topic). */
  hub: string;
  /** Claims that make statements about the topic's subject, in dataset order (from every source). */
  members: string[];
  /**
   * Claims outside the topic tied to a member by `contextualizes` (either way: background to a
   * member, or what a member is background to), not members themselves.
   */
  background: string[];
  /** The relations among members, and between background claims and members (each pair once). */
  relations: Relation[];
}

export interface StoryTopics {
  topics: Topic[];
  /** The story's claims related to nothing: what only one source says. */
  unlinked: string[];
}

/** Whether a relation is about the same subject (not background). */
const sameSubject = (r: Relation): boolean => r.type !== 'contextualizes';

class Sets {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p)!;
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * One relation per pair and type: `differs` and `contradicts` are recorded both ways, and so is a
 * `supports` where both make the same judgement (the first recorded is shown, with its why). Only
 * `contextualizes` keeps its direction (background to one, not the other, unless recorded so).
 */
function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = r.type === 'contextualizes' ? `${r.type}|${r.from}|${r.to}` : `${r.type}|${[r.from, r.to].sort().join('|')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function topicsOf(dataset: Dataset, story: Story): StoryTopics {
  const order = new Map(dataset.claims.map((c, i) => [c.id, i]));
  const byOrder = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const relations = dataset.relations.filter((r) => order.has(r.from) && order.has(r.to));

  // 1. Topics of statements on the same subject.
  const core = new Sets();
  const inCore = new Set<string>();
  for (const r of relations.filter(sameSubject)) {
    core.union(r.from, r.to);
    inCore.add(r.from);
    inCore.add(r.to);
  }
  // 2. Background claims tied only to each other form topics of their own.
  const rest = new Sets();
  const inRest = new Set<string>();
  for (const r of relations.filter((x) => !sameSubject(x))) {
    if (inCore.has(r.from) || inCore.has(r.to)) continue;
    rest.union(r.from, r.to);
    inRest.add(r.from);
    inRest.add(r.to);
  }
  const groupOf = (id: string): string | null => (inCore.has(id) ? `c:${core.find(id)}` : inRest.has(id) ? `r:${rest.find(id)}` : null);

  const members = new Map<string, string[]>();
  for (const c of dataset.claims) {
    const g = groupOf(c.id);
    if (g) members.set(g, [...(members.get(g) ?? []), c.id]);
  }
  const storyClaims = new Set(story.claimIds);
  const topics: Topic[] = [];
  for (const [group, ids] of members) {
    if (!ids.some((id) => storyClaims.has(id))) continue; // another story's topic
    const set = new Set(ids);
    // Background: claims outside the topic tied to a member by `contextualizes`, either way.
    const background = [
      ...new Set(
        relations
          .filter((r) => r.type === 'contextualizes' && set.has(r.from) !== set.has(r.to))
          .map((r) => (set.has(r.to) ? r.from : r.to)),
      ),
    ].sort(byOrder);
    const bg = new Set(background);
    const own = dedupe(relations.filter((r) => (set.has(r.from) && set.has(r.to)) || (r.type === 'contextualizes' && ((bg.has(r.from) && set.has(r.to)) || (set.has(r.from) && bg.has(r.to))))));
    const degree = (id: string): number => own.filter((r) => r.from === id || r.to === id).length;
    const sorted = [...ids].sort(byOrder);
    const hub = sorted.reduce((best, id) => (degree(id) > degree(best) ? id : best), sorted.find((id) => storyClaims.has(id)) ?? sorted[0]!);
    topics.push({ id: group.slice(2), hub, members: sorted, background, relations: own });
  }
  // In the story's reading order: by the first of its own claims each topic holds.
  const firstOwn = (t: Topic): number => Math.min(...t.members.filter((id) => storyClaims.has(id)).map((id) => order.get(id) ?? 0));
  topics.sort((a, b) => firstOwn(a) - firstOwn(b));
  for (const t of topics) t.id = t.members[0]!;

  const related = new Set(relations.flatMap((r) => [r.from, r.to]));
  const unlinked = story.claimIds.filter((id) => !related.has(id)).sort(byOrder);
  return { topics, unlinked };
}
