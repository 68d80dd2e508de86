import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { handleMessage, storyViewPath, type HandlerDeps } from '../../lib/messages/handle';
import type { RequestSender } from '../../lib/messages/protocol';
import { catalogFromDataset } from '../../lib/overlay/catalog';
import type { CounterpointDb } from '../../lib/storage/db';
import { clearVisits, listVisits, MAX_VISITS, recordVisit } from '../../lib/storage/reading-history';
import { storiesOf } from '../../lib/story/stories';
import { buildStoryViews, storyOfClaim } from '../../lib/story/story-view';
import { topicsOf } from '../../lib/story/topics';
import { useFreshDb } from '../helpers/notes';

const dataset = JSON.parse(readFileSync('data/claims.json', 'utf8')) as Dataset;
const sourceOf = new Map(dataset.claims.map((c) => [c.id, c.sourceId]));

describe('stories', () => {
  it('without a stories array: each source with its digests is one story (s000; s003 + s003-digest)', () => {
    const stories = storiesOf({ ...dataset, stories: undefined });
    expect(stories.map((s) => [s.id, s.sourceIds])).toEqual([
      ['s000', ['s000']],
      ['s003', ['s003', 's003-digest']],
    ]);
    expect(stories.reduce((n, s) => n + s.claimIds.length, 0)).toBe(dataset.claims.length);
  });

  it("the dataset's stories (issue #11): title, event, sources, and everything those sources say; the key claims marked", () => {
    const stories = storiesOf(dataset);
    expect(stories.map((s) => [s.id, s.sourceIds])).toEqual([
      ['story-wu-leaves-xai', ['s000']],
      ['story-lecun-xai-failure', ['s003', 's003-digest']],
    ]);
    const [wu] = stories;
    expect(wu!.title?.en).toBe('xAI co-founder Tony Wu leaves');
    expect(wu!.event?.en).toMatch(/Tony Wu/);
    expect(wu!.claimIds.length).toBe(dataset.claims.filter((c) => c.sourceId === 's000').length);
    expect(wu!.keyClaimIds).toContain('s000-wu-leaves');
    for (const id of wu!.keyClaimIds) expect(wu!.claimIds).toContain(id);
  });

  it('a story without sources takes those of its key claims; unknown ids are dropped', () => {
    const withStories = {
      ...dataset,
      stories: [
        { id: 'wu', title: { ja: 'ウー氏が退職', en: 'Wu leaves xAI' }, claims: ['s000-wu-leaves', 's003-cofounders-left', 'no-such-claim'] },
        { id: 'lecun', title: { ja: 'ルカン', en: 'LeCun on xAI' }, claims: [{ id: 's003-lecun-failure' }] },
      ],
    };
    const stories = storiesOf(withStories);
    expect(stories.map((s) => [s.id, s.title?.en, s.keyClaimIds, s.sourceIds])).toEqual([
      ['wu', 'Wu leaves xAI', ['s000-wu-leaves', 's003-cofounders-left'], ['s000', 's003']],
      ['lecun', 'LeCun on xAI', ['s003-lecun-failure'], ['s003']],
    ]);
  });
});

