import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, serializeDataset, type AuthoringFile } from '../../lib/dataset/build';
import { AUTHORING_FILE, CLAIMS_FILE, copy, readJson, readSeeds, ROOT, SOURCES_DIR } from '../../scripts/dataset-files';

const seeds = readSeeds();
const authoring = readJson(AUTHORING_FILE) as AuthoringFile;

describe('dataset build (authoring file -> data/claims.json)', () => {
  it('builds without errors and matches the committed data/claims.json', () => {
    const { dataset, errors } = buildDataset(authoring, seeds);
    expect(errors).toEqual([]);
    expect(serializeDataset(dataset)).toBe(readFileSync(CLAIMS_FILE, 'utf8'));
  });

  it('keeps the seed copies byte-identical to the shared seeds (when those are present)', () => {
    const shared = join(ROOT, '..', 'shared', 'seeds');
    for (const name of Object.keys(seeds)) {
      const original = join(shared, name);
      if (!existsSync(original)) continue;
      expect(readFileSync(join(SOURCES_DIR, name)).equals(readFileSync(original)), name).toBe(true);
    }
  });

  it('fails on a quote that is not in the source region', () => {
    const a = copy(authoring);
    a.claims.find((c) => c.id === 's000-fatal-blow')!.anchors[0]!.exact = 'このタイミングでWuを失うことは、xAIにとって軽微な打撃だ';
    const { errors } = buildDataset(a, seeds);
    expect(errors.some((e) => e.startsWith('claim s000-fatal-blow: anchors[0] (ja)') && e.includes('not found'))).toBe(true);
  });

  it('fails on an ambiguous quote, and a hint resolves it', () => {
    const a = copy(authoring);
    const c = a.claims.find((x) => x.id === 's003-lecun-failure')!;
    c.anchors[1] = { lang: 'en', exact: 'LeCun said' };
    const { errors } = buildDataset(a, seeds);
    expect(errors.some((e) => e.startsWith('claim s003-lecun-failure: anchors[1] (en)') && e.includes('add a prefix or suffix hint'))).toBe(true);
    c.anchors[1] = { lang: 'en', exact: 'LeCun said', prefix: 'has” departed, ' };
    expect(buildDataset(a, seeds).errors).toEqual([]);
  });

  it('only finds s000 quotes in the second copy, even though the seed has each twice', () => {
    const seed = seeds['000_0feec097e4407457.txt']!;
    const { dataset } = buildDataset(authoring, seeds);
    const a = dataset.claims.find((c) => c.id === 's000-fatal-blow')!.anchors[0]!;
    expect(seed.indexOf(a.exact)).toBeLessThan(a.start);
    expect(a.start).toBeGreaterThan(seed.indexOf('\n'));
  });

  it('marks languages the source lacks as translated', () => {
    const { dataset } = buildDataset(authoring, seeds);
    expect(dataset.claims.find((c) => c.id === 's000-fatal-blow')!.translated).toEqual(['en']);
    expect(dataset.claims.find((c) => c.id === 's003-no-comment')!.translated).toBeUndefined();
    // A language the source has, but whose seed text the team re-translated (the digest's dropped a hedge).
    expect(dataset.claims.find((c) => c.id === 's003-lecun-failure')!.translated).toEqual(['ja']);
  });
});
