/**
 * The story view's model: for one story, what each source says, side by side, grouped by topic
 * (lib/story/topics.ts), each claim with its speaker, date and outlet as the card says them
 * (lib/overlay/card-model.ts), the relations between them with their why, and the pages where the
 * reader met it (their reading history, lib/storage/reading-history.ts). Pure.
 */

import type { Bilingual, Dataset, Lang, RelationType } from '../dataset/types';
import { buildCardModel, type TextOrigin } from '../overlay/card-model';
import type { Catalog } from '../overlay/catalog';
import { formatDate } from '../overlay/dates';
import type { Visit } from '../storage/reading-history';
import { storiesOf, type Story } from './stories';
import { topicsOf } from './topics';

export interface MetOn {
  url: string;
  title: string;
  /** When the page last showed the claim, as people write dates ("5 December 2026"). */
  when: string;
}

export interface StoryClaim {
  claimId: string;
  sourceId: string;
  outlet: string;
  text: Bilingual;
  origin: Record<Lang, TextOrigin>;
  /** "Yann LeCun — founder of AMI Labs; …" */
  who: string;
  /** Whether the speaker is the outlet itself (then the outlet is not named twice). */
  byOutlet: boolean;
  /** One of the story's key claims (the dataset's choice). */
  key: boolean;
  when: string;
  /** The kinds of relation this claim has inside its topic (for chips). */
  relations: RelationType[];
  met: MetOn[];
}

export interface StoryColumn {
  sourceId: string;
  outlet: string;
  claims: StoryClaim[];
}

export interface StoryLink {
  type: RelationType;
  from: { claimId: string; label: string };
  to: { claimId: string; label: string };
  /** Whether the dataset records it both ways (another view, contradiction, mutual support). */
  mutual: boolean;
  why: string;
}

export interface StoryTopicView {
  id: string;
  /** The topic's hub claim (shown in the language the claims are shown in). */
  title: Bilingual;
  columns: StoryColumn[];
  background: StoryClaim[];
  links: StoryLink[];
}

export interface StoryViewModel {
  id: string;
  /** The story's title (the dataset's), or null: the view names it by its sources. */
  title: string | null;
  /** The event in one sentence (the dataset's), or null. */
  event: string | null;
  headlines: { outlet: string; title: string | null }[];
  topics: StoryTopicView[];
  /** What only this story's sources say (no relation), per source. */
  unlinked: StoryColumn[];
  /** Pages where the reader met any claim of the story, most recent first. */
  met: MetOn[];
  claimCount: number;
}

function dateOf(ms: number, ui: Lang): string {
  const d = new Date(ms);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return formatDate(iso, 'day', ui) ?? iso;
}

export interface StoryViewInput {
  dataset: Dataset;
  catalog: Catalog;
  ui: Lang;
  visits: readonly Visit[];
}

