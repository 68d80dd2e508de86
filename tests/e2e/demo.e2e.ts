/**
 * `npm run demo`, one of the README's two first commands, run as a fresh machine without a display
 * runs it (headless; the build is the one this suite tests): it must finish, show the claims on the
 * seed articles and write its screenshots. It broke once unnoticed (a helper tsx compiles differently
 * from vitest), so it is run here rather than trusted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm run demo (headless)', () => {
  it('runs to the end and writes its screenshots', () => {
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/demo.ts'], {
      env: { ...process.env, DISPLAY: '', CI: 'true' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('No display: ran headless. Screenshots:');
    const shots = run.stdout.split('\n').filter((l) => l.trim().endsWith('.png')).map((l) => l.trim());
    expect(shots.length).toBeGreaterThanOrEqual(9);
    for (const f of shots) expect(existsSync(f), f).toBe(true);
    // The articles' cards opened; the unrelated article showed nothing.
    const said = run.stdout + run.stderr;
    expect(said).toContain('no Counterpoint UI appeared on /pages/neg-en-unrelated.html');
    expect(said).not.toMatch(/no Counterpoint UI appeared on \/pages\/(en-cnbc|ja-geekpark|ja-digest|restate-)/);
    expect(said).not.toMatch(/the card did not open/);
    expect(said).toContain('opened a card on /pages/restate-en-translation-geekpark.html');
  }, 300_000);
});
