import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { buildCardModel, summarize } from '../../lib/overlay/card-model';
import { catalogFromDataset, emptyCatalog } from '../../lib/overlay/catalog';
import type { OverlayAnnotation } from '../../lib/overlay/types';
import { claimStatus } from '../../lib/overlay/types';
import { roleLine, rolesAt } from '../../lib/overlay/who';

const unknown = { date: null, precision: 'unknown' as const, evidence: 'x', bounds: { after: '2026-03-31' } };
const dataset: Dataset = {
  sources: [
    { id: 'sA', seedFile: 'a.txt', publisherId: 'cnbc', language: ['ja', 'en'], translatedBy: { ja: 'digest' }, publishedOn: unknown },
    {
      id: 'sB', seedFile: 'b.txt', title: { ja: '記事B', en: 'Article B' }, publisherId: 'gp', authorId: 'writer', editorId: 'editor',
      language: ['ja'], publishedOn: { date: '2026-02-10', precision: 'day', evidence: 'x' },
    },
    { id: 'sD', seedFile: 'a.txt', title: { ja: '要約', en: 'Digest' }, publisherId: 'digest', digestOf: 'sA', language: ['ja'], publishedOn: unknown },
  ],
  entities: [
    {
      id: 'lecun', kind: 'person', name: { ja: 'ヤン・ルカン', en: 'Yann LeCun' }, aliases: [],
      roles: [
        { role: { ja: 'AMI Labs創設者', en: 'founder, AMI Labs' }, from: '2025-11' },
        { role: { ja: 'Metaの首席AI科学者', en: "Meta's chief AI scientist" }, from: '2013', to: '2025-11' },
      ],
    },
    { id: 'gp', kind: 'outlet', name: { ja: '極客公園', en: 'GeekPark' }, aliases: [], roles: [] },
    { id: 'cnbc', kind: 'outlet', name: { ja: 'CNBC', en: 'CNBC' }, aliases: [], roles: [] },
    { id: 'digest', kind: 'outlet', name: { ja: 'AI日報', en: 'AI日報 (AI Nippo)' }, aliases: [], roles: [] },
    { id: 'writer', kind: 'person', name: { ja: '書き手', en: 'Writer' }, aliases: [], roles: [] },
    { id: 'editor', kind: 'person', name: { ja: '編集者', en: 'Editor' }, aliases: [], roles: [] },
  ],
  claims: [
    {
      id: 'c1', sourceId: 'sA', speakerId: 'lecun', kind: 'quote', saidOn: { date: '2026-04', precision: 'month', evidence: 'x' },
      text: { ja: 'xAIは失敗だ', en: 'xAI is a failure' }, translated: ['ja'], anchors: [],
    },
    { id: 'c2', sourceId: 'sB', speakerId: 'gp', kind: 'fact', saidOn: { ...unknown, bounds: { after: '2026-02-09' } }, text: { ja: '停滞は6か月', en: 'a six-month stall' }, anchors: [] },
    { id: 'c3', sourceId: 'sB', speakerId: 'gp', kind: 'fact', saidOn: unknown, text: { ja: '共同創設者が離脱', en: 'co-founders left' }, anchors: [] },
    {
      id: 'c4', sourceId: 'sD', speakerId: 'lecun', kind: 'paraphrase', saidOn: unknown, paraphraseOf: ['c1'],
      text: { ja: 'ルカンはxAIを失敗と断じた', en: 'LeCun declared xAI a failure' }, translated: ['en'], anchors: [],
      note: { ja: 'ダイジェストの表現', en: "The digest's wording" },
    },
  ],
  relations: [
    { from: 'c1', to: 'c2', type: 'contradicts', basis: { from: 'failure', to: 'stall' }, why: { ja: '失敗と停滞は違う', en: 'failure vs. a stall' } },
    { from: 'c3', to: 'c1', type: 'supports', basis: { from: 'left', to: 'failure' }, why: { ja: '離脱が理由', en: 'departures are the reason' } },
  ],
};
const catalog = catalogFromDataset(dataset);
const fakeRange = {} as Range;

