/** The headless command reports both tiers: restatements with score and reasons, and a top-level stories array. */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, pagesDir } from '../fixtures/expectations';

const root = join(fixturesDir, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, ['scripts/annotate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('annotate CLI, both tiers', { timeout: 60_000 }, () => {
  it('--json: restatements (method "restatement", confidence, score, reasons, the original words) and stories', () => {
    const r = run(join(pagesDir, 'restate-ja-translation-cnbc.html'), '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const restated = out.annotations.filter((a: { method: string }) => a.method === 'restatement');
    expect(restated.length).toBeGreaterThan(10);
    const a = restated.find((x: { claimId: string }) => x.claimId === 's003-lecun-world-models-agents');
    expect(a).toMatchObject({ confidence: 'high', lang: 'ja', speaker: { id: 'yann-lecun' } });
    expect(a.score).toBeGreaterThan(0);
    expect(a.quote).toContain('世界モデル');
    expect(a.original.en).toContain('world models');
    for (const k of ['names', 'numbers', 'terms']) expect(Array.isArray(a.reasons[k])).toBe(true);
    expect(out.stories.map((s: { storyId: string }) => s.storyId)).toEqual(['story-lecun-xai-failure']);
    expect(out).not.toHaveProperty('rejected');
  });

  it('an empty stories array on a page that reports no story; --debug lists the vetoed candidates', () => {
    const r = run(join(pagesDir, 'restate-neg-ja-cofounder-march.html'), '--json', '--debug');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.stories).toEqual([]);
    expect(out.annotations).toEqual([]);
    expect(out.rejected.some((x: { veto: string }) => /ordinal|story/.test(x.veto))).toBe(true);
  });

  it('the table names the story and marks restatements', () => {
    const r = run(join(pagesDir, 'restate-en-independent-wu.html'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('this page reports: xAI co-founder Tony Wu leaves');
    expect(r.stdout).toMatch(/restatement\/high/);
  });
});