/** Every story of the dataset, as the view shows it. */
export function buildStoryViews({ dataset, catalog, ui, visits }: StoryViewInput): StoryViewModel[] {
  const metOf = new Map<string, MetOn[]>();
  for (const v of visits) {
    const met: MetOn = { url: v.sourceUrl || v.url, title: v.title || v.url, when: dateOf(v.lastSeen, ui) };
    for (const id of v.claimIds) metOf.set(id, [...(metOf.get(id) ?? []), met]);
  }
  const outletOf = (sourceId: string): string => {
    const s = catalog.source(sourceId);
    const e = s ? catalog.entity(s.publisherId) : undefined;
    return e?.name[ui] || e?.name.en || sourceId;
  };
  let keys = new Set<string>();
  const claimView = (id: string, relations: RelationType[]): StoryClaim | null => {
    const c = catalog.claim(id);
    if (!c) return null;
    const speaker = catalog.entity(c.speakerId);
    const card = buildCardModel(
      {
        claimId: id,
        range: null as unknown as Range,
        quote: c.text[ui],
        speaker: { id: c.speakerId, name: speaker?.name ?? { ja: c.speakerId, en: c.speakerId } },
        saidOn: c.saidOn,
        sourceId: c.sourceId,
        relations: [],
      },
      catalog,
      { ui },
    );
    return {
      claimId: id,
      sourceId: c.sourceId,
      outlet: card.where.outlet,
      text: c.text,
      origin: card.origin,
      who: card.who.line,
      byOutlet: card.who.name === card.where.outlet,
      key: keys.has(id),
      when: card.when,
      relations,
      met: metOf.get(id) ?? [],
    };
  };
  const label = (id: string): string => {
    const c = catalog.claim(id);
    if (!c) return id;
    const who = catalog.entity(c.speakerId)?.name[ui] ?? c.speakerId;
    const outlet = outletOf(c.sourceId);
    return who === outlet ? outlet : `${who} (${outlet})`;
  };
  const sourceOrder = new Map(dataset.sources.map((s, i) => [s.id, i]));
  const columnsOf = (claims: StoryClaim[]): StoryColumn[] => {
    const by = new Map<string, StoryClaim[]>();
    for (const c of claims) by.set(c.sourceId, [...(by.get(c.sourceId) ?? []), c]);
    return [...by.entries()]
      .sort((a, b) => (sourceOrder.get(a[0]) ?? 0) - (sourceOrder.get(b[0]) ?? 0))
      .map(([sourceId, list]) => ({ sourceId, outlet: outletOf(sourceId), claims: list }));
  };

  return storiesOf(dataset).map((story: Story) => {
    keys = new Set(story.keyClaimIds);
    const { topics, unlinked } = topicsOf(dataset, story);
    const topicViews: StoryTopicView[] = topics.map((t) => {
      const typesOf = (id: string): RelationType[] => [...new Set(t.relations.filter((r) => r.from === id || r.to === id).map((r) => r.type))];
      const members = t.members.map((id) => claimView(id, typesOf(id))).filter((x): x is StoryClaim => !!x);
      const background = t.background.map((id) => claimView(id, typesOf(id))).filter((x): x is StoryClaim => !!x);
      const links: StoryLink[] = t.relations.map((r) => ({
        type: r.type,
        from: { claimId: r.from, label: label(r.from) },
        to: { claimId: r.to, label: label(r.to) },
        mutual: r.type === 'differs' || r.type === 'contradicts' || dataset.relations.some((x) => x.type === r.type && x.from === r.to && x.to === r.from),
        why: r.why[ui],
      }));
      return { id: t.id, title: catalog.claim(t.hub)?.text ?? { ja: t.hub, en: t.hub }, columns: columnsOf(members), background, links };
    });
    const unlinkedViews = columnsOf(unlinked.map((id) => claimView(id, [])).filter((x): x is StoryClaim => !!x));
    const seen = new Map<string, MetOn & { at: number }>();
    for (const v of visits) {
      if (!v.claimIds.some((id) => story.claimIds.includes(id))) continue;
      const key = v.sourceUrl || v.url;
      if (!seen.has(key)) seen.set(key, { url: key, title: v.title || key, when: dateOf(v.lastSeen, ui), at: v.lastSeen });
    }
    return {
      id: story.id,
      title: story.title ? story.title[ui] : null,
      event: story.event ? story.event[ui] : null,
      headlines: story.sourceIds.map((id) => {
        const s = catalog.source(id);
        return { outlet: outletOf(id), title: s?.title ? s.title[ui] || s.title.ja || s.title.en : null };
      }),
      topics: topicViews,
      unlinked: unlinkedViews,
      met: [...seen.values()].sort((a, b) => b.at - a.at).map(({ url, title, when }) => ({ url, title, when })),
      claimCount: story.claimIds.length,
    };
  });
}

/** The story holding a claim (as a member of its story), for `story.html?claim=…`. */
export function storyOfClaim(dataset: Dataset, claimId: string): string | null {
  return storiesOf(dataset).find((s) => s.claimIds.includes(claimId))?.id ?? null;
}