function annotation(over: Partial<OverlayAnnotation> = {}): OverlayAnnotation {
  return {
    claimId: 'c1', range: fakeRange, quote: 'xAI is a failure', sourceId: 'sA',
    speaker: { id: 'lecun', name: { ja: 'ヤン・ルカン', en: 'Yann LeCun' } },
    saidOn: { date: '2026-04', precision: 'month' },
    relations: [
      { type: 'contradicts', direction: 'out', claimId: 'c2', speaker: { id: 'gp', name: { ja: '極客公園', en: 'GeekPark' } }, text: dataset.claims[1]!.text, sourceId: 'sB' },
      { type: 'supports', direction: 'in', claimId: 'c3', speaker: { id: 'gp', name: { ja: '極客公園', en: 'GeekPark' } }, text: dataset.claims[2]!.text, sourceId: 'sB', why: { ja: '離脱が理由', en: 'departures are the reason' } },
    ],
    ...over,
  };
}
const ref = (claimId: string, lang?: 'ja' | 'en') => (lang ? { claimId, lang } : { claimId });

describe('overlay card model', () => {
  it('who: name and the roles held at the claim date, former roles marked', () => {
    const m = buildCardModel(annotation(), catalog, { ui: 'en' });
    expect(m.who.line).toBe("Yann LeCun — founder, AMI Labs; formerly Meta's chief AI scientist");
    const ja = buildCardModel(annotation(), catalog, { ui: 'ja' });
    expect(ja.who.line).toBe('ヤン・ルカン — AMI Labs創設者、元Metaの首席AI科学者');
  });

  it('roles are read at the precision of the date', () => {
    const lecun = dataset.entities[0]!;
    expect(rolesAt(lecun, '2020-05-01').current.map((r) => r.role.en)).toEqual(["Meta's chief AI scientist"]);
    // November 2025: both roles overlap that month.
    expect(rolesAt(lecun, '2025-11').current.length).toBe(2);
    expect(roleLine(rolesAt(lecun, null), 'en')).toBe("founder, AMI Labs; formerly Meta's chief AI scientist");
  });

  it('unattributed facts name the outlet and its author', () => {
    const m = buildCardModel(
      annotation({ claimId: 'c2', sourceId: 'sB', speaker: { id: 'gp', name: { ja: '極客公園', en: 'GeekPark' } }, relations: [] }),
      catalog,
      { ui: 'en' },
    );
    expect(m.who.line).toBe('GeekPark — author Writer');
    expect(m.when).toBe('date not stated; reported on or after 10 February 2026');
    // The author is named once: in "who", not again in "where".
    expect(m.where).toEqual({ outlet: 'GeekPark', editor: 'Editor', title: 'Article B', source: ref('c2') });
    // Names come from the entities, in the UI language: one name per person per language.
    const ja = buildCardModel(annotation({ claimId: 'c2', sourceId: 'sB', relations: [] }), catalog, { ui: 'ja' });
    expect(ja.where).toMatchObject({ outlet: '極客公園', author: '書き手', editor: '編集者', title: '記事B' });
    expect(ja.who.line).not.toContain('書き手');
  });

  it('when uses the dataset date at its precision; where names the outlet, never a headline it did not write', () => {
    const m = buildCardModel(annotation(), catalog, { ui: 'en' });
    expect(m.when).toBe('April 2026');
    expect(m.where).toEqual({ outlet: 'CNBC', source: ref('c1') });
    // The passage in the page's language when the engine says which anchor matched.
    expect(buildCardModel(annotation({ lang: 'en' }), catalog, { ui: 'ja' }).where.source).toEqual(ref('c1', 'en'));
    expect(m.translated).toEqual(['ja']);
  });

  it('says who wrote each language of the text: the outlet, another outlet\'s translation, or Counterpoint\'s', () => {
    const m = buildCardModel(annotation(), catalog, { ui: 'en' });
    // c1 is CNBC's; its ja is marked as Counterpoint's own translation (it overrides the digest's).
    expect(m.origin).toEqual({ ja: { by: 'counterpoint' }, en: { by: 'source' } });
    const c3 = buildCardModel(annotation({ claimId: 'c3', sourceId: 'sB', relations: [] }), catalog, { ui: 'en' });
    expect(c3.origin.ja).toEqual({ by: 'source' });
    // A claim of a source whose ja is another outlet's translation, with no team translation.
    const cat = catalogFromDataset({ ...dataset, claims: dataset.claims.map((c) => (c.id === 'c1' ? { ...c, translated: undefined } : c)) });
    expect(buildCardModel(annotation(), cat, { ui: 'ja' }).origin.ja).toEqual({ by: 'outlet', outlet: 'AI日報' });
  });

  it('a digest\'s paraphrase: attributed to the digest, with the speaker\'s own reported words and the note', () => {
    const m = buildCardModel(annotation({ claimId: 'c4', sourceId: 'sD', relations: [] }), catalog, { ui: 'en' });
    expect(m.where).toMatchObject({ outlet: 'AI日報 (AI Nippo)', digestOf: 'CNBC' });
    expect(m.attribution).toBe('Paraphrased by AI日報 (AI Nippo)');
    expect(m.speakerWords).toHaveLength(1);
    expect(m.speakerWords[0]).toMatchObject({ claimId: 'c1', text: { en: 'xAI is a failure' }, where: { outlet: 'CNBC' } });
    expect(m.note).toBe("The digest's wording");
    const ja = buildCardModel(annotation({ claimId: 'c4', sourceId: 'sD', relations: [] }), catalog, { ui: 'ja' });
    expect(ja.attribution).toBe('AI日報による言い換え');
    expect(ja.note).toBe('ダイジェストの表現');
    // A quote carries no attribution line and no speaker words.
    expect(buildCardModel(annotation(), catalog, { ui: 'en' })).toMatchObject({ attribution: null, speakerWords: [], note: null });
  });

  it('groups related claims with speaker, date, text, source link and the why line (from the dataset when the engine has none)', () => {
    const m = buildCardModel(annotation(), catalog, { ui: 'en' });
    expect(m.status).toBe('contested');
    expect(m.related.contradicts).toHaveLength(1);
    expect(m.related.supports).toHaveLength(1);
    expect(m.related.context).toHaveLength(0);
    const c = m.related.contradicts[0]!;
    expect(c).toMatchObject({ claimId: 'c2', why: 'failure vs. a stall', when: 'date not stated; reported on or after 10 February 2026' });
    expect(c.who.line).toBe('GeekPark — author Writer');
    expect(c.text.en).toBe('a six-month stall');
    expect(c.where.source).toEqual(ref('c2', 'en'));
    expect(m.related.supports[0]!.why).toBe('departures are the reason');
  });

  it('works without a dataset, from the annotation alone', () => {
    const m = buildCardModel(annotation(), emptyCatalog, { ui: 'ja' });
    expect(m.who.line).toBe('ヤン・ルカン');
    expect(m.when).toBe('2026年4月');
    expect(m.text).toEqual({ ja: 'xAI is a failure', en: 'xAI is a failure' });
    expect(m.related.contradicts[0]!.when).toBeNull();
  });

  it('status and summary: only contradicts makes a claim contested; differs is another view, never contested', () => {
    expect(claimStatus([{ type: 'supports' }, { type: 'contradicts' }])).toBe('contested');
    expect(claimStatus([{ type: 'differs' }, { type: 'contradicts' }])).toBe('contested');
    expect(claimStatus([{ type: 'supports' }, { type: 'differs' }])).toBe('other-view');
    expect(claimStatus([{ type: 'supports' }])).toBe('supported');
    expect(claimStatus([{ type: 'contextualizes' }])).toBe('neutral');
    expect(summarize(['contested', 'neutral', 'other-view', 'contested', 'supported'])).toEqual({
      claims: 5, contested: 2, otherViews: 1, supported: 1,
    });
  });

  it('puts a differs relation in its own group, not with the contradicting ones', () => {
    const m = buildCardModel(
      annotation({ relations: [{ type: 'differs', direction: 'out', claimId: 'c2', speaker: { id: 'gp', name: { ja: '極客公園', en: 'GeekPark' } }, text: dataset.claims[1]!.text, sourceId: 'sB' }] }),
      catalog,
      { ui: 'en' },
    );
    expect(m.status).toBe('other-view');
    expect(m.related.differs).toHaveLength(1);
    expect(m.related.contradicts).toHaveLength(0);
    expect(m.relatedCount).toBe(1);
  });
});
