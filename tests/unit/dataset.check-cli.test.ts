import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { CLAIMS_FILE, copy, readJson, ROOT } from '../../scripts/dataset-files';

function runCheck(args: string[]) {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, [join(ROOT, 'scripts', 'dataset-check.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run dataset:check', () => {
  it('prints counts and exits 0 on the committed dataset', () => {
    const r = runCheck([]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/claims per source: +s000=\d+ +s003=\d+ +s003-digest=\d+/);
    expect(r.stdout).toMatch(/claims per kind: +quote=\d+ +paraphrase=\d+ +fact=\d+ +assessment=\d+/);
    expect(r.stdout).toMatch(/relations per type: +supports=\d+ +contradicts=\d+ +differs=\d+ +contextualizes=\d+/);
  }, 30_000);

  it('exits non-zero naming the claim and field on a violation', () => {
    const d = copy(readJson(CLAIMS_FILE) as Dataset);
    d.claims.find((c) => c.id === 's003-lecun-failure')!.speakerId = 'nobody';
    const dir = mkdtempSync(join(tmpdir(), 'dataset-check-'));
    const file = join(dir, 'claims.json');
    writeFileSync(file, JSON.stringify(d));
    const r = runCheck(['--claims', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: claim s003-lecun-failure: speakerId "nobody" does not resolve to an entity');
  }, 30_000);

  it('exits non-zero when claims.json is stale against the authoring file', () => {
    const d = copy(readJson(CLAIMS_FILE) as Dataset);
    d.claims.find((c) => c.id === 's000-fatal-blow')!.kind = 'fact';
    const dir = mkdtempSync(join(tmpdir(), 'dataset-check-'));
    const file = join(dir, 'claims.json');
    writeFileSync(file, `${JSON.stringify(d, null, 2)}\n`);
    const r = runCheck(['--claims', file, '--authoring', join(ROOT, 'data', 'claims.authoring.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('out of date with data/claims.authoring.json (first difference: claim s000-fatal-blow)');
  }, 30_000);
});