describe('topics, derived from relations', () => {
  for (const story of storiesOf(dataset)) {
    it(`${story.id}: every claim of the story is shown once as a member, as background, or as said only here`, () => {
      const { topics, unlinked } = topicsOf(dataset, story);
      const members = topics.flatMap((t) => t.members);
      expect(new Set(members).size).toBe(members.length); // a member of one topic only
      const shown = new Set([...members, ...topics.flatMap((t) => t.background), ...unlinked]);
      expect(story.claimIds.filter((id) => !shown.has(id))).toEqual([]);
      for (const t of topics) {
        // A topic brings several sources together (relations are between articles).
        expect(new Set(t.members.map((id) => sourceOf.get(id))).size, t.id).toBeGreaterThan(1);
        expect(t.members).toContain(t.hub);
        // Every relation shown is one the dataset records, inside the topic or to its background.
        for (const r of t.relations) {
          expect(dataset.relations).toContainEqual(r);
          expect([...t.members, ...t.background]).toContain(r.from);
          expect([...t.members, ...t.background]).toContain(r.to);
        }
      }
      // Unlinked claims are related to nothing.
      for (const id of unlinked) expect(dataset.relations.some((r) => r.from === id || r.to === id)).toBe(false);
    });
  }

  it('puts claims that bear on the same subject together: the merger, the departures, the "failure"', () => {
    const s000 = storiesOf(dataset)[0]!; // Tony Wu leaves xAI (GeekPark)
    const { topics } = topicsOf(dataset, s000);
    const topicOf = (id: string) => topics.find((t) => t.members.includes(id))?.id;
    expect(topicOf('s000-merger-valuation')).toBe(topicOf('s003-merger-1-25-trillion'));
    expect(topicOf('s000-wu-leaves')).toBe(topicOf('s003-cofounders-left'));
    expect(topicOf('s000-wu-leaves')).not.toBe(topicOf('s000-merger-valuation'));
    // Another view is its own relation, recorded both ways but listed once.
    const agi = topics.find((t) => t.members.includes('s000-reasoning-bridge-agi'))!;
    expect(agi.relations.filter((r) => r.type === 'differs')).toHaveLength(1);
    // Each pair is listed once per type, whichever way the dataset recorded it (supports too).
    for (const t of topics) {
      const pairs = t.relations.filter((r) => r.type !== 'contextualizes').map((r) => `${r.type}|${[r.from, r.to].sort().join('|')}`);
      expect(new Set(pairs).size, t.id).toBe(pairs.length);
    }
  });
});

describe('the story view model', () => {
  const catalog = catalogFromDataset(dataset);
  it('names speaker, date and outlet as the card does, and the pages where the reader met each claim', () => {
    const visits = [{ url: 'https://news.example/wu', sourceUrl: 'https://news.example/wu?ref=x', title: 'Wu leaves', firstSeen: 1, lastSeen: Date.UTC(2026, 1, 11, 12), claimIds: ['s000-wu-leaves'] }];
    const [s000, s003] = buildStoryViews({ dataset, catalog, ui: 'en', visits });
    expect(s000!.headlines).toEqual([{ outlet: 'GeekPark', title: "xAI's key figure flees, a heavy blow to Musk's AI ambitions" }]);
    expect(s003!.headlines.map((h) => h.outlet)).toEqual(['CNBC', 'AI日報 (AI Nippo)']);
    expect(s003!.headlines[0]!.title).toBeNull(); // CNBC's headline is not in the seed
    const wu = s000!.topics.flatMap((t) => t.columns.flatMap((c) => c.claims)).find((c) => c.claimId === 's000-wu-leaves')!;
    expect(wu.outlet).toBe('GeekPark');
    expect(wu.when).toBe('date not stated; reported on or after 10 February 2026');
    expect(wu.met).toEqual([{ url: 'https://news.example/wu?ref=x', title: 'Wu leaves', when: '11 February 2026' }]);
    expect(wu.key).toBe(true);
    expect(s000!.title).toBe('xAI co-founder Tony Wu leaves');
    expect(s000!.event).toMatch(/Tony Wu/);
    expect(s000!.met).toHaveLength(1);
    expect(s003!.met).toEqual([]);
    // Side by side: one column per source in each topic.
    const departures = s000!.topics.find((t) => t.columns.some((c) => c.claims.some((x) => x.claimId === 's000-wu-leaves')))!;
    expect(departures.columns.map((c) => c.outlet)).toEqual(['GeekPark', 'CNBC']);
    expect(departures.links.every((l) => l.why.length > 0)).toBe(true);
  });

  it('in Japanese too, and finds the story of a claim', () => {
    const [s000] = buildStoryViews({ dataset, catalog, ui: 'ja', visits: [] });
    expect(s000!.headlines[0]!.outlet).toBe('極客公園');
    expect(storyOfClaim(dataset, 's003d-headline')).toBe('story-lecun-xai-failure');
    expect(storyOfClaim(dataset, 'nope')).toBeNull();
  });
});

let db: CounterpointDb;
useFreshDb('history', (d) => (db = d));

