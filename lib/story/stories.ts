/**
 * Stories: which claims of the dataset tell the same news. Issue #11 adds a `stories` array to the
 * dataset (ids, titles, the claims of each story); until it lands, each source with its digests is one
 * story (s000: Tony Wu leaves xAI; s003 with s003-digest: LeCun on xAI). `storiesOf` is the one place
 * that knows which: the story view reads nothing else, so the dataset's array replaces the default
 * without touching the view.
 *
 * Pure.
 */

import type { Bilingual, Dataset } from '../dataset/types';

export interface Story {
  id: string;
  /** The story's own title when the dataset gives one; null: the view names it by its sources' headlines. */
  title: Bilingual | null;
  /** Sources that tell it (in dataset order). */
  sourceIds: string[];
  /** Its claims (in dataset order). */
  claimIds: string[];
}

/** A story as the dataset may list it (issue #11). Only `id` and its claims are needed. */
interface DatasetStory {
  id?: unknown;
  title?: unknown;
  claims?: unknown;
  claimIds?: unknown;
}

function bilingual(v: unknown): Bilingual | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return typeof o.ja === 'string' && typeof o.en === 'string' ? { ja: o.ja, en: o.en } : null;
}

/** Claim ids of a dataset story: `claims` as ids, or as objects with an id, or `claimIds`. */
function idsOf(s: DatasetStory): string[] {
  const list = Array.isArray(s.claims) ? s.claims : Array.isArray(s.claimIds) ? s.claimIds : [];
  return list.map((c) => (typeof c === 'string' ? c : c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string' ? (c as { id: string }).id : null)).filter((x): x is string => !!x);
}

/** The dataset's stories, or one per source with its digests. */
export function storiesOf(dataset: Dataset & { stories?: unknown }): Story[] {
  const claimSource = new Map(dataset.claims.map((c) => [c.id, c.sourceId]));
  if (Array.isArray(dataset.stories) && dataset.stories.length > 0) {
    const out: Story[] = [];
    for (const raw of dataset.stories as DatasetStory[]) {
      if (!raw || typeof raw !== 'object' || typeof raw.id !== 'string') continue;
      const order = new Map(dataset.claims.map((c, i) => [c.id, i]));
      const claimIds = [...new Set(idsOf(raw).filter((id) => claimSource.has(id)))].sort((a, b) => order.get(a)! - order.get(b)!);
      const sourceIds = dataset.sources.map((s) => s.id).filter((id) => claimIds.some((c) => claimSource.get(c) === id));
      out.push({ id: raw.id, title: bilingual(raw.title), sourceIds, claimIds });
    }
    if (out.length > 0) return out;
  }
  // Default: a source and the digests made of it tell one story.
  const root = (id: string): string => {
    let at = id;
    for (let k = 0; k < 8; k++) {
      const digestOf = dataset.sources.find((s) => s.id === at)?.digestOf;
      if (!digestOf) break;
      at = digestOf;
    }
    return at;
  };
  const groups = new Map<string, string[]>();
  for (const s of dataset.sources) {
    const r = root(s.id);
    groups.set(r, [...(groups.get(r) ?? []), s.id]);
  }
  return [...groups.entries()].map(([rootId, sourceIds]) => ({
    id: rootId,
    title: null,
    sourceIds,
    claimIds: dataset.claims.filter((c) => sourceIds.includes(c.sourceId)).map((c) => c.id),
  }));
}
