/**
 * Stories: which claims of the dataset tell the same news. The dataset's `stories` array (issue #11:
 * ids, titles, events, people, sources, key claims) says so; a dataset without one gets one story per
 * source with its digests (s000: Tony Wu leaves xAI; s003 with s003-digest: LeCun on xAI).
 * `storiesOf` is the one place that knows which: the story view reads nothing else.
 *
 * Pure.
 */

import type { Bilingual, Dataset } from '../dataset/types';

export interface Story {
  id: string;
  /** The story's own title when the dataset gives one; null: the view names it by its sources' headlines. */
  title: Bilingual | null;
  /** The event in one sentence, when the dataset gives it. */
  event: Bilingual | null;
  /** Sources that tell it (in dataset order). */
  sourceIds: string[];
  /** What its sources say: their claims, in dataset order. */
  claimIds: string[];
  /** The story's key claims (the dataset's choice), a subset of `claimIds`. */
  keyClaimIds: string[];
}

function bilingual(v: unknown): Bilingual | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return typeof o.ja === 'string' && typeof o.en === 'string' ? { ja: o.ja, en: o.en } : null;
}

/** Ids in a list that may hold ids or objects with an id. */
function idsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((c) => (typeof c === 'string' ? c : c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string' ? (c as { id: string }).id : null))
    .filter((x): x is string => !!x);
}

/**
 * The dataset's stories (issue #11: id, title, event, sources, key claims), or one per source with its
 * digests when it has none. A story's claims are everything its sources say; its key claims are the
 * dataset's own choice (the view marks them).
 */
export function storiesOf(dataset: Omit<Dataset, 'stories'> & { stories?: unknown }): Story[] {
  const claimSource = new Map(dataset.claims.map((c) => [c.id, c.sourceId]));
  const sourceIds = new Set(dataset.sources.map((s) => s.id));
  if (Array.isArray(dataset.stories) && dataset.stories.length > 0) {
    const out: Story[] = [];
    for (const raw of dataset.stories as Record<string, unknown>[]) {
      if (!raw || typeof raw !== 'object' || typeof raw.id !== 'string') continue;
      const keys = [...new Set(idsOf(raw.claims ?? raw.claimIds).filter((id) => claimSource.has(id)))];
      // Its sources: as the dataset lists them, else those of its key claims.
      const listed = idsOf(raw.sources).filter((id) => sourceIds.has(id));
      const from = new Set(listed.length > 0 ? listed : keys.map((id) => claimSource.get(id)!));
      out.push({
        id: raw.id,
        title: bilingual(raw.title),
        event: bilingual(raw.event),
        sourceIds: dataset.sources.map((s) => s.id).filter((id) => from.has(id)),
        claimIds: dataset.claims.filter((c) => from.has(c.sourceId)).map((c) => c.id),
        keyClaimIds: dataset.claims.filter((c) => keys.includes(c.id)).map((c) => c.id),
      });
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
  return [...groups.entries()].map(([rootId, ids]) => ({
    id: rootId,
    title: null,
    event: null,
    sourceIds: ids,
    claimIds: dataset.claims.filter((c) => ids.includes(c.sourceId)).map((c) => c.id),
    keyClaimIds: [],
  }));
}
