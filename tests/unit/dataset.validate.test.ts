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

  it('meets the coverage targets of the issue (no target for contradictions: they are what the sources say, not a quota)', () => {
    const st = datasetStats(dataset);
    expect(st.claims).toBeGreaterThanOrEqual(40);
    expect(st.relations).toBeGreaterThanOrEqual(10);
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

  it('does not invent the CNBC interview date, nor bound the interview by the article', () => {
    const s003 = dataset.sources.find((s) => s.id === 's003')!;
    expect(s003.publishedOn.date).toBeNull();
    expect(s003.publishedOn.bounds?.after).toBe('2026-03-31');
    for (const c of dataset.claims.filter((x) => x.speakerId === 'yann-lecun')) {
      expect(c.saidOn.date, c.id).toBeNull();
      expect(c.saidOn.bounds, c.id).toBeUndefined();
    }
    expect(claim(dataset, 's000-wu-leaves').eventOn?.date).toBe('2026-02-10');
  });

  it('names sources as they are: no source under a headline it did not write, translations credited', () => {
    const src = (id: string) => dataset.sources.find((s) => s.id === id)!;
    // CNBC's own headline is not in the seed: the CNBC body has no title at all.
    expect(src('s003').title).toBeUndefined();
    expect(src('s003').publisherId).toBe('cnbc');
    expect(src('s003').translatedBy).toEqual({ ja: 'ai-nippo' });
    // The headline above it is the digest's, published by the digest (named in its footer).
    expect(src('s003-digest').publisherId).toBe('ai-nippo');
    expect(src('s003-digest').digestOf).toBe('s003');
    expect(src('s003-digest').title?.ja).toBe('AI の父がムスクの xAI を「失敗」と断じ、業界にバブル崩壊の警告を発する');
    expect(seeds['003_470526f33b7c2935.txt']).toContain('AI日報');
    // The digest's paraphrases point at LeCun's words as CNBC reports them.
    expect(claim(dataset, 's003d-headline').paraphraseOf).toContain('s003-lecun-failure');
    // One name per person per language; no internal notes in names.
    for (const e of dataset.entities) {
      for (const n of [e.name.ja, e.name.en]) expect(n, e.id).not.toMatch(/not named|unnamed|匿名|記載なし/);
    }
  });

  it('keeps the hedges in texts and in every why', () => {
    expect(claim(dataset, 's003-lecun-failure').text.en).toContain('kind of a failure');
    expect(claim(dataset, 's003-lecun-failure').text.ja).toContain('ある意味で失敗');
    expect(claim(dataset, 's003-altman-spending-discussed').text.en).toContain('reportedly');
    expect(claim(dataset, 's003-altman-spending-discussed').text.ja).toContain('報じられている');
    expect(claim(dataset, 's000-six-month-stall').text.ja).toContain('少なくとも');
    expect(claim(dataset, 's000-six-month-stall').text.en).toContain('at least');
    expect(claim(dataset, 's000-style-not-optimal').text.ja).toContain('間違っているわけではないが');
    for (const r of dataset.relations) {
      // LeCun never called xAI a failure without "kind of"; a why that says so keeps it.
      if (/failure/.test(r.why.en)) expect(r.why.en, `${r.from} -> ${r.to}`).toMatch(/kind of a failure/);
      if (/失敗/.test(r.why.ja)) expect(r.why.ja, `${r.from} -> ${r.to}`).toMatch(/ある意味で失敗/);
    }
  });

  it('grounds every relation in words of both claims', () => {
    const text = (id: string) => Object.values(claim(dataset, id).text).join('\n');
    for (const r of dataset.relations) {
      expect(text(r.from), `${r.from} -> ${r.to}`).toContain(r.basis.from);
      expect(text(r.to), `${r.from} -> ${r.to}`).toContain(r.basis.to);
    }
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
    const basis = { from: 'x', to: 'x' };
    d.relations.push({ from: 's000-fatal-blow', to: 's000-six-month-stall', type: 'supports', basis, why: { ja: 'x', en: 'x' } });
    d.relations.push({ from: 's003-lecun-failure', to: 's003d-kp-failure', type: 'supports', basis, why: { ja: 'x', en: 'x' } });
    d.relations.push({ from: 's000-nope', to: 's003-lecun-failure', type: 'supports', basis, why: { ja: 'x', en: 'x' } });
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
    expect(errs).toContain('claim s003-lecun-bubble: kind must be one of quote, paraphrase, fact, assessment, question');
    expect(errs).toContain('claim s003-ami-raise: saidOn.precision is "day" but date "2026-03" has month precision');
    expect(errs.some((e) => e.startsWith('claim s003-no-comment: saidOn.date must be'))).toBe(true);
  });

  it('reports a relation without a basis, or whose basis is not in the claim, naming the relation', () => {
    const d = copy(dataset);
    const i = d.relations.findIndex((r) => r.from === 's000-fatal-blow' && r.to === 's003-lecun-failure');
    const j = d.relations.findIndex((r) => r.from === 's000-merger-valuation');
    delete (d.relations[i] as Partial<(typeof d.relations)[number]>).basis;
    d.relations[j]!.basis.to = 'valued the company at $2 trillion';
    const errs = errorsOf(d);
    expect(errs).toContain(
      `relation[${i}] (s000-fatal-blow -> s003-lecun-failure): basis is missing: give the exact words of each side the relation rests on`,
    );
    expect(errs).toContain(
      `relation[${j}] (s000-merger-valuation -> s003-merger-1-25-trillion): basis.to "valued the company at $2 trillion" is not part of claim s003-merger-1-25-trillion's text (ja or en)`,
    );
  });

  it('reports a why that quotes words neither claim has, or cuts a hedge off a quotation', () => {
    const d = copy(dataset);
    const i = d.relations.findIndex((r) => r.from === 's000-fatal-blow' && r.to === 's003-lecun-failure');
    d.relations[i]!.why.en = "GeekPark calls it 'a fatal blow to xAI'; LeCun calls xAI 'a failure, frankly, because the founding team has' departed.";
    d.relations[i]!.why.ja = 'ルカンは「人材こそが問題だ」と述べる。';
    const errs = errorsOf(d);
    expect(errs).toContain(
      `relation[${i}] (s000-fatal-blow -> s003-lecun-failure): why.en quotes "a failure, frankly, because the founding team has" without the hedge that precedes it in the claim's text (e.g. "kind of"): keep hedges`,
    );
    expect(errs).toContain(
      `relation[${i}] (s000-fatal-blow -> s003-lecun-failure): why.ja quotes "人材こそが問題だ", which is in neither claim's text (ja or en): quote nobody with words they did not say`,
    );
    // The unchanged quotation of the same claim passes: apostrophes and curly quotes are not words.
    expect(errs.some((e) => e.includes("'a fatal blow to xAI'") || e.includes('"a fatal blow to xAI"'))).toBe(false);
  });

  it("reports a story whose title quotes words none of its claims has, or drops a hedge", () => {
    const d = copy(dataset) as Dataset & { stories: { id: string; title: { ja: string; en: string } }[] };
    const story = d.stories.find((s) => s.id === 'story-lecun-xai-failure')!;
    story.title.en = "Yann LeCun calls xAI 'a failure, frankly' and 'doomed'";
    const errs = errorsOf(d);
    expect(errs).toContain(
      `story story-lecun-xai-failure: title.en quotes "a failure, frankly" without the hedge that precedes it in the claim's text (e.g. "kind of"): keep hedges`,
    );
    expect(errs).toContain(
      `story story-lecun-xai-failure: title.en quotes "doomed", which is in none of the story's claims (ja or en): quote nobody with words they did not say`,
    );
  });

  it('reports a contradicts or differs relation recorded one way only', () => {
    const d = copy(dataset);
    const k = d.relations.findIndex((r) => r.type === 'differs');
    const { from, to } = d.relations[k]!;
    d.relations = d.relations.filter((r) => !(r.type === 'differs' && r.from === to && r.to === from));
    const at = d.relations.findIndex((r) => r.type === 'differs' && r.from === from && r.to === to);
    expect(errorsOf(d)).toContain(`relation[${at}] (${from} -> ${to}): type is differs, which reads both ways: record ${to} -> ${from} too`);
  });

  it('reports dangling source references and a paraphraseOf that is not the speaker\'s words', () => {
    const d = copy(dataset);
    d.sources.find((s) => s.id === 's003')!.publisherId = 'yann-lecun';
    d.sources.find((s) => s.id === 's003-digest')!.digestOf = 's999';
    claim(d, 's003d-kp-failure').paraphraseOf = ['s003-no-comment'];
    const errs = errorsOf(d);
    expect(errs).toContain('source s003: publisherId "yann-lecun" is a person; expected outlet');
    expect(errs).toContain('source s003-digest: digestOf "s999" must be another source\'s id');
    expect(errs).toContain('claim s003d-kp-failure: paraphraseOf[0] "s003-no-comment" has another speaker (cnbc)');
    expect(errs).toContain('claim s003d-kp-failure: paraphraseOf[0] "s003-no-comment" is a fact, not the speaker\'s words');
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
