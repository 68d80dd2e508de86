/** The headless command: npm run -s annotate -- <page.html> [--json]. */

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, pagesDir } from '../fixtures/expectations';

const root = join(fixturesDir, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) =>
  spawnSync(tsx, ['scripts/annotate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const sample = join(fixturesDir, 'sample-claims.json');

describe('annotate CLI', { timeout: 60_000 }, () => {
  it('--json prints one JSON object on stdout and nothing else', () => {
    const r = run(join(pagesDir, 'en-cnbc-lecun.html'), '--json', '--dataset', sample);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out.isArticle).toBe(true);
    expect(out.language).toBe('en');
    expect(out.annotations.map((a: { claimId: string }) => a.claimId)).toContain('lecun-failure');
    const a = out.annotations[0];
    for (const key of ['claimId', 'quote', 'score', 'speaker', 'saidOn', 'sourceId', 'relations']) expect(a).toHaveProperty(key);
    expect(a.speaker).toHaveProperty('name.ja');
  });

  it('prints a readable table by default, and language null for an index page in JSON', () => {
    const t = run(join(pagesDir, 'ja-geekpark-wu.html'), '--dataset', sample);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/claim\s+speaker\s+date\s+quote\s+score\s+contradicted by\s+another view/);
    expect(t.stdout).toContain('wu-leaves');
    const j = run(join(pagesDir, 'neg-index.html'), '--json', '--dataset', sample);
    expect(JSON.parse(j.stdout)).toMatchObject({ isArticle: false, annotations: [] });
  });

  it('a missing file: one line on stderr, exit code 2', () => {
    const r = run(join(pagesDir, 'no-such-page.html'), '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unreadable path (a directory): exit code 2', () => {
    const r = run(pagesDir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('works right after npm ci: with no lib/generated/ (the dataset is compiled in memory)', () => {
    // A copy of what the command reads, without the generated files a build would leave behind.
    const dir = mkdtempSync(join(tmpdir(), 'annotate-fresh-'));
    try {
      cpSync(join(root, 'lib'), join(dir, 'lib'), { recursive: true, filter: (src) => !src.includes(join('lib', 'generated')) });
      cpSync(join(root, 'scripts', 'annotate.ts'), join(dir, 'scripts', 'annotate.ts'));
      cpSync(join(root, 'data', 'claims.json'), join(dir, 'data', 'claims.json'));
      cpSync(join(root, 'package.json'), join(dir, 'package.json'));
      cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      const r = spawnSync(tsx, ['scripts/annotate.ts', join(pagesDir, 'en-cnbc-lecun.html'), '--json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).annotations.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