describe('the reading history', () => {
  it('records pages with their claims, merges visits, keeps the newest pages only, and erases', async () => {
    await recordVisit(db, { url: 'https://a.example/1', sourceUrl: 'https://a.example/1', title: 'One', claimIds: ['c1', 'c2'] }, 10);
    await recordVisit(db, { url: 'https://a.example/1', sourceUrl: 'https://a.example/1', title: '', claimIds: ['c3', 'c1'] }, 20);
    const [one] = await listVisits(db);
    expect(one).toEqual({ url: 'https://a.example/1', sourceUrl: 'https://a.example/1', title: 'One', firstSeen: 10, lastSeen: 20, claimIds: ['c3', 'c1', 'c2'] });
    for (let i = 0; i < MAX_VISITS + 5; i++) await recordVisit(db, { url: `https://b.example/${i}`, sourceUrl: `https://b.example/${i}`, title: '', claimIds: ['c'] }, 100 + i);
    const all = await listVisits(db);
    expect(all).toHaveLength(MAX_VISITS);
    expect(all[0]!.url).toBe(`https://b.example/${MAX_VISITS + 4}`);
    expect(all.some((v) => v.url === 'https://a.example/1')).toBe(false); // the oldest went first
    expect(await clearVisits(db)).toBe(MAX_VISITS);
    expect(await listVisits(db)).toEqual([]);
  });

  const page: RequestSender = { kind: 'content-script', tabId: 7, tabIndex: 3, url: 'https://news.example/a?utm_source=x' };
  const env = { now: () => 1_700_000_000_000, newId: () => 'n-1' };

  it("is recorded for the sender's own page, only when the reader keeps it, never for a private window", async () => {
    const record = { type: 'history:record', hints: { canonical: 'https://other.example/victim', title: 'A' }, claimIds: ['s000-wu-leaves'] };
    expect(await handleMessage({ db, env, historyEnabled: async () => false }, record, page)).toEqual({ ok: true, recorded: false });
    expect(await handleMessage({ db, env, historyEnabled: async () => true }, record, { ...page, private: true } as RequestSender)).toEqual({ ok: true, recorded: false });
    expect(await listVisits(db)).toEqual([]);
    expect(await handleMessage({ db, env, historyEnabled: async () => true }, record, page)).toEqual({ ok: true, recorded: true });
    // The canonical link of another origin is not the page: the sender's own address is.
    expect((await listVisits(db)).map((v) => v.url)).toEqual(['https://news.example/a']);
    expect(await handleMessage({ db, env, historyEnabled: async () => true }, { type: 'history:list' }, { kind: 'extension-page' })).toMatchObject({ ok: true, enabled: true, visits: [{ url: 'https://news.example/a' }] });
    expect(await handleMessage({ db, env }, { type: 'history:record', hints: { canonical: null, title: '' }, claimIds: ['../x'] }, page)).toMatchObject({ ok: false });
  });

  it('tells the side panel what the reader picked, naming the sender’s tab (never one the message names)', async () => {
    const tellPages = vi.fn(async () => undefined);
    const deps: HandlerDeps = { db, env, tellPages };
    expect(await handleMessage(deps, { type: 'page:picked', item: { kind: 'claim', claimId: 's000-wu-leaves' }, tabId: 99 }, page)).toEqual({ ok: true });
    expect(tellPages).toHaveBeenCalledWith({ type: 'panel:picked', tabId: 7, item: { kind: 'claim', claimId: 's000-wu-leaves' } });
    expect(await handleMessage(deps, { type: 'page:picked', item: { kind: 'note', id: 'n 1 <' } }, page)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'page:picked', item: { kind: 'claim', claimId: 'x' } }, { kind: 'extension-page' })).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'page:updated' }, page)).toEqual({ ok: true });
    expect(tellPages).toHaveBeenLastCalledWith({ type: 'panel:page-updated', tabId: 7 });
  });

  it('opens the story view next to the sender tab, at a claim’s story', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await handleMessage({ db, env, openTab }, { type: 'story:open', claimId: 's000-wu-leaves' }, page)).toEqual({ ok: true });
    expect(openTab).toHaveBeenCalledWith('/story.html?claim=s000-wu-leaves', 3);
    expect(storyViewPath()).toBe('/story.html');
    expect(await handleMessage({ db, env, openTab }, { type: 'story:open', claimId: '../popup.html' }, page)).toMatchObject({ ok: false });
  });
});
