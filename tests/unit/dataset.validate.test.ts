import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { datasetStats, datePrecision, formatIssue, validateDataset } from '../../lib/dataset/validate';
import { CLAIMS_FILE, copy, readJson, readSeeds } from '../../scripts/dataset-files';

const seeds = readSeeds();
const dataset = readJson(CLAIMS_FILE) as Dataset;

function errorsOf(d: unknown): string[] {
  return validateDataset(d, seeds).errors.map(formatIssue);
}
function claim(d: Dataset, id: string) {
  const c = d.claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
}

describe('the committed dataset', () => {
  it('validates against the schema and the seed texts', () => {
    const r = validateDataset(dataset, seeds);
    expect(r.errors.map(formatIssue)).toEqual([]);
    expect(r.ok).toBe(true);
    // Every quote selector is unambiguous on its own and every alias is a seed spelling.
    expect(r.warnings.map(formatIssue)).toEqual([]);
  });

  it('meets the coverage targets of the issue', () => {
    const st = datasetStats(dataset);
    expect(st.claims).toBeGreaterThanOrEqual(40);
    expect(st.relations).toBeGreaterThanOrEqual(10);
    expect(st.relationsPerType.contradicts).toBeGreaterThanOrEqual(4);
    for (const s of dataset.sources) expect(st.claimsPerSource[s.id]).toBeGreaterThan(0);
    expect(dataset.claims.filter((c) => c.section === 'related-article-blurb').length).toBeGreaterThanOrEqual(3);
  });

  it('anchors every s000 claim in the second, line-broken copy of the seed', () => {
    const seed = seeds['000_0feec097e4407457.txt']!;
    const firstLineEnd = seed.indexOf('\n');
    for (const c of dataset.claims.filter((x) => x.sourceId === 's000')) {
      for (const a of c.anchors) expect(a.start, c.id).toBeGreaterThan(firstLineEnd);
    }
  });

  it('gives every s003 claim a ja and an en anchor', () => {
    for (const c of dataset.claims.filter((x) => x.sourceId === 's003')) {
      expect(new Set(c.anchors.map((a) => a.lang)), c.id).toEqual(new Set(['ja', 'en']));
    }
  });

  it('does not invent the CNBC interview date', () => {
    const s003 = dataset.sources.find((s) => s.id === 's003')!;
    expect(s003.publishedOn.date).toBeNull();
    expect(s003.publishedOn.bounds?.after).toBe('2026-03-31');
    expect(claim(dataset, 's003-lecun-failure').saidOn.date).toBeNull();
    expect(claim(dataset, 's000-wu-leaves').saidOn.date).toBe('2026-02-10');
  });

  it('knows every spelling of the main names', () => {
    const aliases = (id: string) => dataset.entities.find((e) => e.id === id)!.aliases;
    expect(aliases('yann-lecun')).toEqual(expect.arrayContaining(['ルカン', 'レクン', 'ルコン', 'LeCun']));
    expect(aliases('elon-musk')).toEqual(expect.arrayContaining(['マスク', 'ムスク', 'Musk']));
    expect(aliases('xai')).toEqual(expect.arrayContaining(['xAI', 'XAI']));
  });
});

