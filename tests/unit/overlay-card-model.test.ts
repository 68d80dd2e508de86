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
    { id: 'sA', seedFile: 'a.txt', title: { ja: '記事A', en: 'Article A' }, publisher: 'CNBC', language: ['ja', 'en'], publishedOn: unknown },
    {
      id: 'sB', seedFile: 'b.txt', title: { ja: '記事B', en: 'Article B' }, publisher: 'GeekPark', author: 'Writer', editor: 'Editor',
      language: ['ja'], publishedOn: { date: '2026-02-10', precision: 'day', evidence: 'x' },
    },
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
  ],
  claims: [
    {
      id: 'c1', sourceId: 'sA', speakerId: 'lecun', kind: 'quote', saidOn: { date: '2026-04', precision: 'month', evidence: 'x' },
      text: { ja: 'xAIは失敗だ', en: 'xAI is a failure' }, translated: ['ja'], anchors: [],
    },
    { id: 'c2', sourceId: 'sB', speakerId: 'gp', kind: 'fact', saidOn: { ...unknown, bounds: { after: '2026-02-09' } }, text: { ja: '停滞は6か月', en: 'a six-month stall' }, anchors: [] },
    { id: 'c3', sourceId: 'sB', speakerId: 'gp', kind: 'fact', saidOn: unknown, text: { ja: '共同創設者が離脱', en: 'co-founders left' }, anchors: [] },
  ],
  relations: [
    { from: 'c1', to: 'c2', type: 'contradicts', why: { ja: '失敗と停滞は違う', en: 'failure vs. a stall' } },
    { from: 'c3', to: 'c1', type: 'supports', why: { ja: '離脱が理由', en: 'departures are the reason' } },
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
    expect(m.when).toBe('date not stated; reported after 2026-02-09');
    expect(m.where).toMatchObject({ outlet: 'GeekPark', author: 'Writer', editor: 'Editor', languages: 'Japanese', source: ref('c2') });
  });

  it('when uses the dataset date at its precision; where has outlet, languages and a source link', () => {
    const m = buildCardModel(annotation(), catalog, { ui: 'en' });
    expect(m.when).toBe('April 2026');
    expect(m.where.outlet).toBe('CNBC');
    expect(m.where.languages).toBe('Japanese, English');
    expect(m.where.source).toEqual(ref('c1'));
    // The passage in the page's language when the engine says which anchor matched.
    expect(buildCardModel(annotation({ lang: 'en' }), catalog, { ui: 'ja' }).where.source).toEqual(ref('c1', 'en'));
    expect(m.translated).toEqual(['ja']);
  });

  it('groups related claims with speaker, date, text, source link and the why line (from the dataset when the engine has none)', () => {
    const m = buildCardModel(annotation(), catalog, { ui: 'en' });
    expect(m.status).toBe('contested');
    expect(m.related.contradicts).toHaveLength(1);
    expect(m.related.supports).toHaveLength(1);
    expect(m.related.context).toHaveLength(0);
    const c = m.related.contradicts[0]!;
    expect(c).toMatchObject({ claimId: 'c2', why: 'failure vs. a stall', when: 'date not stated; reported after 2026-02-09' });
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

  it('status and summary', () => {
    expect(claimStatus([{ type: 'supports' }, { type: 'contradicts' }])).toBe('contested');
    expect(claimStatus([{ type: 'supports' }])).toBe('supported');
    expect(claimStatus([{ type: 'contextualizes' }])).toBe('neutral');
    expect(summarize(['contested', 'neutral', 'contested', 'supported'])).toEqual({ claims: 4, contested: 2, supported: 1 });
  });
});