describe('validator rejects broken copies', () => {
  it('reports a wrong anchor offset, naming claim and field', () => {
    const d = copy(dataset);
    const a = claim(d, 's000-wu-leaves').anchors[0]!;
    a.start += 1;
    a.end += 1;
    expect(errorsOf(d)).toContain(`claim s000-wu-leaves: anchors[0].exact does not equal seed text at [${a.start},${a.end})`);
  });

  it('reports an anchor whose end does not fit its exact text', () => {
    const d = copy(dataset);
    claim(d, 's003-lecun-failure').anchors[1]!.end += 3;
    expect(errorsOf(d).some((e) => e.startsWith('claim s003-lecun-failure: anchors[1].end'))).toBe(true);
  });

  it('reports a prefix or suffix that does not match the seed', () => {
    const d = copy(dataset);
    const a = claim(d, 's003-lecun-bubble').anchors[0]!;
    a.prefix = `X${a.prefix.slice(1)}`;
    a.suffix = `${a.suffix.slice(0, -1)}X`;
    const errs = errorsOf(d);
    expect(errs).toContain(`claim s003-lecun-bubble: anchors[0].prefix does not equal the seed text before ${a.start}`);
    expect(errs).toContain(`claim s003-lecun-bubble: anchors[0].suffix does not equal the seed text after ${a.end}`);
  });

  it('reports an anchor in the run-on first copy of seed 000 (outside the source region)', () => {
    const d = copy(dataset);
    const seed = seeds['000_0feec097e4407457.txt']!;
    const a = claim(d, 's000-fatal-blow').anchors[0]!;
    const first = seed.indexOf(a.exact);
    expect(first).toBeLessThan(a.start);
    a.start = first;
    a.end = first + a.exact.length;
    a.prefix = seed.slice(first - 32, first);
    a.suffix = seed.slice(a.end, a.end + 32);
    expect(errorsOf(d).some((e) => e.startsWith('claim s000-fatal-blow: anchors[0] ') && e.includes('outside the source\'s "ja" region'))).toBe(true);
  });

  it('reports a dangling speakerId and sourceId', () => {
    const d = copy(dataset);
    claim(d, 's003-lecun-failure').speakerId = 'yan-lecun';
    claim(d, 's000-fatal-blow').sourceId = 's999';
    const errs = errorsOf(d);
    expect(errs).toContain('claim s003-lecun-failure: speakerId "yan-lecun" does not resolve to an entity');
    expect(errs).toContain('claim s000-fatal-blow: sourceId "s999" does not resolve to a source');
  });

  it('reports a relation inside one article, and a dangling endpoint', () => {
    const d = copy(dataset);
    d.relations.push({ from: 's000-fatal-blow', to: 's000-six-month-stall', type: 'contradicts', why: { ja: 'x', en: 'x' } });
    d.relations.push({ from: 's003-lecun-failure', to: 's003d-kp-failure', type: 'supports', why: { ja: 'x', en: 'x' } });
    d.relations.push({ from: 's000-nope', to: 's003-lecun-failure', type: 'supports', why: { ja: 'x', en: 'x' } });
    const errs = errorsOf(d);
    const n = dataset.relations.length;
    expect(errs).toContain(
      `relation[${n}] (s000-fatal-blow -> s000-six-month-stall): to joins two claims of the same article (s000); relations must join different sources`,
    );
    expect(errs.some((e) => e.startsWith(`relation[${n + 1}] (s003-lecun-failure -> s003d-kp-failure): to joins two claims of the same article`))).toBe(true);
    expect(errs).toContain(`relation[${n + 2}] (s000-nope -> s003-lecun-failure): from "s000-nope" does not resolve to a claim`);
  });

  it('reports a missing text.en and a missing name', () => {
    const d = copy(dataset);
    delete (claim(d, 's003-lecun-failure').text as Partial<Record<'en', string>>).en;
    (d.entities.find((e) => e.id === 'tony-wu')!.name as { en: string }).en = '';
    const errs = errorsOf(d);
    expect(errs).toContain('claim s003-lecun-failure: text.en is missing');
    expect(errs).toContain('entity tony-wu: name.en must be a non-empty string');
  });

  it('reports a claim of a bilingual source without an en anchor', () => {
    const d = copy(dataset);
    const c = claim(d, 's003-lecun-failure');
    c.anchors = c.anchors.filter((a) => a.lang === 'ja');
    expect(errorsOf(d)).toContain('claim s003-lecun-failure: anchors has no "en" anchor (the source has ja, en)');
  });

  it('reports an untranslated text the seed does not contain', () => {
    const d = copy(dataset);
    delete claim(d, 's000-fatal-blow').translated;
    claim(d, 's003-lecun-failure').text.en = 'xAI is a failure.';
    const errs = errorsOf(d);
    expect(errs.some((e) => e.startsWith('claim s000-fatal-blow: text.en is not in the seed'))).toBe(true);
    expect(errs.some((e) => e.startsWith('claim s003-lecun-failure: text.en does not occur verbatim'))).toBe(true);
  });

  it('reports duplicate ids, bad kinds and dates', () => {
    const d = copy(dataset);
    d.claims[1]!.id = d.claims[0]!.id;
    claim(d, 's003-lecun-bubble').kind = 'opinion' as never;
    claim(d, 's003-ami-raise').saidOn = { date: '2026-03', precision: 'day', evidence: 'x' };
    claim(d, 's003-no-comment').saidOn = { date: '2026-02-30', precision: 'day', evidence: 'x' };
    const errs = errorsOf(d);
    expect(errs.some((e) => e.startsWith(`claim ${d.claims[0]!.id}: id is not unique`))).toBe(true);
    expect(errs).toContain('claim s003-lecun-bubble: kind must be one of quote, paraphrase, fact, assessment');
    expect(errs).toContain('claim s003-ami-raise: saidOn.precision is "day" but date "2026-03" has month precision');
    expect(errs.some((e) => e.startsWith('claim s003-no-comment: saidOn.date must be'))).toBe(true);
  });

  it('reports unknown fields (typos) and a non-object dataset', () => {
    const d = copy(dataset) as unknown as { claims: Record<string, unknown>[] };
    d.claims[0]!.speakerID = 'x';
    expect(errorsOf(d)).toContain(`claim ${dataset.claims[0]!.id}: speakerID is not a known field`);
    expect(errorsOf(null)).toEqual(['dataset: must be a JSON object {sources, entities, claims, relations}']);
  });

  it('reports a seed file that is not there', () => {
    const { ['003_470526f33b7c2935.txt']: _, ...only000 } = seeds;
    const errs = validateDataset(dataset, only000).errors.map(formatIssue);
    expect(errs.some((e) => e.startsWith('source s003: seedFile "003_470526f33b7c2935.txt" is not one of the seed files'))).toBe(true);
  });
});

describe('datePrecision', () => {
  it('reads the precision off the date form and rejects impossible dates', () => {
    expect(datePrecision('2026')).toBe('year');
    expect(datePrecision('2026-02')).toBe('month');
    expect(datePrecision('2026-02-10')).toBe('day');
    expect(datePrecision('2026-13')).toBeNull();
    expect(datePrecision('2025-02-29')).toBeNull();
    expect(datePrecision('10 Feb 2026')).toBeNull();
  });
});
